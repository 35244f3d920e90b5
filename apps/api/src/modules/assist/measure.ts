// Measuring smart hosting's reading against a labelled set: accuracy (the whole decision is
// right: the same routine questions answered, or handed over when the label says other /
// ask_human) and the rate of wrong automatic answers (answered, but not exactly what was asked).
import type { Intent, LabelledMessage } from './labels/hosting-messages.ts';
import type { IntentReading } from './intents.ts';

export type Miss = { text: string; expected: Intent[]; got: string };
export type HostingReport = { total: number; correct: number; answered: number; wrong: number; accuracy: number; wrongRate: number; misses: Miss[] };

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function measureHosting(set: readonly LabelledMessage[], read: (text: string) => IntentReading): HostingReport {
  let correct = 0;
  let answered = 0;
  let wrong = 0;
  const misses: Miss[] = [];
  for (const { text, intents: expected } of set) {
    const r = read(text);
    const handOver = expected.includes('other') || expected.includes('ask_human');
    let ok: boolean;
    if (r.decision === 'answer') {
      answered++;
      ok = !handOver && same(r.intents, expected);
      if (!ok) wrong++;
    } else {
      // A handover is right when the label asks for one, and names a person when one was asked for.
      ok = handOver && (r.reason === 'ask_human') === expected.includes('ask_human');
    }
    if (ok) correct++;
    else misses.push({ text, expected, got: r.decision === 'answer' ? r.intents.join(' ') : `handover:${r.reason}(${r.intents.join(' ')})` });
  }
  const total = set.length;
  return { total, correct, answered, wrong, accuracy: correct / total, wrongRate: wrong / total, misses };
}
