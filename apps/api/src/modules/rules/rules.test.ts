// GET /rules through HTTP: public, cacheable (ETag → 304), the environment's defaults until an
// operator changes a setting, then the new value at once; the anti-abuse limits are not in it.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { changeSettings, staff } from '../admin/fixtures.ts';

const t = await createTestApp({ LOG_LEVEL: 'error', FEE_BPS: '60', QUICKSELL_MIN_ACCOUNT_DAYS: '180' });
const admin = await staff(t, 'admin');

describe('GET /rules', () => {
  it('gives visitors the member-facing numbers, with caching headers and a 304 for the same ETag', async () => {
    const r = await t.req('GET', '/rules');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      feeBps: 60, depositMaxPercent: 30, minWithdrawal: 100, noShowContestHours: 24, reservationHours: 48,
      quickSellMinAccountDays: 180, quickSellPriceCap: 1_000_000, offerValidHours: 24, paymentExpiryMinutes: 15, afterSaleDays: 7,
    });
    for (const hidden of ['loginMaxFailures', 'registerPerIpPerHour', 'repeatOffenderFlagsPerDay', 'proSellerSalesPerYear', 'juryMinCredit', 'sessionDays']) {
      expect(r.json).not.toHaveProperty(hidden);
    }
    expect(r.headers.get('cache-control')).toBe('public, max-age=30');
    const etag = r.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await t.req('GET', '/rules', { headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
  });

  it('shows an operator’s change at once, with a new ETag; back to the default when it is cleared', async () => {
    const before = await t.req('GET', '/rules');
    await changeSettings(t, admin, { depositMaxPercent: 40, feeBps: 80, minWithdrawal: 500, noShowContestHours: 12 });
    const member = await t.user();
    const after = await t.req('GET', '/rules', { token: member.token, headers: { 'if-none-match': before.headers.get('etag') as string } });
    expect(after.status).toBe(200);
    expect(after.json).toMatchObject({ depositMaxPercent: 40, feeBps: 80, minWithdrawal: 500, noShowContestHours: 12 });
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    await changeSettings(t, admin, { depositMaxPercent: null, feeBps: null, minWithdrawal: null, noShowContestHours: null });
    const back = await t.req('GET', '/rules');
    expect(back.json).toMatchObject({ depositMaxPercent: 30, feeBps: 60, minWithdrawal: 100, noShowContestHours: 24 });
    expect(back.headers.get('etag')).toBe(before.headers.get('etag'));
  });
});
