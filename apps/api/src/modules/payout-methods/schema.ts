// Payout methods (收款账户): what a member sends to add one, and what the API shows.
import { z } from '@hono/zod-openapi';

/** Banks a card can be added for (codes as the payout provider names them). */
export const BANKS = ['CMB', 'ICBC', 'CCB', 'ABC', 'BOC', 'BOCOM', 'PSBC', 'CIB', 'SPDB', 'CITIC', 'CEB', 'CMBC', 'PAB'] as const;
export const PAYOUT_KINDS = ['alipay', 'bank_card'] as const;
/** A member keeps a few accounts, not a list of everyone's. */
export const MAX_PAYOUT_METHODS = 5;

export const NewPayoutMethod = z
  .object({
    kind: z.enum(PAYOUT_KINDS),
    account: z.string().trim().min(1).max(64).openapi({ description: 'Alipay: an email or a mainland mobile number. Bank card: 12–19 digits (spaces allowed).' }),
    holderName: z.string().trim().min(1).max(30).openapi({ description: "The account holder's name, as the provider checks it" }),
    bank: z.enum(BANKS).optional().openapi({ description: 'Required for a bank card' }),
  })
  .openapi('NewPayoutMethod');
export type NewPayoutMethodInput = z.infer<typeof NewPayoutMethod>;

export const PayoutMethod = z
  .object({
    id: z.string(),
    kind: z.enum(PAYOUT_KINDS),
    bank: z.enum(BANKS).nullable(),
    masked: z.string().openapi({ example: '••••1234' }),
    isDefault: z.boolean().openapi({ description: 'The one a withdrawal without payoutMethodId goes to: the last used, else the newest' }),
    verifiedAt: z.string(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('PayoutMethod');

/** What a withdrawal shows of where it went, as it was at the time. */
export const PayoutTo = z
  .object({ id: z.string(), kind: z.enum(PAYOUT_KINDS), bank: z.enum(BANKS).nullable(), masked: z.string() })
  .openapi('PayoutTo');
export type PayoutToJson = z.infer<typeof PayoutTo>;
