// Demo after-sale cases (售后 and the 小法庭), made through the real services so the case pages,
// the jury inbox, the public case log and the ledger are exactly what real cases leave behind:
// - a damaged acrylic standee the seller refunds at once (refunded);
// - a "not as described" mouse the seller rejects with their own evidence, the buyer escalates,
//   and a jury drawn by the real draw from the eligible demo members decides for the seller;
// - a suspected counterfeit serum still waiting for the seller's answer (open, 48 h clock).
// Idempotent: if any case exists, nothing is added.
import type { Deps } from '../lib/http.ts';
import { castVote, escalateCase } from '../modules/aftersale/service/jury.ts';
import { type OpenCaseInput, openCase } from '../modules/aftersale/service/open-case.ts';
import { acceptCase, rejectCase } from '../modules/aftersale/service/respond.ts';
import type { Verdict } from '../modules/aftersale/state.ts';
import { storeImage } from '../modules/media/service.ts';
import { shipOrder } from '../modules/orders/service/fulfil.ts';
import { payOrder } from '../modules/orders/service/pay.ts';
import { placeOrder } from '../modules/orders/service/place-order.ts';
import { evidencePhotoPng, type Scene } from './case-photos.ts';

type Address = { name: string; phone: string; line: string };
type CaseSpec = {
  buyer: string;
  seller: string;
  /** The seller's demo listing (items-seed.ts) the case is about. */
  item: string;
  address: Address;
  carrier: string;
  open: Omit<OpenCaseInput, 'mediaIds'> & { photos: Scene[] };
  /** What happens next: the seller accepts, rejects and the buyer takes it to the jury, or nothing yet. */
  next:
    | { step: 'accept' }
    | { step: 'jury'; reject: { description: string; photos: Scene[] }; votes: [Verdict, string][] }
    | { step: 'wait' };
};

export const DEMO_CASES: CaseSpec[] = [
  {
    buyer: 'zhou_cos',
    seller: 'guzi_mao',
    item: '咒术回战 亚克力立牌',
    address: { name: '周女士', phone: '13600004444', line: '成都市锦江区春熙路 68 号' },
    carrier: '中通快递',
    open: {
      reason: 'damaged',
      description: '快递盒一角被压扁了，拆开发现立牌底座断成两截，亚克力面板上也有一道裂痕，立不起来了。附快递盒和立牌的照片。',
      photos: ['parcel_crushed', 'standee_cracked'],
    },
    next: { step: 'accept' },
  },
  {
    buyer: 'wu_campus',
    seller: 'zhao_lei',
    item: '罗技 MX Master 3 鼠标',
    address: { name: '吴同学', phone: '13500005555', line: '南京市栖霞区仙林大道 163 号 南京大学仙林校区' },
    carrier: '顺丰速运',
    open: {
      reason: 'not_as_described',
      description: '商品页写的"几乎没怎么用"，收到后拇指托磨得发亮，滚轮往下滚的时候有咔咔的异响，和描述差距有点大，申请全额退款。',
      photos: ['mouse_worn', 'mouse_scroll'],
    },
    next: {
      step: 'jury',
      reject: {
        description:
          '发货前拍了照片，也录了一段滚轮测试的视频，滚轮顺滑没有异响，按键都正常。拇指托那一点亮面是正常使用留下的，商品页写的是"几乎没怎么用"，成色选的"几乎全新"，没说是全新。东西是好的，不同意退款。',
        photos: ['mouse_before_shipping', 'mouse_packed'],
      },
      // In the order the drawn jurors vote; the jury decides as soon as a majority of its seats agree.
      votes: [
        ['release', '卖家发货前的照片和买家收到后拍的是同一个状态，拇指托那点亮面属于正常使用痕迹，成色标的也是"几乎全新"，算不上描述不符。'],
        ['refund', '"几乎没怎么用"的鼠标不该磨到发亮，卖家的描述有点夸大，我倾向给买家退款。'],
        ['release', '滚轮异响只有文字，没有视频或录音，从照片里看不出问题；卖家有发货前的测试，证据更充分。'],
        ['release', '二手鼠标有一点使用痕迹很正常，照片里的磨损很轻，不影响使用，支持卖家。'],
        ['release', '看了双方的照片，东西和商品页基本一致。如果滚轮真有问题，建议买家录个视频再和卖家沟通。'],
        ['refund', '描述里"几乎没怎么用"和实际成色有差距，买家的照片能看出磨损，支持退款。'],
        ['release', '证据不足以说明描述不符，维持交易。'],
      ],
    },
  },
  {
    buyer: 'lin_xiaoyu',
    seller: 'sun_yue',
    item: '兰蔻小黑瓶 30ml 未拆封',
    address: { name: '林女士', phone: '13800002222', line: '上海市静安区愚园路 88 弄 3 号' },
    carrier: '顺丰速运',
    open: {
      reason: 'counterfeit',
      description:
        '收到后和我在专柜买的那瓶放在一起对比，瓶身标签的颜色和印刷都不一样，外盒底部的批号在品牌官网查不到，怀疑不是正品。还没拆封，可以原样寄回，申请退货退款。',
      returnItem: true,
      photos: ['bottle_compare', 'box_batch_code'],
    },
    next: { step: 'wait' },
  },
];

