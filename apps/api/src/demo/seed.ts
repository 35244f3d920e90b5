// The demo community: members with Chinese names and generated avatars, old enough and
// verified so they can sell. Later modules add their own demo content to seedDemo.
import type { Db } from '../db/index.ts';
import { DAY_MS } from '../lib/clock.ts';
import type { Deps } from '../lib/http.ts';
import { checkDigit, maskIdNumber } from '../modules/accounts/id-number.ts';
import { hashPassword } from '../modules/accounts/passwords.ts';
import { storeImage } from '../modules/media/service.ts';
import { refreshCredit } from '../modules/trust/credit-repo.ts';
import { identiconPng } from './avatars.ts';
import { seedCases } from './cases-seed.ts';
import { seedCommunity } from './community-seed.ts';
import { seedItems } from './items-seed.ts';
import { seedOrders } from './orders-seed.ts';
import { seedReservation } from './reservation-seed.ts';
import { seedReviews } from './reviews-seed.ts';

export const DEMO_PASSWORD = 'jishi-demo-2026';

export const DEMO_MEMBERS = [
  { username: 'lin_xiaoyu', displayName: '林小雨', city: '上海', bio: '搬家清仓中，家具电器都有，同城自提优先。', tags: ['家具', '搬家清仓'], realName: '林小雨' },
  { username: 'chen_mo', displayName: '陈默', city: '上海', bio: '二手书爱好者，出闲置书籍。', tags: ['书籍', '文具'], realName: '陈默' },
  { username: 'guzi_mao', displayName: '谷子猫', city: '杭州', bio: '吃谷人，出吧唧、立牌、色纸。', tags: ['谷子', '动漫周边'], realName: '毛佳怡' },
  { username: 'wang_dad', displayName: '王爸爸', city: '北京', bio: '孩子长大了，母婴用品低价转。', tags: ['母婴', '玩具'], realName: '王建国' },
  { username: 'zhao_lei', displayName: '赵磊', city: '北京', bio: '数码控，换新出旧。', tags: ['数码', '电脑'], realName: '赵磊' },
  { username: 'sun_yue', displayName: '孙悦', city: '广州', bio: '衣柜断舍离，衣服鞋包九成新。', tags: ['服饰', '美妆'], realName: '孙悦' },
  { username: 'zhou_cos', displayName: '周周的COS', city: '成都', bio: '接COS妆娘约稿，出二手COS服。', tags: ['COS', '约稿'], realName: '周婷' },
  { username: 'wu_campus', displayName: '吴同学', city: '南京', bio: '毕业季出教材和宿舍用品。', tags: ['教材', '宿舍'], realName: '吴浩然' },
  { username: 'he_garden', displayName: '何阿姨', city: '上海', bio: '养花种草，多肉分盆送邻居。', tags: ['绿植', '免费送'], realName: '何秀英' },
  { username: 'ma_bike', displayName: '马骑手', city: '深圳', bio: '骑行爱好者，出自行车配件。', tags: ['运动', '骑行'], realName: '马超' },
  { username: 'expat_anna', displayName: 'Anna 安娜', city: '上海', bio: 'Leaving Shanghai soon — selling furniture and kitchenware.', tags: ['家具', '厨具'], realName: 'Anna Schmidt' },
  { username: 'xu_photo', displayName: '徐摄影', city: '杭州', bio: '器材党，出镜头和三脚架。', tags: ['摄影', '数码'], realName: '徐立' },
  // Quiet neighbours: long-standing verified members who mostly browse. They have not traded or
  // chatted with the others, so they are the ones the jury draw (小法庭) can seat in the demo.
  { username: 'liu_teacher', displayName: '刘老师', city: '南京', bio: '退休语文老师，平时逛逛集市，偶尔收几本旧书。', tags: ['书籍', '文具'], realName: '刘淑芬' },
  { username: 'zheng_run', displayName: '郑跑跑', city: '深圳', bio: '程序员，周末跑步，遇到合适的二手装备就收。', tags: ['运动', '数码'], realName: '郑一鸣' },
  { username: 'tang_kitchen', displayName: '唐小厨', city: '成都', bio: '爱做饭，想收二手铸铁锅和小家电。', tags: ['厨具', '家电'], realName: '唐静' },
  { username: 'feng_daye', displayName: '冯大爷', city: '北京', bio: '小区老住户，没事看看邻居们出什么。', tags: ['绿植', '书籍'], realName: '冯德顺' },
  { username: 'qian_nurse', displayName: '钱护士', city: '广州', bio: '倒班的护士，有空才上来逛，想给宝宝淘点绘本。', tags: ['母婴', '服饰'], realName: '钱晓燕' },
] as const;

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

function demoIdNumber(i: number): string {
  const body = `310104${1985 + (i % 15)}0${(i % 9) + 1}1${i % 10}${String(100 + i).slice(-3)}`;
  return body + checkDigit(body);
}

export async function seedDemo(deps: Deps): Promise<{ members: number; items: number; notes: number; orders: number; cases: number; reservations: number }> {
  const now = deps.clock.now();
  const existing = new Set(
    (await deps.db.selectFrom('users').select('username').execute()).map((r) => r.username.toLowerCase()),
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const [i, m] of DEMO_MEMBERS.entries()) {
    if (existing.has(m.username)) continue;
    const idNumber = demoIdNumber(i);
    const createdAt = new Date(now.getTime() - (400 + i * 17) * DAY_MS);
    const user = await deps.db
      .insertInto('users')
      .values({
        username: m.username,
        passwordHash,
        displayName: m.displayName,
        city: m.city,
        bio: m.bio,
        interestTags: [...m.tags],
        createdAt,
        verifiedAt: new Date(createdAt.getTime() + DAY_MS),
        realNameEnc: deps.secrets.encrypt(m.realName),
        idNumberEnc: deps.secrets.encrypt(idNumber),
        idNumberHash: deps.secrets.hash(idNumber),
        idNumberMasked: maskIdNumber(idNumber),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const avatar = await storeImage(deps, user.id, await identiconPng(m.username), 'avatar', { trusted: true });
    await deps.db.updateTable('users').set({ avatarId: avatar.id }).where('id', '=', user.id).execute();
    created += 1;
  }
  // Items need their sellers; `items.byUsername` lists every demo item id for later content.
  const items = await seedItems(deps);
  // Notes, comments, likes and follows; demo notes and stall comments link the items above.
  const community = await seedCommunity(deps, items.byUsername);
  // Trades in every state, a withdrawal and offers, through the real money path.
  const trades = await seedOrders(deps, items.byUsername);
  // Both sides of the completed trades review each other (one still waits for the seller).
  await seedReviews(deps);
  // After-sale cases: refunded, decided by a jury of demo members, and one awaiting its seller.
  // The members' credit scores are stored first (the draw seats only those ≥ JURY_MIN_CREDIT)
  // and again after (a case lost and jury service count in them).
  const cases = await seedCases(deps, () => refreshDemoCredit(deps));
  // A reservation deposit (定金托管) held in escrow, the item held for the buyer.
  const reservation = await seedReservation(deps);
  return { members: created, items: items.items, notes: community.notes, orders: trades.orders, cases: cases.cases, reservations: reservation.reservations };
}

async function refreshDemoCredit(deps: Deps) {
  const ids = await deps.db.selectFrom('users').select('id').where('username', 'in', DEMO_MEMBERS.map((m) => m.username)).execute();
  if (ids.length) await refreshCredit(deps.db, ids.map((u) => u.id), deps.clock.now());
}
