import { describe, expect, it } from 'vitest';
import { chineseNumber, readIntents } from './intents.ts';
import { HELD_OUT, INTENTS, type LabelledMessage, TUNING } from './labels/hosting-messages.ts';
import { measureHosting } from './measure.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('the labelled buyer messages', () => {
  it('has at least 300 distinct messages in two halves, every intent and "other" in each', () => {
    expect(TUNING.length + HELD_OUT.length).toBeGreaterThanOrEqual(300);
    expect(Math.abs(TUNING.length - HELD_OUT.length)).toBeLessThanOrEqual(10);
    const texts = [...TUNING, ...HELD_OUT].map((m) => m.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const half of [TUNING, HELD_OUT]) {
      for (const intent of INTENTS) expect(half.filter((m) => m.intents.includes(intent)).length, intent).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('smart hosting reads buyer messages', () => {
  it('held-out half: wrong automatic answers ≤ 2%, accuracy ≥ 90% (reported)', () => {
    const r = measureHosting(HELD_OUT, readIntents);
    const tuning = measureHosting(TUNING, readIntents);
    console.info(
      `hosting intents — held-out (${r.total}): accuracy ${pct(r.accuracy)}, answered ${r.answered}, wrong automatic answers ${r.wrong} (${pct(r.wrongRate)}); ` +
        `tuning (${tuning.total}): accuracy ${pct(tuning.accuracy)}, wrong ${tuning.wrong}`,
    );
    const misses = r.misses.map((m) => `${m.text} [${m.expected.join(' ')}] → ${m.got}`).join(' | ');
    expect(r.wrongRate, misses).toBeLessThanOrEqual(0.02);
    expect(r.accuracy, misses).toBeGreaterThanOrEqual(0.9);
  });

  it('measures honestly: answering everything as "still available" is mostly wrong', () => {
    const eager = measureHosting(HELD_OUT, () => ({
      intents: ['still_available'], decision: 'answer', reason: null, proposedPrice: null, discount: null,
    }));
    expect(eager.wrongRate).toBeGreaterThan(0.5);
    const shy = measureHosting(HELD_OUT, () => ({ intents: [], decision: 'handover', reason: 'nothing_routine', proposedPrice: null, discount: null }));
    expect(shy.wrong).toBe(0);
    expect(shy.accuracy).toBeLessThan(0.4);
  });

  const read = (text: string) => readIntents(text);
  const expectAnswer = (text: string, ...intents: string[]) => {
    const r = read(text);
    expect(r.decision, text).toBe('answer');
    expect(r.intents, text).toEqual(intents);
  };

  it('answers routine questions, typos and emoji included', () => {
    expectAnswer('还在吗😊', 'still_available');
    expectAnswer('包由吗', 'shipping_cost_carrier');
    expectAnswer('最底多少', 'lowest_price');
    expectAnswer('几城新', 'condition');
    expectAnswer('在吗？ 在哪自提', 'still_available', 'pickup_place_time');
  });

  it('hands over a person asked for, unknown topics and open questions', () => {
    expect(read('转人工').reason).toBe('ask_human');
    expect(read('还在吗 保修还有吗').reason).toBe('unknown_topic');
    expect(read('还在吗 电池健康多少').reason).toBe('unknown_topic');
    expect(read('还在吗 送到楼下吗').reason).toBe('open_question');
    expect(read('你还在学校吗').reason).toBe('nothing_routine');
    expect(read('加我微信聊').decision).toBe('handover');
  });

  it('reads the price or discount a bargain names', () => {
    expect(read('100出吗').proposedPrice).toBe(10000);
    expect(read('两百五出吗').proposedPrice).toBe(25000);
    expect(read('给你一百五').proposedPrice).toBe(15000);
    expect(read('少20行吗')).toMatchObject({ proposedPrice: null, discount: 2000 });
    expect(read('能小刀吗').proposedPrice).toBeNull();
    expect(chineseNumber('八十')).toBe(80);
    expect(chineseNumber('一百二十')).toBe(120);
    expect(chineseNumber('好')).toBeNull();
  });

  it('never answers a message that asks nothing routine, whatever its length', () => {
    const long = `${'这个东西'.repeat(200)}吗`;
    expect(read(long).decision).toBe('handover');
    const noise: LabelledMessage[] = ['', '   ', '？？？', '😂😂😂', 'hello is this still available?'].map((text) => ({ text, intents: ['other'] }));
    expect(measureHosting(noise, readIntents).wrong).toBe(0);
  });
});
