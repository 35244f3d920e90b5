// Whatever assistant answers, these hold before a word is sent for the seller: the floor price
// is never said, no contact details or links go out in the seller's name, and an offer is
// accepted only at or above the floor. A reply that breaks one is handed to the seller instead.
import { formatFen } from '@jishi/shared';
import { scanText } from '../trust/scam-shield.ts';
import type { HostedItem, HostingAnswer } from './provider.ts';

/** Every way a price may be written: 120, 120.00, ¥120, 一百二 is left to the shield-free wording. */
function spellings(fen: number): string[] {
  const yuan = fen / 100;
  const whole = Number.isInteger(yuan);
  return [formatFen(fen).replace('¥', ''), whole ? `${yuan}.00` : yuan.toFixed(2), ...(whole ? [String(yuan)] : [])];
}

/** Whether the text names this amount as a number of its own (not inside a longer number). */
export function mentionsAmount(text: string, fen: number): boolean {
  for (const s of new Set(spellings(fen))) {
    const re = new RegExp(`(?<![\\d.])${s.replace('.', '\\.')}(?![\\d]|\\.\\d)`);
    if (re.test(text)) return true;
  }
  return false;
}

export type GuardVerdict = { ok: true } | { ok: false; reason: 'reveals_floor' | 'contact_details' | 'accept_below_floor' | 'too_long' };

/** `asked` is the buyer's own message: echoing a number the buyer named reveals nothing. */
export function checkAnswer(answer: HostingAnswer, item: HostedItem, offer: { price: number } | null, asked: string | null): GuardVerdict {
  if (answer.kind !== 'reply') return { ok: true };
  if ([...answer.text].length > 500) return { ok: false, reason: 'too_long' };
  // The floor equal to the asking price or the postage is public anyway; anything else is private.
  const floor = item.floorPrice;
  const public_ = floor === item.price || floor === item.shippingFee || floor === offer?.price || (asked !== null && floor !== null && mentionsAmount(asked, floor));
  if (floor !== null && !public_ && mentionsAmount(answer.text, floor)) {
    return { ok: false, reason: 'reveals_floor' };
  }
  if (scanText(answer.text).warnings.length > 0) return { ok: false, reason: 'contact_details' };
  if (answer.acceptOffer && (!offer || floor === null || offer.price < floor)) return { ok: false, reason: 'accept_below_floor' };
  return { ok: true };
}
