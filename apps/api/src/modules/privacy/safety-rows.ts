// The personal-data rows of the authorization matrix (safety/operations.ts spreads them in).
// Both act on the caller's own account only, so the party and the stranger are fresh members:
// a deletion must never spend the world's A, B or C, and exports are limited per member an hour.
import type { Row } from '../../safety/operations.ts';
import { PASSWORD } from '../../safety/world.ts';

export const privacyRows: Record<string, Row> = {
  'GET /me/export': {
    visitor: '401', stranger: '2xx', party: '2xx',
    setup: async (w) => {
      const party = await w.member();
      return { party, stranger: await w.member(), secrets: [party.username, party.id] };
    },
  },
  'DELETE /me': {
    visitor: '401', stranger: '2xx', party: '2xx',
    setup: async (w) => ({ party: await w.member(), stranger: await w.member(), body: { password: PASSWORD } }),
  },
};
