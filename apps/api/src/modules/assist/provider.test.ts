// The assistant is pluggable: ASSIST_PROVIDER picks a registered one, the routes and hosting go
// through it, and the hosting guard holds whatever it says.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { listItem, seller as newSeller } from '../items/fixtures.ts';
import { dispatchHosting } from './hosting.ts';
import { type AssistProvider, assistProvider, registerAssistProvider } from './provider.ts';

// A stand-in for a model-backed assistant: it says what it is told, including what it must not.
const scripted: AssistProvider = {
  name: 'scripted',
  async suggest(input, market) {
    const model = await market.categoryModel();
    return {
      category: 'books', categories: [{ category: 'books', p: 1 }], tags: ['scripted', String(model.vocabulary > 0)], title: input.title.toUpperCase(),
      condition: null, priceRange: null, priceNote: 'too_few_comparables', tips: [],
    };
  },
  async answer(q) {
    if (q.text === '最低多少') return { kind: 'reply', intents: ['lowest_price'], text: `最低 ${(q.item.floorPrice ?? 0) / 100} 块` };
    if (q.text === 'contact?') return { kind: 'reply', intents: ['still_available'], text: '加我微信 abc12345' };
    return { kind: 'reply', intents: ['still_available'], text: `scripted: ${q.item.title}` };
  },
};
registerAssistProvider('scripted', () => scripted);

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ ASSIST_PROVIDER: 'scripted' });
});

describe('a registered assistant chosen by ASSIST_PROVIDER', () => {
  it('answers /items/suggest, with the market at hand', async () => {
    const me = await t.user();
    const r = await t.req('POST', '/items/suggest', { token: me.token, body: { title: 'kindle' } });
    expect(r.json).toMatchObject({ category: 'books', title: 'KINDLE', tags: ['scripted', 'true'] });
  });

  it('answers hosted questions, but the guard hands over a floor or contact details said out loud', async () => {
    const s = await newSeller(t);
    const item = await listItem(t, s.token, { title: '书桌', price: 40000 });
    await t.req('PUT', `/items/${item.id}/floor-price`, { token: s.token, body: { floorPrice: 30000 } });
    await t.req('PATCH', `/items/${item.id}`, { token: s.token, body: { hosting: true } });
    const b = await t.user();
    const c = await t.req('POST', '/conversations', { token: b.token, body: { peerId: s.id, itemId: item.id } });
    const send = async (text: string) => {
      const r = await t.req('POST', `/conversations/${c.json.id}/messages`, { token: b.token, body: { text } });
      await dispatchHosting(t.deps);
      return t.db.selectFrom('hostingTasks').selectAll().where('messageId', '=', r.json.id).executeTakeFirstOrThrow();
    };
    expect(await send('你好')).toMatchObject({ outcome: 'answered' });
    expect(await send('最低多少')).toMatchObject({ outcome: 'handover', reason: 'reveals_floor' });
    expect(await send('contact?')).toMatchObject({ outcome: 'handover', reason: 'contact_details' });
    const messages = (await t.req('GET', `/conversations/${c.json.id}/messages`, { token: b.token })).json.items as { automatic: boolean; text: string }[];
    const texts = messages.filter((m) => m.automatic).map((m) => m.text);
    expect(texts).toEqual(['scripted: 书桌']);
  });

  it('an unknown name is refused with the names that exist', () => {
    expect(() => assistProvider({ ...t.deps, config: { ...t.deps.config, assistProvider: 'nope' } })).toThrow(/builtin.*scripted|scripted.*builtin/);
  });
});