const member = (id: string) => ({ id, role: 'member' });

async function photos(deps: Deps, ownerId: string, scenes: Scene[], seed: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, scene] of scenes.entries()) {
    ids.push((await storeImage(deps, ownerId, await evidencePhotoPng(scene, `${seed}:${i}`), 'photo', { trusted: true })).id);
  }
  return ids;
}

/** `refreshCredit` stores the demo members' credit scores; it runs before the cases and after them. */
export async function seedCases(deps: Deps, refreshCredit: () => Promise<void>): Promise<{ cases: number }> {
  const existing = await deps.db.selectFrom('afterSales').select('id').limit(1).execute();
  if (existing.length) return { cases: 0 };
  await refreshCredit();
  const users = new Map(
    (await deps.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]),
  );
  let cases = 0;
  for (const spec of DEMO_CASES) {
    const buyerId = users.get(spec.buyer);
    const sellerId = users.get(spec.seller);
    if (!buyerId || !sellerId) continue;
    const item = await deps.db
      .selectFrom('items').select('id')
      .where('sellerId', '=', sellerId).where('title', '=', spec.item).where('status', '=', 'on_sale').where('available', '>', 0)
      .executeTakeFirst();
    if (!item) continue;
    const o = await placeOrder(deps, buyerId, { itemId: item.id, quantity: 1, delivery: 'shipping', address: spec.address });
    await payOrder(deps, buyerId, o.id);
    await shipOrder(deps, sellerId, o.id, { carrier: spec.carrier, trackingNumber: `${spec.carrier === '顺丰速运' ? 'SF' : 'ZT'}${o.id.slice(-10).toUpperCase()}` });
    const { photos: scenes, ...input } = spec.open;
    const c = await openCase(deps, buyerId, o.id, { ...input, mediaIds: await photos(deps, buyerId, scenes, `${spec.item}:buyer`) });
    cases += 1;
    const next = spec.next;
    if (next.step === 'accept') await acceptCase(deps, member(sellerId), c.id);
    if (next.step !== 'jury') continue;
    const mediaIds = await photos(deps, sellerId, next.reject.photos, `${spec.item}:seller`);
    await rejectCase(deps, member(sellerId), c.id, { description: next.reject.description, mediaIds });
    const escalated = await escalateCase(deps, member(buyerId), c.id);
    if (escalated.status !== 'in_jury') {
      // Too few eligible members: the case waits for operators, as a real one would.
      deps.log.warn({ caseId: c.id, status: escalated.status }, 'demo jury case: no jury could be drawn');
      continue;
    }
    // The jurors the real draw seated (a random set each time the demo is seeded) vote in turn.
    const jurors = await deps.db
      .selectFrom('afterSaleJurors').select('userId').where('caseId', '=', c.id).where('status', '=', 'pending').orderBy('userId').execute();
    let status = escalated.status;
    for (const [i, juror] of jurors.entries()) {
      const vote = next.votes[i];
      if (!vote || status !== 'in_jury') break;
      status = (await castVote(deps, member(juror.userId), c.id, { verdict: vote[0], reason: vote[1] })).status;
    }
  }
  if (cases) await refreshCredit();
  return { cases };
}
