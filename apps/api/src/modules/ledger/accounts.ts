// Ledger account names. One escrow account per order makes "held for this order" a balance
// you can read, and "settled at most once" something the ledger itself can check.
export const GATEWAY = 'external:gateway'; // money arriving from the payment provider
export const PAYOUTS = 'external:payouts'; // money that left to members' payout methods
export const PAYOUT_CLEARING = 'clearing:payouts'; // withdrawals sent, not yet confirmed
export const PLATFORM_FEES = 'platform:fees';

export const memberAccount = (userId: string) => `user:${userId}`;
export const escrowAccount = (orderId: string) => `escrow:order:${orderId}`;
export const depositAccount = (depositId: string) => `escrow:deposit:${depositId}`;

export type AccountKind = 'member' | 'escrow' | 'platform' | 'clearing' | 'external';

export function accountKind(id: string): { kind: AccountKind; ownerId: string | null } {
  if (id.startsWith('user:')) return { kind: 'member', ownerId: id.slice(5) };
  if (id.startsWith('escrow:')) return { kind: 'escrow', ownerId: null };
  if (id.startsWith('platform:')) return { kind: 'platform', ownerId: null };
  if (id.startsWith('clearing:')) return { kind: 'clearing', ownerId: null };
  if (id.startsWith('external:')) return { kind: 'external', ownerId: null };
  throw new Error(`unknown ledger account ${id}`);
}
