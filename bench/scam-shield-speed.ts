// How fast the scam shield is: it runs on every chat message, comment and note, synchronously.
// Prints the time to train the learned layer (once per process, and on retraining), and
// nanoseconds per message for the rules alone and for rules + learned layer, on every labelled
// message we have, plus a long note. Run: npx tsx bench/scam-shield-speed.ts
import { rulesFlag, scanText, shieldModel } from '../apps/api/src/modules/trust/scam-shield.ts';
import { EVAL_SET } from '../apps/api/src/modules/trust/scam-shield.eval.ts';
import { HELDOUT_LURES, HELDOUT_ORDINARY } from '../apps/api/src/modules/trust/scam-shield.heldout.ts';
import { HELDOUT2_LURES, HELDOUT2_ORDINARY } from '../apps/api/src/modules/trust/scam-shield.heldout2.ts';
import { HELDOUT3_LURES, HELDOUT3_ORDINARY } from '../apps/api/src/modules/trust/scam-shield.heldout3.ts';
import { TUNING_LURES, TUNING_ORDINARY } from '../apps/api/src/modules/trust/scam-shield.tuning.ts';

const cpuMs = (f: () => void) => {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1000, wall: performance.now() - t };
};

const first = cpuMs(() => shieldModel());
console.log(`training at first use: ${first.cpu.toFixed(0)} ms CPU (${first.wall.toFixed(0)} ms wall), ${shieldModel().examples} examples`);

const texts = [...EVAL_SET, ...TUNING_LURES, ...TUNING_ORDINARY, ...HELDOUT_LURES, ...HELDOUT_ORDINARY, ...HELDOUT2_LURES, ...HELDOUT2_ORDINARY, ...HELDOUT3_LURES, ...HELDOUT3_ORDINARY].map(
  (c) => c.text,
);
const perMessage = (f: (t: string) => unknown, rounds = 20) => {
  for (const t of texts) f(t); // warm up
  const { cpu } = cpuMs(() => {
    for (let r = 0; r < rounds; r++) for (const t of texts) f(t);
  });
  return (cpu * 1e6) / (rounds * texts.length);
};
const rules = perMessage(rulesFlag);
const full = perMessage(scanText);
console.log(`${texts.length} messages (mean ${Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length)} chars)`);
console.log(`rules only:            ${Math.round(rules).toLocaleString()} ns/message (CPU)`);
console.log(`rules + learned layer: ${Math.round(full).toLocaleString()} ns/message (CPU)`);
const note = '周末在小区门口摆摊，出闲置：书、衣服、小家电，价格都很便宜，欢迎来逛。'.repeat(40);
console.log(`a ${note.length}-char note: ${cpuMs(() => scanText(note)).cpu.toFixed(2)} ms CPU`);
