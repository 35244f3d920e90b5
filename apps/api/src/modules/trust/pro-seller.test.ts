// The professional-seller guard measured on a scenario generator: bulk-seller patterns must all
// be flagged and individual patterns none, through the real listing and trade endpoints.
// The rates are printed; the test asserts 100% / 0%.
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { DAY_MS } from '../../lib/clock.ts';
import { upload } from '../notes/fixtures.ts';
import { FLAGGED_LISTINGS_PER_DAY } from './pro-seller-rules.ts';
import { NEAR_COPY_BITS, dHash, evaluateSeller, hammingDistance, readSignals } from './pro-seller.ts';

const t = await createTestApp({ PRO_SELLER_GUARD: 'true' });
type Member = Awaited<ReturnType<typeof t.user>>;

/** A photo with blocky structure from a seed: different seeds, different hashes. */
async function photo(seed: number): Promise<Buffer> {
  let s = seed * 2654435761 + 1;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const w = 72;
  const h = 64;
  const px = Buffer.alloc(w * h * 3);
  const blocks = Array.from({ length: 64 }, () => [next() * 255, next() * 255, next() * 255]);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const b = blocks[Math.floor(y / 8) * 8 + Math.floor(x / 9)] as number[];
      px.set(b.map(Math.round), (y * w + x) * 3);
    }
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
}

/** In a scenario, being limited mid-way (429 listing_limited) is the guard working: stop there. */
async function listUnlessLimited(m: Member, body: Record<string, unknown>, photoBytes?: Buffer) {
  const imageIds = photoBytes ? [(await upload(t, m.token, photoBytes)).id] : [];
  const r = await t.req('POST', '/items', {
    token: m.token,
    body: { price: 5000, delivery: ['pickup'], category: 'other', condition: 'light_wear', imageIds, ...body },
  });
  if (r.status === 429 && r.json?.code === 'listing_limited') return null;
  if (r.status !== 201) throw new Error(`listing failed: ${r.status} ${r.text}`);
  return r.json as { id: string };
}

async function list(m: Member, body: Record<string, unknown>, photoBytes?: Buffer) {
  const imageIds = photoBytes ? [(await upload(t, m.token, photoBytes)).id] : [];
  const r = await t.req('POST', '/items', {
    token: m.token,
    body: { price: 5000, delivery: ['pickup'], category: 'other', condition: 'light_wear', imageIds, ...body },
  });
  if (r.status !== 201) throw new Error(`listing failed: ${r.status} ${r.text}`);
  return r.json as { id: string };
}

async function sellOnline(seller: Member, times: number, price: number) {
  const item = await list(seller, { title: '手绘头像约稿', price, quantity: times, delivery: ['online'], category: 'services', condition: null });
  const buyer = await t.user({ verified: true });
  for (let i = 0; i < times; i++) {
    const o = await t.req('POST', '/orders', { token: buyer.token, body: { itemId: item.id, delivery: 'online' } });
    await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
    await t.gateway.settled();
    await t.req('POST', `/orders/${o.json.id}/deliver`, { token: seller.token });
    const done = await t.req('POST', `/orders/${o.json.id}/confirm`, { token: buyer.token });
    if (done.status !== 200) throw new Error(`trade failed: ${done.status} ${done.text}`);
  }
}

const status = async (m: Member) => (await t.req('GET', '/me/seller-status', { token: m.token })).json as { status: string; signals: { key: string }[] };

const categories = ['furniture', 'appliances', 'digital', 'books', 'clothing', 'home', 'sports', 'baby'];

type Scenario = { name: string; run: () => Promise<Member[]> };

