// Personal data (SPEC C11): the export download and account deletion. The export is a plain
// link: the browser streams the file to disk with the session cookie, however large it is.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, type Schemas, toApiError } from '../../lib/api.ts';
import { clearSession } from '../accounts/api.ts';

export const EXPORT_URL = '/api/v1/me/export';

export type Blocker = Schemas['DeletionBlockedProblem']['blockers'][number];
export type BlockerKind = Blocker['kind'];

/** A refusal that lists what must be finished first (409 with `blockers`). */
export class DeletionBlocked extends Error {
  constructor(readonly blockers: Blocker[]) {
    super('deletion_blocked');
  }
}

async function deleteAccount(password: string): Promise<void> {
  const { error, response } = await client.DELETE('/api/v1/me', { body: { password } });
  if (response.ok) return;
  if (response.status === 409 && error && 'blockers' in error && Array.isArray(error.blockers)) {
    throw new DeletionBlocked(error.blockers);
  }
  throw toApiError(response, error);
}

/**
 * DELETE /me, then `leave` (to a public page) and forget the member. At the mutation's level,
 * not the call's: the session ends on the server first, and a guard may unmount the page
 * (taking per-call callbacks with it) before the answer arrives.
 */
export function useDeleteAccount(leave: () => Promise<void> | void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: async () => {
      await leave();
      clearSession(qc);
    },
  });
}
