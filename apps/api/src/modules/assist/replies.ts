// What smart hosting says, from the item's data alone. Every routine question has an answer
// or a reason to hand over (no floor set, no pickup place, a carrier asked for and not named…);
// one reason to hand over hands the whole message over — half an answer from a machine reads
// as the seller ignoring the rest. Price answers never name the floor: an offer at or above it
// is accepted, anything else gets a counter strictly above it.
import { formatFen } from '@jishi/shared';
import type { IntentReading, RoutineIntent } from './intents.ts';
import type { HostedItem, HostingAnswer } from './provider.ts';

const yuan = (fen: number) => formatFen(fen);

/** Whole yuan below ¥100, ¥5 steps to ¥1,000, ¥10 above: a price a person would say. */
function roundUp(fen: number): number {
  const step = fen >= 100000 ? 1000 : fen >= 10000 ? 500 : 100;
  return Math.ceil(fen / step) * step;
}

/**
 * The counter-offer: halfway from the floor to the asking price, rounded up to a round number,
 * never above the asking price and always strictly above the floor. Null when the floor leaves
 * no room (floor ≥ price): there is nothing to haggle.
 */
export function counterPrice(price: number, floor: number): number | null {
  if (floor >= price) return null;
  const c = Math.min(price, roundUp(floor + Math.ceil((price - floor) / 2)));
  return c > floor ? c : price;
}

type Part = { text: string } | { handover: string };

/** The counter in words. An offer must be below the asking price, so a counter equal to it says "buy it". */
function counterText(item: HostedItem & { floorPrice: number }, lead: string): string {
  const counter = counterPrice(item.price, item.floorPrice);
  if (counter === null) return `价格已经很实在了，不议价哦，${yuan(item.price)} 直接拍就行`;
  if (counter >= item.price) return `${lead}${yuan(item.price)} 直接拍就行`;
  return `${lead}${yuan(counter)} 可以出，出价 ${yuan(counter)} 会自动接受`;
}

const CARRIERS = /顺丰|中通|圆通|韵达|申通|极兔|京东|邮政|ems|德邦/i;
const ASKS_CARRIER = /顺丰|中通|圆通|韵达|申通|极兔|京东|邮政|ems|德邦|什么快递|啥快递|哪家快递|走什么|发什么/i;

const CONDITION_TEXT: Record<string, string> = {
  new: '全新的，没用过',
  like_new: '几乎全新，基本没有使用痕迹',
  light_wear: '有轻微使用痕迹，整体成色不错',
  visible_wear: '有明显使用痕迹，介意的话可以再看看图',
};

function stillAvailable(item: HostedItem): Part {
  if (item.status === 'on_sale') return { text: item.available > 1 ? `在的，还有 ${item.available} 件` : '在的，还在卖' };
  if (item.status === 'sold_out') return { text: '不好意思，已经卖出了' };
  return { handover: 'withdrawn' };
}

/** 最低多少 / 能小刀吗 / 100出吗: accept at or above the floor, counter above it otherwise. */
export function priceAnswer(item: HostedItem, proposed: number | null): Part {
  if (item.status !== 'on_sale') return { handover: 'not_on_sale' };
  if (item.price === 0) return { text: '这件是免费送的，直接下单就行' };
  if (item.floorPrice === null) return { handover: 'no_floor' };
  if (proposed !== null && proposed >= item.price) return { text: `标价就是 ${yuan(item.price)}，直接拍就行` };
  if (proposed !== null && proposed >= item.floorPrice) {
    return { text: `${yuan(proposed)} 可以，出价 ${yuan(proposed)} 会自动接受` };
  }
  return { text: counterText({ ...item, floorPrice: item.floorPrice }, proposed !== null ? '这个价有点低，' : '诚心要的话，') };
}

function pickup(item: HostedItem): Part {
  if (!item.delivery.includes('pickup')) {
    if (item.delivery.includes('shipping')) return { text: `这件不支持自提，可以邮寄（${shippingFee(item)}）` };
    return { text: '这件是线上交付的，不用自提' };
  }
  if (!item.locationLabel.trim()) return { handover: 'no_place' };
  return { text: `可以自提，在${item.locationLabel}附近，具体时间看到消息后跟你约` };
}

