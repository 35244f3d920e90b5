// Issue 9, hole 8: the repeat-offender rule — "only a sender with more than 5 flagged messages
// in 24 hours may be answered 429 sending_limited" — counts chat, notes and comments together,
// and refuses the 7th flagged write, not the 6th.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { sellerWithItem } from '../orders/fixtures.ts';
import { FLAGGED_PER_DAY } from './repeat-offender.ts';

const t = await createTestApp();
const LURES = ['加我微信 abc12345 细聊，先付定金', '加V私聊 13800138100', '微信转账给你，加我 vx 88886666', '加我 QQ 12345678 私聊', '先付定金 200 到我支付宝', '加微信 hello_2024 发你实拍', '出 vx 联系 wx12345678', '私下转账便宜点，加我微信 zz778899'];
const lure = (i: number) => LURES[i % LURES.length] as string;

async function lureConversation() {
  const { seller, item } = await sellerWithItem(t);
  const scammer = await t.user();
  const conv = (await t.req('POST', '/conversations', { token: scammer.token, body: { peerId: seller.id, itemId: item.id } })).json;
  const send = (text: string) => t.req('POST', `/conversations/${conv.id}/messages`, { token: scammer.token, body: { text } });
  return { scammer, send };
}

async function aNote() {
  const host = await t.user();
  return (await t.req('POST', '/notes', { token: host.token, body: { title: '周末摆摊', body: '欢迎来逛' } })).json.id as string;
}

describe('the repeat-offender rule', () => {
  it('accepts the 6th flagged chat message and refuses the 7th, once reported; ordinary messages still go', async () => {
    expect(FLAGGED_PER_DAY).toBe(5);
    const { scammer, send } = await lureConversation();
    for (let i = 0; i < FLAGGED_PER_DAY + 1; i++) {
      const r = await send(lure(i));
      expect(r.status, `flagged message ${i + 1}`).toBe(201);
      expect(r.json.warnings.length).toBeGreaterThan(0);
    }
    const seventh = await send(lure(6));
    expectProblem(seventh, 429, 'sending_limited');
    expect(seventh.headers.get('retry-after')).toBe('3600');
    expectProblem(await send(lure(7)), 429, 'sending_limited');
    expect((await send('那算了，平台下单吧')).status).toBe(201);
    const reports = await t.db.selectFrom('reports').selectAll().where('targetId', '=', scammer.id).execute();
    expect(reports).toHaveLength(1);
  });

  it('counts flagged chat messages, notes and comments together; deleting a lure does not take it back', async () => {
    const { scammer, send } = await lureConversation();
    const noteId = await aNote();
    const comment = (body: string) => t.req('POST', `/notes/${noteId}/comments`, { token: scammer.token, body: { body } });
    const note = (body: string) => t.req('POST', '/notes', { token: scammer.token, body: { title: '出闲置', body } });
    expect((await send(lure(0))).status).toBe(201);
    expect((await send(lure(1))).status).toBe(201);
    const n1 = await note(lure(2));
    expect(n1.status).toBe(201);
    expect(n1.json.warnings.length).toBeGreaterThan(0);
    expect((await note(lure(3))).status).toBe(201);
    expect((await comment(lure(4))).status).toBe(201);
    expect((await t.req('DELETE', `/notes/${n1.json.id}`, { token: scammer.token })).status).toBe(204);
    const sixth = await comment(lure(5));
    expect(sixth.status).toBe(201);
    expect(sixth.json.warnings.length).toBeGreaterThan(0);

    expectProblem(await comment(lure(6)), 429, 'sending_limited');
    expectProblem(await note(lure(7)), 429, 'sending_limited');
    expectProblem(await send(lure(0)), 429, 'sending_limited');
    const own = (await note('周末出几本旧书')).json.id;
    expectProblem(await t.req('PATCH', `/notes/${own}`, { token: scammer.token, body: { body: lure(1) } }), 429, 'sending_limited');
    // Refused writes wrote nothing.
    expect((await t.req('GET', `/notes/${own}`)).json.body).toBe('周末出几本旧书');
    const comments = await t.req('GET', `/notes/${noteId}/comments`);
    expect(comments.json.items).toHaveLength(2);
    // Ordinary posts are never limited.
    expect((await comment('请问几点开始？')).status).toBe(201);
    expect((await t.req('PATCH', `/notes/${own}`, { token: scammer.token, body: { body: '周末出几本旧书，自提' } })).status).toBe(200);
  });

  it('counts a note edited into a lure, and forgets flags older than 24 hours', async () => {
    const member = await t.user();
    const own = (await t.req('POST', '/notes', { token: member.token, body: { title: '闲置', body: '几本书' } })).json.id;
    for (let i = 0; i < FLAGGED_PER_DAY + 1; i++) {
      expect((await t.req('PATCH', `/notes/${own}`, { token: member.token, body: { body: lure(i) } })).status).toBe(200);
    }
    expectProblem(await t.req('POST', '/notes', { token: member.token, body: { title: '再来', body: lure(6) } }), 429, 'sending_limited');
    t.clock.advance(24 * 3600_000 + 60_000);
    expect((await t.req('POST', '/notes', { token: member.token, body: { title: '再来', body: lure(6) } })).status).toBe(201);
  });
});
