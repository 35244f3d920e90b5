// Issue 9, item 9: the scam shield's learned layer retrains from moderators' decisions stored
// in scam_labels, and the retrained model decides the warnings on messages sent through HTTP.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { sellerWithItem } from '../orders/fixtures.ts';
import { MODERATOR_WEIGHT, retrainScamShield, scamShieldSweeps } from './scam-labels.ts';
import { scanText, shieldModel, useShieldModel } from './scam-shield.ts';

const t = await createTestApp();
const builtIn = shieldModel();
afterAll(() => useShieldModel(builtIn));

// A marketplace no rule and no built-in example names: only the labels can teach it.
const NEW_WORDING = '蘑菇街上聊吧';
const LURE_LABELS = ['蘑菇街找我，那边便宜', '去蘑菇街拍吧', '蘑菇街上聊，这里不方便', '蘑菇街搜我店名', '来蘑菇街下单', '蘑菇街私信我发实拍', '我在蘑菇街有店，去那边付', '蘑菇街上见', '蘑菇街聊细节', '蘑菇街同名，去找我', '这单走蘑菇街', '蘑菇街联系我'];
const ORDINARY_LABELS = ['蘑菇街上聊吧，那个活动挺有意思', '蘑菇街上聊吧这个话题，我们在这交易', '蘑菇街上买的，旧了', '蘑菇街上聊过这款，大家说不错', '在蘑菇街上看到的同款', '蘑菇街上聊吧？不了，我们就在这聊', '以前在蘑菇街买过', '蘑菇街上聊吧是个帖子标题', '蘑菇街的旧衣服', '蘑菇街上的评价挺好', '蘑菇街上聊吧——我朋友发的', '蘑菇街关门了吗', '蘑菇街上聊吧这个群我退了', '蘑菇街是什么时候的网站', '我妈以前爱逛蘑菇街', '蘑菇街上聊吧，我开玩笑的'];

async function conversation() {
  const { seller, item } = await sellerWithItem(t);
  const buyer = await t.user();
  const conv = (await t.req('POST', '/conversations', { token: buyer.token, body: { peerId: seller.id, itemId: item.id } })).json;
  return async (text: string) => {
    const r = await t.req('POST', `/conversations/${conv.id}/messages`, { token: buyer.token, body: { text } });
    expect(r.status).toBe(201);
    return r.json.warnings as string[];
  };
}

const label = (text: string, isLure: boolean, warnings: string[] = []) => ({ text, isLure, warnings, source: 'moderator' });

describe('retraining the scam shield from moderators’ labels', () => {
  it('learns a lure wording from lure labels, and unlearns it from ordinary ones', async () => {
    const send = await conversation();
    await retrainScamShield(t.deps, { force: true });
    expect(await send(NEW_WORDING)).toEqual([]);

    await t.db.insertInto('scamLabels').values(LURE_LABELS.map((text) => label(text, true, ['off_platform_contact']))).execute();
    expect(await scamShieldSweeps[0]?.run(t.deps)).toBe(LURE_LABELS.length);
    expect(await send(NEW_WORDING)).toEqual(['off_platform_contact']);
    const match = scanText(NEW_WORDING).matches[0];
    expect(match).toMatchObject({ by: 'model', family: 'learned', warning: 'off_platform_contact' });
    expect(match?.words?.some((w) => '蘑菇街'.includes(w) || w.includes('蘑菇'))).toBe(true); // the words that taught it

    await t.db.insertInto('scamLabels').values(ORDINARY_LABELS.map((text) => label(text, false))).execute();
    expect(await scamShieldSweeps[0]?.run(t.deps)).toBe(LURE_LABELS.length + ORDINARY_LABELS.length);
    expect(await send(NEW_WORDING)).toEqual([]);
  });

  it('does not retrain when no label changed', async () => {
    await retrainScamShield(t.deps);
    const model = shieldModel();
    expect(await scamShieldSweeps[0]?.run(t.deps)).toBe(0);
    expect(shieldModel()).toBe(model);
  });

  it('keeps rules in charge: an ordinary label cannot silence a rule, it only trains the model', async () => {
    await t.db.insertInto('scamLabels').values([label('加我微信 abc_123', false)]).execute();
    await retrainScamShield(t.deps);
    expect(scanText('加我微信 abc_123').warnings).toEqual(['off_platform_contact']);
    expect(MODERATOR_WEIGHT).toBeGreaterThan(1);
  });

  it('refuses inconsistent labels: ordinary talk with a warning, an unknown warning', async () => {
    await expect(t.db.insertInto('scamLabels').values([label('你好', false, ['deposit_request'])]).execute()).rejects.toThrow();
    await expect(t.db.insertInto('scamLabels').values([label('你好', true, ['spam'])]).execute()).rejects.toThrow();
    await expect(t.db.insertInto('scamLabels').values([label('', true)]).execute()).rejects.toThrow();
  });
});
