// Personal data (SPEC C11): the export download and account deletion. The export is a plain
// link: the browser streams the file to disk with the session cookie, however large it is.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, toApiError } from '../../lib/api.ts';
import { clearSession } from '../accounts/api.ts';

export const EXPORT_URL = '/api/v1/me/export';

export type BlockerKind = 'open_orders' | 'open_cases' | 'wallet_not_empty' | 'withdrawal_processing';
export type Blocker =
  | { kind: 'open_orders'; orderIds: string[] }
  | { kind: 'open_cases'; caseIds: string[] }
  | { kind: 'wallet_not_empty'; balance: number }
  | { kind: 'withdrawal_processing'; withdrawalIds: string[] };

/** A refusal that lists what must be finished first (409 with `blockers`). */
export class DeletionBlocked extends Error {
  constructor(readonly blockers: Blocker[]) {
    super('deletion_blocked');
  }
}

async function deleteAccount(password: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/api/v1/me', {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ password }),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  if (res.status === 204) return;
  const data: unknown = await res.json().catch(() => null);
  const blockers = (data as { blockers?: unknown } | null)?.blockers;
  if (res.status === 409 && Array.isArray(blockers)) throw new DeletionBlocked(blockers as Blocker[]);
  throw toApiError(res, data);
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
