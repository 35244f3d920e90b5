import { describe, expect, it } from 'vitest';
import { builtinAssistant } from './builtin.ts';
import { checkAnswer, mentionsAmount } from './hosting-guard.ts';
import { HELD_OUT, TUNING } from './labels/hosting-messages.ts';
import { seeded } from './labels/generated-trades.ts';
import type { HostedItem } from './provider.ts';
import { answerOffer, counterPrice } from './replies.ts';

const item = (over: Partial<HostedItem> = {}): HostedItem => ({
  title: '宜家 书桌', description: '', price: 40000, floorPrice: 30000, status: 'on_sale', available: 1,
  delivery: ['pickup', 'shipping'], shippingFee: 1200, condition: 'like_new', locationLabel: '上海·静安', ...over,
});

describe('the counter-offer', () => {
  it('is strictly above the floor and never above the asking price, for any pair', () => {
    const rand = seeded(7);
    for (let i = 0; i < 5000; i++) {
      const price = 100 + Math.floor(rand() * 2_000_000);
      const floor = Math.floor(rand() * (price + 1));
      const c = counterPrice(price, floor);
      if (floor >= price) expect(c).toBeNull();
      else {
        expect(c as number).toBeGreaterThan(floor);
        expect(c as number).toBeLessThanOrEqual(price);
      }
    }
  });

  it('is a round price halfway up: ¥300 floor, ¥400 asked → ¥350', () => {
    expect(counterPrice(40000, 30000)).toBe(35000);
    expect(counterPrice(9900, 5000)).toBe(7500);
    expect(counterPrice(40000, 39999)).toBe(40000);
  });
});

describe('the built-in answers never say the floor', () => {
  it('over every labelled message and many random items and floors', async () => {
    const rand = seeded(11);
    let answered = 0;
    for (const { text } of [...TUNING, ...HELD_OUT]) {
      for (let k = 0; k < 2; k++) {
        const price = 500 + Math.floor(rand() * 500_000);
        const floor = Math.floor(rand() * price);
        const it = item({ price, floorPrice: floor, shippingFee: Math.floor(rand() * 3000) });
        const a = await builtinAssistant.answer({ text, item: it, offer: null });
        if (a.kind !== 'reply') continue;
        answered++;
        // The floor may appear only when it is the buyer's own number, the price or the postage.
        if (floor !== price && floor !== it.shippingFee && !mentionsAmount(text, floor)) expect(mentionsAmount(a.text, floor), a.text).toBe(false);
        expect(checkAnswer(a, it, null, text)).toEqual({ ok: true });
      }
    }
    expect(answered).toBeGreaterThan(300);
  }, 60_000);

  it('offer cards: accepted at or above the floor, countered above it below', () => {
    expect(answerOffer(item(), { price: 30000, status: 'pending', declinedByFloor: false })).toMatchObject({ kind: 'reply', acceptOffer: true });
    const low = answerOffer(item(), { price: 10000, status: 'declined', declinedByFloor: true });
    expect(low).toMatchObject({ kind: 'reply' });
    expect(low.kind === 'reply' && low.acceptOffer).toBeFalsy();
    expect(low.kind === 'reply' && low.text).toContain('¥350');
    expect(answerOffer(item({ floorPrice: null }), { price: 30000, status: 'pending', declinedByFloor: false }).kind).toBe('none');
  });
});

describe('the guard', () => {
  it('hands over a reply that names the floor, carries contact details, or accepts below the floor', () => {
    const it = item();
    expect(checkAnswer({ kind: 'reply', intents: ['lowest_price'], text: '最低 300 吧' }, it, null, '最低多少')).toEqual({ ok: false, reason: 'reveals_floor' });
    expect(checkAnswer({ kind: 'reply', intents: ['lowest_price'], text: '最低¥300.00' }, it, null, '最低多少')).toEqual({ ok: false, reason: 'reveals_floor' });
    expect(checkAnswer({ kind: 'reply', intents: ['bargain'], text: '¥300 可以' }, it, null, '300出吗')).toEqual({ ok: true });
    expect(checkAnswer({ kind: 'reply', intents: ['lowest_price'], text: '¥3000 以上' }, it, null, '最低多少')).toEqual({ ok: true });
    expect(checkAnswer({ kind: 'reply', intents: ['still_available'], text: '在的，加我微信 abc12345' }, it, null, '在吗').ok).toBe(false);
    expect(checkAnswer({ kind: 'reply', intents: ['bargain'], text: '好', acceptOffer: true }, it, { price: 29900 }, null)).toEqual({ ok: false, reason: 'accept_below_floor' });
  });

  it('reads amounts as numbers of their own', () => {
    expect(mentionsAmount('¥300 可以', 30000)).toBe(true);
    expect(mentionsAmount('1300 可以', 30000)).toBe(false);
    expect(mentionsAmount('300.5', 30000)).toBe(false);
    expect(mentionsAmount('¥12.50', 1250)).toBe(true);
  });
});
