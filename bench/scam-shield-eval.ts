// Prints the scam shield's precision / recall table on the labelled set, with every miss
// and false alarm, so a rule change can be judged before it is committed.
// Run: npx tsx bench/scam-shield-eval.ts
import { scanText } from '../apps/api/src/modules/trust/scam-shield.ts';
import { EVAL_SET, measure } from '../apps/api/src/modules/trust/scam-shield.eval.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const r = measure(scanText);

console.log(`messages: ${EVAL_SET.length} (${r.lures} lures, ${r.ordinary} ordinary)`);
console.log(`recall (lure gets ≥1 warning): ${r.lureCaught}/${r.lures} = ${pct(r.recall)}`);
console.log(`false alarms on ordinary talk: ${r.falseAlarms}/${r.ordinary} = ${pct(r.falseAlarmRate)}`);
console.log(`precision (flagged messages that are lures): ${pct(r.precision)}`);
console.table(
  r.perCode.map((s) => ({
    code: s.code,
    expected: s.expected,
    recall: s.expected ? pct(s.caught / s.expected) : '-',
    raised: s.raised,
    precision: s.raised ? pct(s.correct / s.raised) : '-',
  })),
);
for (const m of r.misses) console.log(`MISS   ${m.text}  (expected ${m.expect.join(', ')})`);
for (const a of r.alarms) console.log(`ALARM  ${a.case.text}  (got ${a.got.join(', ')})`);
for (const c of EVAL_SET) {
  const got = scanText(c.text).warnings;
  const missing = c.expect.filter((w) => !got.includes(w));
  const extra = c.expect.length > 0 ? got.filter((w) => !c.expect.includes(w)) : [];
  if (got.length > 0 && (missing.length > 0 || extra.length > 0))
    console.log(`CODE   ${c.text}  (missing ${missing.join(', ') || '-'}; extra ${extra.join(', ') || '-'})`);
}