const shippingFee = (item: HostedItem) => (item.shippingFee === 0 ? '包邮' : `运费 ${yuan(item.shippingFee)}`);

function shipping(item: HostedItem, text: string): Part {
  if (!item.delivery.includes('shipping')) {
    return { text: item.delivery.includes('pickup') ? '这件只支持自提，不邮寄' : '这件是线上交付的，不用邮寄' };
  }
  const carrier = item.description.match(CARRIERS)?.[0];
  if (!carrier && ASKS_CARRIER.test(text)) return { handover: 'no_carrier' };
  return { text: carrier ? `可以寄，${shippingFee(item)}，发${carrier}` : `可以寄，${shippingFee(item)}` };
}

function condition(item: HostedItem): Part {
  const said = item.condition ? CONDITION_TEXT[item.condition] : undefined;
  return said ? { text: `${said}，细节可以看图` } : { handover: 'no_condition' };
}

const NO_RECEIPT = /(?:无|没有?|不带|丢了?|找不到)(?:发票|小票|票据|凭证)|(?:发票|小票|票据|凭证)(?:没了|丢了|找不到|没有)/;
const HAS_RECEIPT = /发票|小票|票据|凭证|购买记录/;

function receipt(item: HostedItem): Part {
  if (NO_RECEIPT.test(item.description)) return { text: '没有发票或小票哦' };
  if (HAS_RECEIPT.test(item.description)) return { text: '有的，描述里写了，下单后可以一起给你' };
  return { handover: 'no_receipt_info' };
}

/** The whole answer to one message, or the first reason to hand it over. */
export function composeReply(item: HostedItem, text: string, reading: IntentReading): HostingAnswer {
  const { intents } = reading;
  if (reading.decision === 'handover') return { kind: 'handover', intents, reason: reading.reason ?? 'unsure' };
  const proposed = reading.proposedPrice ?? (reading.discount !== null ? item.price - reading.discount : null);
  const answers: Partial<Record<RoutineIntent, () => Part>> = {
    still_available: () => stillAvailable(item),
    lowest_price: () => priceAnswer(item, null),
    bargain: () => priceAnswer(item, proposed),
    pickup_place_time: () => pickup(item),
    shipping_cost_carrier: () => shipping(item, text),
    condition: () => condition(item),
    original_receipt: () => receipt(item),
  };
  // 最低多少 and 能小刀吗 in one message are one price answer.
  const asked = intents.includes('bargain') ? intents.filter((i) => i !== 'lowest_price') : intents;
  const parts = asked.map((i) => (answers[i] as () => Part)());
  const stop = parts.find((p): p is { handover: string } => 'handover' in p);
  if (stop) return { kind: 'handover', intents, reason: stop.handover };
  const texts = parts.map((p) => (p as { text: string }).text);
  // "还在吗" about a sold item needs no price talk after it.
  if (item.status === 'sold_out' && intents.includes('still_available')) return { kind: 'reply', intents, text: texts[0] as string };
  return { kind: 'reply', intents, text: `${texts.join('；')}～` };
}

/** An offer card on a hosted item: accept at or above the floor, counter a lowball above it. */
export function answerOffer(item: HostedItem, offer: { price: number; status: string; declinedByFloor: boolean }): HostingAnswer {
  if (item.floorPrice === null) return { kind: 'none', intents: ['bargain'], reason: 'no_floor' };
  if (offer.status === 'pending' && offer.price >= item.floorPrice) {
    return { kind: 'reply', intents: ['bargain'], text: `已接受你的出价 ${yuan(offer.price)}，24 小时内按这个价下单就行～`, acceptOffer: true };
  }
  if (offer.status === 'declined' && offer.declinedByFloor) {
    return { kind: 'reply', intents: ['bargain'], text: `${counterText({ ...item, floorPrice: item.floorPrice }, '这个价有点低，')}～` };
  }
  return { kind: 'none', intents: ['bargain'], reason: `offer_${offer.status}` };
}
