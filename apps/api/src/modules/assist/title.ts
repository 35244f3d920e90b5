// The cleaned title and the tags of smart publish. A title is for buyers searching: emoji
// spam, "急急急", shouting punctuation and contact details (found by the scam shield, which
// knows every way people spell a WeChat id) come out; the words stay as the seller wrote them.
import { ITEM_LIMITS } from '@jishi/shared';
import { queryRuns } from '../search/text.ts';
import { scanText } from '../trust/scam-shield.ts';

const EMOJI = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F1E6}-\u{1F1FF}]/gu;
// Urgency and hype: 急急急, 急出, 速来, 秒杀, 亏本, 跳楼价, 大甩卖, 捡漏 — they sell nothing.
const HYPE = /急{2,}|急(?:出|售|转|卖|用钱)|速来|速度来|手慢无|秒杀|亏本|跳楼价?|大甩卖|血亏|捡漏/g;
const SHOUTING = /[!！?？~～]+|[.。]{2,}|…+/g;
const EMPTY_BRACKETS = /[【[(（「]\s*[】\])）」]/g;
// What a removed contact leaves behind: "电话", "加", "vx:" with nothing after them.
const CONTACT_DEBRIS = /(?:加我?|联系我?|电话|手机号?|微信|薇信|vx|wx|v信|qq|tel)[:：]?(?=\s|$)/giu;
const CONTACT: ReadonlySet<string> = new Set(['off_platform_contact', 'suspicious_link']);

const HAN = /\p{Script=Han}/u;

/**
 * Cuts a contact span out, but not the end of the word before it: the shield reads
 * "沙发 vx:abc" as "发 vx:abc" (发 = send), and 沙发 must survive.
 */
function removeSpan(s: string, span: string): string {
  let out = s;
  for (let at = out.indexOf(span); at >= 0; at = out.indexOf(span, at + 1)) {
    const before = out[at - 1] ?? '';
    const first = span[0] ?? '';
    const keep = HAN.test(first) && HAN.test(before) && queryRuns(before + first).length === 1 ? 1 : 0;
    out = `${out.slice(0, at + keep)} ${out.slice(at + span.length)}`;
  }
  return out;
}

export function cleanTitle(title: string): string {
  let s = title.replace(EMOJI, ' ');
  for (const m of scanText(s).matches) {
    // Rule matches quote the text as written; the learned layer names words, which stay.
    if (m.by === 'rule' && CONTACT.has(m.warning) && m.text) s = removeSpan(s, m.text);
  }
  s = s
    .replace(CONTACT_DEBRIS, ' ')
    .replace(HYPE, ' ')
    .replace(SHOUTING, ' ')
    .replace(EMPTY_BRACKETS, ' ')
    .replace(/[|｜/／,，、\s]+$/g, '')
    .replace(/^[|｜/／,，、\s]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...(s || title.replace(EMOJI, '').trim())];
  return chars.slice(0, ITEM_LIMITS.titleMax).join('');
}

// Words that make poor tags: trade talk and condition (the form has fields for those).
const NOT_TAGS = new Set([
  '出', '转', '转让', '出售', '闲置', '二手', '自用', '自提', '包邮', '面交', '同城', '九成', '九成新', '八成新', '全新', '几乎', '未拆封',
  '成新', '一个', '一套', '两个', '打包', '便宜', '搬家', '清仓', '免费', '送', '带', '和', '的', '了', '有', '个', '款',
]);
export const MAX_TAGS = 5;

/** Tags: the title's words (brands, models, what it is), then the description's, at most five. */
export function tagsOf(title: string, description = ''): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const text of [title, description]) {
    for (const run of queryRuns(text)) {
      const w = run.han ? run.text : run.text.toLowerCase();
      if (out.length >= MAX_TAGS) return out;
      if (seen.has(w) || NOT_TAGS.has(w) || /^\d+(\.\d+)?$/.test(w) || [...w].length < 2 || [...w].length > 12) continue;
      seen.add(w);
      out.push(run.han ? w : run.text);
    }
  }
  return out;
}