const bulk: Scenario[] = [
  {
    name: 'a reseller listing 40 new phones over three days',
    run: async () => {
      const m = await t.user({ verified: true });
      for (let i = 0; i < 40; i++) {
        if (i === 14 || i === 28) t.clock.advance(DAY_MS);
        await listUnlessLimited(m, { title: `全新未拆封 iPhone 15 ${['黑', '白', '蓝', '粉'][i % 4]}色 ${128 * (1 + (i % 3))}G`, category: 'digital', condition: 'new', price: 459900 });
      }
      return [m];
    },
  },
  {
    name: 'the same photo across 3 accounts',
    run: async () => {
      const shared = await photo(9001);
      const ms = [await t.user({ verified: true }), await t.user({ verified: true }), await t.user({ verified: true })];
      for (const [i, m] of ms.entries()) await list(m, { title: `品牌运动鞋 ${40 + i} 码`, category: 'clothing' }, shared);
      // The first account was alone when it listed: it is caught when the guard looks again.
      return ms;
    },
  },
  {
    name: '30 listings in one day, all one category',
    run: async () => {
      const m = await t.user({ verified: true });
      for (let i = 0; i < 30; i++) await listUnlessLimited(m, { title: `手机壳 款式${i + 1}`, category: 'digital', price: 1500 });
      return [m];
    },
  },
  {
    name: 'the same title listed 5 times',
    run: async () => {
      const m = await t.user({ verified: true });
      for (let i = 0; i < 5; i++) await listUnlessLimited(m, { title: '【急出】网红同款 加湿器！！', category: 'appliances', price: 3900 });
      return [m];
    },
  },
  {
    name: 'one listing of 50 new units',
    run: async () => [await (async () => {
      const m = await t.user({ verified: true });
      await list(m, { title: '全新蓝牙耳机 批发价', category: 'digital', condition: 'new', quantity: 50, price: 8900 });
      return m;
    })()],
  },
  {
    name: '35 sales in a year',
    run: async () => {
      const m = await t.user({ verified: true });
      await sellOnline(m, 35, 2000);
      return [m];
    },
  },
];

const individual: Scenario[] = [
  {
    name: 'moving-house clearance of 60 different used items over two days',
    run: async () => {
      const m = await t.user({ verified: true });
      for (let i = 0; i < 60; i++) {
        if (i === 30) t.clock.advance(DAY_MS);
        await list(m, { title: `搬家出 ${['书桌', '台灯', '电饭煲', '显示器', '小说', '外套', '哑铃', '婴儿车', '衣柜', '微波炉'][i % 10]} ${i + 1} 号`, category: categories[i % categories.length], condition: i % 2 ? 'light_wear' : 'visible_wear' }, await photo(i + 100));
      }
      return [m];
    },
  },
  {
    name: 'a student selling 15 textbooks at term end',
    run: async () => {
      const m = await t.user({ verified: true });
      for (let i = 0; i < 15; i++) await list(m, { title: `大二教材 第${i + 1}册 有笔记`, category: 'books', price: 1000, condition: 'visible_wear' }, await photo(i + 300));
      return [m];
    },
  },
  {
    name: 'a collector selling a few figures a month',
    run: async () => {
      const m = await t.user({ verified: true });
      for (let month = 0; month < 4; month++) {
        for (let i = 0; i < 3; i++) await list(m, { title: `景品手办 ${month}-${i}`, category: 'anime', condition: 'like_new' }, await photo(500 + month * 10 + i));
        t.clock.advance(25 * DAY_MS);
        // Months pass: sign in again as a member would (sessions last SESSION_DAYS).
        m.token = (await t.req('POST', '/auth/login', { body: { username: m.username, password: 'correct-horse-9' } })).json.token;
      }
      return [m];
    },
  },
  {
    name: 'two identical used chairs and ten free giveaways',
    run: async () => {
      const m = await t.user({ verified: true });
      await list(m, { title: '宜家餐椅', category: 'furniture' });
      await list(m, { title: '宜家餐椅', category: 'furniture' });
      for (let i = 0; i < 10; i++) await list(m, { title: `免费送 花盆 ${i + 1}`, category: 'plants', price: 0 });
      return [m];
    },
  },
  {
    name: 'one unopened gift among used things, and ten sales this year',
    run: async () => {
      const m = await t.user({ verified: true });
      await list(m, { title: '全新未拆 电动牙刷（礼物）', category: 'beauty', condition: 'new' });
      for (let i = 0; i < 5; i++) await list(m, { title: `旧物 ${i}`, category: categories[i] }, await photo(700 + i));
      await sellOnline(m, 10, 3000);
      return [m];
    },
  },
];

const results = { bulk: [] as string[], individual: [] as string[] };
afterAll(() => {
  const rate = (xs: string[]) => `${xs.filter((x) => x.startsWith('FLAGGED')).length}/${xs.length}`;
  console.log(
    `pro-seller guard: bulk patterns flagged ${rate(results.bulk)}, individual patterns flagged ${rate(results.individual)}\n  ${[...results.bulk, ...results.individual].join('\n  ')}`,
  );
});

