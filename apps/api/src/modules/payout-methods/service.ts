// Adding and removing payout methods. The provider verifies an account before it is kept (a
// provider call: never inside a transaction); the number and the holder's name are stored only
// sealed (AES-256-GCM, lib/secrets.ts), the member sees the mask.
import { isUniqueViolation } from '../../db/index.ts';
import { AppError, conflict, notFound, unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import type { PayoutDestination } from '../../lib/providers.ts';
import { CN_MOBILE, EMAIL, maskAccount } from './mask.ts';
import { type PayoutMethodRow, countActive } from './repo.ts';
import { MAX_PAYOUT_METHODS, type NewPayoutMethodInput } from './schema.ts';

const ONE_ACCOUNT = 'payout_methods_one_account';

/** Checks the account's form and returns it as the provider reads it. */
export function normalizeDestination(input: NewPayoutMethodInput): PayoutDestination {
  const holderName = input.holderName.trim();
  if (input.kind === 'bank_card') {
    const account = input.account.replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(account)) {
      throw unprocessable('invalid_card_number', 'A bank card number is 12–19 digits.', { errors: [{ path: 'account', message: '12–19 digits' }] });
    }
    if (!input.bank) throw unprocessable('bank_required', 'Choose the bank of the card.', { errors: [{ path: 'bank', message: 'required for a bank card' }] });
    return { kind: 'bank_card', account, holderName, bank: input.bank };
  }
  const account = input.account.trim();
  if (!EMAIL.test(account) && !CN_MOBILE.test(account)) {
    throw unprocessable('invalid_alipay_account', 'An Alipay account is an email address or a mainland mobile number.', {
      errors: [{ path: 'account', message: 'an email or a mobile number' }],
    });
  }
  return { kind: 'alipay', account: account.toLowerCase(), holderName, bank: null };
}

const sealed = (d: PayoutDestination) => JSON.stringify({ account: d.account, holderName: d.holderName });

export async function addPayoutMethod(deps: Deps, userId: string, input: NewPayoutMethodInput): Promise<PayoutMethodRow> {
  const dest = normalizeDestination(input);
  const accountHash = deps.secrets.hash(`${dest.kind}:${dest.account}`);
  if ((await countActive(deps.db, userId)) >= MAX_PAYOUT_METHODS) {
    throw unprocessable('too_many_payout_methods', `At most ${MAX_PAYOUT_METHODS} payout methods; remove one first.`);
  }
  const same = await deps.db
    .selectFrom('payoutMethods').select('id')
    .where('userId', '=', userId).where('accountHash', '=', accountHash).where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (same) throw conflict('payout_method_exists', 'This account is already one of your payout methods.', { payoutMethodId: same.id });

  let verdict: Awaited<ReturnType<Deps['providers']['payouts']['verify']>>;
  try {
    verdict = await deps.providers.payouts.verify(dest);
  } catch (err) {
    deps.log.warn({ err }, 'payout provider verification failed');
    throw new AppError(503, 'payout_provider_unavailable', 'The payout provider could not check the account just now; try again in a minute.');
  }
  if (!verdict.ok) {
    throw verdict.reason === 'invalid_card_number'
      ? unprocessable('invalid_card_number', 'This is not a valid bank card number.', { errors: [{ path: 'account', message: 'check digit does not match' }] })
      : unprocessable('payout_account_rejected', 'The payout provider could not verify this account: it does not exist, is closed, or does not take transfers.', {
          errors: [{ path: 'account', message: 'rejected by the payout provider' }],
        });
  }
  const now = deps.clock.now();
  try {
    return await deps.db
      .insertInto('payoutMethods')
      .values({
        userId, kind: dest.kind, bank: dest.bank, accountEnc: deps.secrets.encrypt(sealed(dest)), accountHash,
        masked: maskAccount(dest), provider: deps.providers.payouts.name, providerRef: verdict.ref, verifiedAt: now, createdAt: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (err) {
    // The same account added twice at once: one row wins.
    if (isUniqueViolation(err, ONE_ACCOUNT)) throw conflict('payout_method_exists', 'This account is already one of your payout methods.');
    throw err;
  }
}

/** Hidden and never chosen again; the row stays while withdrawals point at it. */
export async function removePayoutMethod(deps: Deps, userId: string, id: string) {
  const res = await deps.db
    .updateTable('payoutMethods').set({ deletedAt: deps.clock.now() })
    .where('id', '=', id).where('userId', '=', userId).where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!res.numUpdatedRows) throw notFound('payout method');
}

/** The account, unsealed only to hand it to the provider; null when it cannot be read. */
export function destinationOf(deps: Pick<Deps, 'secrets'>, m: Pick<PayoutMethodRow, 'kind' | 'bank' | 'accountEnc'>): PayoutDestination | null {
  try {
    const { account, holderName } = JSON.parse(deps.secrets.decrypt(m.accountEnc)) as { account: string; holderName: string };
    return { kind: m.kind as PayoutDestination['kind'], account, holderName, bank: m.bank };
  } catch {
    return null; // sealed under another key: the provider is told there is no account, and the money comes back
  }
}
