// Training the scam shield's learned layer (issue 9): the labelled examples it learns from,
// and the threshold above which it may flag. The built-in examples are the evaluation set
// (scam-shield.eval.ts) and the tuning set (scam-shield.tuning.ts) — never the held-out report
// set; moderators' decisions from the database are added by scam-labels.ts.
//
// The threshold is chosen by cross-validation: every example is scored by a model that did
// not see it, and the threshold is the lowest at which the rules OR the model raise a false
// alarm on at most TARGET_FALSE_ALARMS of the ordinary messages. Pure and deterministic.
import { featurize, fit, fittedScore, type Model, toModel } from './scam-model.ts';
import { EVAL_SET } from './scam-shield.eval.ts';
import type { ScamWarning } from './scam-shield.ts';
import { TUNING_LURES, TUNING_ORDINARY } from './scam-shield.tuning.ts';

/** A labelled message: a lure (with the warnings it deserves, when known) or ordinary talk. */
export type Labelled = { text: string; lure: boolean; warnings: ScamWarning[]; weight?: number };
export type ShieldModel = {
  lure: Model;
  /** One model per warning, trained on lures only: which warning a learned hit deserves. */
  codes: [ScamWarning, Model][];
  threshold: number;
  /** Cross-validated (out-of-fold) rates of rules OR model on the training examples. */
  cv: { recall: number; falseAlarmRate: number };
  examples: number;
};

/** The ceiling on cross-validated false alarms; half the contract's 2%, for unseen wording. */
export const TARGET_FALSE_ALARMS = 0.01;
/** Never flag on less than even odds, however quiet the training data. */
export const MIN_THRESHOLD = 0.5;
const FOLDS = 5;
const CODES: ScamWarning[] = ['off_platform_contact', 'deposit_request', 'external_payment', 'suspicious_link'];

export function builtInExamples(): Labelled[] {
  const fromEval = EVAL_SET.map((c) => ({ text: c.text, lure: c.expect.length > 0, warnings: c.expect }));
  const fromTuning = [...TUNING_LURES, ...TUNING_ORDINARY].map((c) => ({ text: c.text, lure: c.expect.length > 0, warnings: c.expect }));
  return [...fromEval, ...fromTuning];
}

/**
 * The lowest threshold (≥ MIN_THRESHOLD) at which rules OR model flag at most
 * TARGET_FALSE_ALARMS of the ordinary examples, given out-of-fold model scores.
 */
export function chooseThreshold(examples: Labelled[], oof: number[], flaggedByRules: boolean[]): number {
  const ordinary = examples.map((e, i) => ({ e, i })).filter(({ e }) => !e.lure);
  const budget = Math.floor(TARGET_FALSE_ALARMS * ordinary.length) - ordinary.filter(({ i }) => flaggedByRules[i]).length;
  if (budget < 0) return 1; // the rules alone spend the budget: the model may add nothing
  const quiet = ordinary
    .filter(({ i }) => !flaggedByRules[i])
    .map(({ i }) => oof[i] ?? 0)
    .sort((a, b) => b - a);
  // Flag strictly above the (budget+1)-th highest ordinary score: at most `budget` alarms.
  const edge = quiet[budget] ?? 0;
  return Math.max(MIN_THRESHOLD, Math.min(1, edge + 1e-9));
}

/** Trains the lure model and the per-warning models, and picks the threshold by cross-validation. */
export function trainShield(examples: Labelled[], rulesFlag: (text: string) => boolean): ShieldModel {
  const features = featurize(examples.map((e) => e.text));
  const all = examples.map((_, i) => i);
  const isLure = (i: number) => examples[i]?.lure ?? false;
  const weight = (i: number) => examples[i]?.weight ?? 1;
  const flaggedByRules = examples.map((e) => rulesFlag(e.text));
  const oof: number[] = new Array(examples.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const fitted = fit(features, all.filter((i) => i % FOLDS !== fold), isLure, weight);
    for (const i of all) if (i % FOLDS === fold) oof[i] = fittedScore(features, fitted, i);
  }
  const threshold = chooseThreshold(examples, oof, flaggedByRules);
  const flagged = all.map((i) => flaggedByRules[i] || (oof[i] ?? 0) >= threshold);
  const lures = all.filter(isLure);
  const ordinary = examples.length - lures.length;
  const caught = lures.filter((i) => flagged[i]).length;
  const alarms = all.filter((i) => !isLure(i) && flagged[i]).length;
  const withCodes = lures.filter((i) => (examples[i]?.warnings.length ?? 0) > 0);
  const codeModel = (code: ScamWarning) => toModel(features, fit(features, withCodes, (i) => examples[i]?.warnings.includes(code) ?? false, weight));
  return {
    lure: toModel(features, fit(features, all, isLure, weight)),
    codes: CODES.map((code) => [code, codeModel(code)]),
    threshold,
    cv: { recall: lures.length ? caught / lures.length : 1, falseAlarmRate: ordinary ? alarms / ordinary : 0 },
    examples: examples.length,
  };
}
