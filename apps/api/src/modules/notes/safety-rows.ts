// The stall host's rows of the authorization matrix (safety/operations.ts spreads them in): only
// the note's author keeps the stall — sets rules, closes, reopens, pins. w.note() is A's stall.
import type { Row } from '../../safety/operations.ts';

const hostOnly = { guards: 'note', visitor: '401', stranger: '403', party: '2xx' } as const;

export const stallHostRows: Record<string, Row> = {
  'PUT /notes/{id}/stall/rules': { ...hostOnly, setup: async (w) => ({ party: w.A, params: { id: await w.note() }, body: { pickupOnly: true, maxPrice: 5000 } }) },
  'POST /notes/{id}/stall/close': { ...hostOnly, setup: async (w) => ({ party: w.A, params: { id: await w.note() } }) },
  'POST /notes/{id}/stall/reopen': { ...hostOnly, setup: async (w) => ({ party: w.A, params: { id: await w.note() } }) },
  // B wrote the comment, A hosts the stall: only A pins it.
  'PUT /comments/{id}/pin': {
    guards: 'comment', visitor: '401', stranger: '403', party: '2xx', peer: '403',
    setup: async (w) => ({ party: w.A, peer: w.B, params: { id: await w.comment(await w.note()) } }),
  },
  'DELETE /comments/{id}/pin': {
    guards: 'comment', visitor: '401', stranger: '403', party: '2xx', peer: '403',
    setup: async (w) => ({ party: w.A, peer: w.B, params: { id: await w.comment(await w.note()) } }),
  },
};