describe('professional-seller guard', () => {
  for (const s of bulk) {
    it(`flags a bulk pattern: ${s.name}`, { timeout: 120_000 }, async () => {
      const members = await s.run();
      // The guard runs after each listing; the sweep-like re-check here catches the earlier
      // accounts of a ring, which were alone when they listed.
      for (const m of members) await evaluateSeller(t.deps, m.id);
      const st = await Promise.all(members.map(status));
      const all = st.every((x) => x.status === 'flagged');
      results.bulk.push(`${all ? 'FLAGGED' : 'missed '}  ${s.name} [${st.map((x) => x.signals.map((g) => g.key).join('+')).join(' | ')}]`);
      expect(all).toBe(true);
    });
  }

  for (const s of individual) {
    it(`flags no individual pattern: ${s.name}`, { timeout: 120_000 }, async () => {
      const members = await s.run();
      const st = await Promise.all(members.map(status));
      const any = st.some((x) => x.status !== 'ok');
      results.individual.push(`${any ? 'FLAGGED' : 'ok     '}  ${s.name} [${st.map((x) => x.signals.map((g) => g.key).join('+')).join(' | ')}]`);
      expect(any).toBe(false);
    });
  }

  it('limits a flagged member, queues them for operators with evidence, and takes a review request', async () => {
    const m = await t.user({ verified: true });
    await list(m, { title: '全新蓝牙耳机 批发', category: 'digital', condition: 'new', quantity: 30 });
    const st = await t.req('GET', '/me/seller-status', { token: m.token });
    expect(st.json).toMatchObject({ status: 'flagged', listingsPerDay: FLAGGED_LISTINGS_PER_DAY });
    expect(st.json.signals[0]).toMatchObject({ key: 'new_goods', value: 30 });
    const report = await t.db.selectFrom('reports').selectAll().where('targetId', '=', m.id).where('reason', '=', 'pro_seller').execute();
    expect(report).toHaveLength(1);
    expect(report[0]?.reporterId).toBeNull();
    expect(JSON.stringify(report[0]?.evidence)).toContain('new_goods');

    // The listing that flagged them counts; FLAGGED_LISTINGS_PER_DAY in all, then 429.
    for (let i = 1; i < FLAGGED_LISTINGS_PER_DAY; i++) await list(m, { title: `旧物 ${i}` });
    const refused = await t.req('POST', '/items', { token: m.token, body: { title: '再来一件', price: 100, delivery: ['pickup'] } });
    expectProblem(refused, 429, 'listing_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const asked = await t.req('POST', '/me/seller-status/review', { token: m.token });
    expect(asked.status).toBe(200);
    expect(asked.json.reviewRequestedAt).not.toBeNull();
    const ok = await t.user({ verified: true });
    expectProblem(await t.req('POST', '/me/seller-status/review', { token: ok.token }), 409, 'not_flagged');
    expectProblem(await t.req('GET', '/me/seller-status'), 401, 'unauthenticated');
    // A second evaluation does not queue the member twice.
    await evaluateSeller(t.deps, m.id);
    expect(await t.db.selectFrom('reports').select('id').where('targetId', '=', m.id).where('reason', '=', 'pro_seller').execute()).toHaveLength(1);
  });

  it('sees a re-saved or resized copy of a picture as the same picture, and a different one as different', async () => {
    const a = await dHash(await photo(1));
    const resaved = await dHash(await sharp(await photo(1)).jpeg({ quality: 80 }).toBuffer());
    const resized = await dHash(await sharp(await photo(1)).resize(144, 128).png().toBuffer());
    expect(hammingDistance(a, resaved)).toBeLessThanOrEqual(NEAR_COPY_BITS);
    expect(hammingDistance(a, resized)).toBeLessThanOrEqual(NEAR_COPY_BITS);
    for (let seed = 2; seed < 12; seed++) expect(hammingDistance(a, await dHash(await photo(seed)))).toBeGreaterThan(NEAR_COPY_BITS * 3);
  });

  it('finds a re-saved copy of a photo on another account', async () => {
    const [a, b] = [await t.user({ verified: true }), await t.user({ verified: true })];
    const original = await photo(4242);
    await list(a, { title: '露营帐篷', category: 'sports' }, original);
    await list(b, { title: '帐篷 九成新', category: 'sports' }, await sharp(original).jpeg({ quality: 80 }).toBuffer());
    expect((await readSignals(t.db, b.id, t.clock.now())).sharedPhotoAccounts).toBe(1);
  });
});
