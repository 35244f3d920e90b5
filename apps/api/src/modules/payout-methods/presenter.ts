// Payout methods as the API shows them: the mask, never the number, the holder or the hash.
import type { PayoutMethodRow } from './repo.ts';
import type { BANKS, PAYOUT_KINDS, PayoutToJson } from './schema.ts';

type Kind = (typeof PAYOUT_KINDS)[number];
type Bank = (typeof BANKS)[number];

export const presentPayoutMethod = (m: PayoutMethodRow, isDefault: boolean) => ({
  id: m.id,
  kind: m.kind as Kind,
  bank: m.bank as Bank | null,
  masked: m.masked,
  isDefault,
  verifiedAt: m.verifiedAt.toISOString(),
  lastUsedAt: m.lastUsedAt?.toISOString() ?? null,
  createdAt: m.createdAt.toISOString(),
});

/** The snapshot a withdrawal keeps of where it went. */
export const payoutTo = (m: PayoutMethodRow): PayoutToJson => ({ id: m.id, kind: m.kind as Kind, bank: m.bank as Bank | null, masked: m.masked });
