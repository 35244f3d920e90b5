// A jury of two (JURY_SIZE=2): a tie goes to operators, and so does a missed vote when no
// eligible member is left to replace the juror.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { expectLedgerOk } from '../orders/fixtures.ts';
import { drawnJurors, jurorPool, rejectedCase } from './fixtures.ts';
import { decideCase, replaceMissedJurors } from './service/jury.ts';

const t = await createTestApp({ JURY_SIZE: '2' });
const DAY = 86_400_000;
const pool = await jurorPool(t, 2);
const token = (id: string) => pool.find((m) => m.id === id)?.token as string;

describe('a jury of two', () => {
  it('a tie goes to operators', async () => {
    const { seller, buyer, caseId } = await rejectedCase(t);
    expect((await t.req('POST', `/after-sales/${caseId}/escalate`, { token: buyer.token })).json.status).toBe('in_jury');
    const [a, b] = (await drawnJurors(t, caseId)).map((j) => j.userId) as [string, string];
    expect([a, b].sort()).toEqual(pool.map((m) => m.id).sort());
    await t.req('POST', `/jury/cases/${caseId}/vote`, { token: token(a), body: { verdict: 'refund', reason: '照片显示有破损' } });
    const r = await t.req('POST', `/jury/cases/${caseId}/vote`, { token: token(b), body: { verdict: 'release', reason: '看不出是运输造成' } });
    expect(r.json).toMatchObject({ status: 'with_operator', verdict: null });
    const seen = await t.req('GET', `/after-sales/${caseId}`, { token: seller.token });
    expect(seen.json.events.map((e: { type: string }) => e.type)).toEqual(['opened', 'rejected', 'escalated', 'referred']);
    // The operator overrules one juror: agreement is recorded against the final outcome.
    await decideCase(t.deps, caseId, 'release', '运输破损应找快递', 'op');
    const jurors = await drawnJurors(t, caseId);
    expect(jurors.find((j) => j.userId === a)?.agreed).toBe(false);
    expect(jurors.find((j) => j.userId === b)?.agreed).toBe(true);
    const log = (await t.req('GET', '/jury/log')).json.items.find((e: { id: string }) => e.id === caseId);
    expect(log).toMatchObject({ decidedBy: 'operator', votes: { refund: 1, release: 1 } });
    await expectLedgerOk(t);
  });

  it('a missed vote with nobody left to draw goes to operators', async () => {
    const { buyer, caseId } = await rejectedCase(t);
    await t.req('POST', `/after-sales/${caseId}/escalate`, { token: buyer.token });
    const [a] = (await drawnJurors(t, caseId)).map((j) => j.userId) as [string, string];
    await t.req('POST', `/jury/cases/${caseId}/vote`, { token: token(a), body: { verdict: 'refund', reason: '照片清楚' } });
    t.clock.advance(2 * DAY + 60_000);
    expect(await replaceMissedJurors(t.deps)).toBe(1);
    t.clock.advance(-2 * DAY - 60_000);
    const c = await t.req('GET', `/after-sales/${caseId}`, { token: buyer.token });
    expect(c.json.status).toBe('with_operator');
    expect(c.json.events.at(-1)).toMatchObject({ type: 'referred', by: 'system' });
    expectProblem(await t.req('POST', `/jury/cases/${caseId}/vote`, { token: token(a), body: { verdict: 'refund', reason: 'x' } }), 409, 'already_voted');
    expect(await replaceMissedJurors(t.deps)).toBe(0);
  });
});
