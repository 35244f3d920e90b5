// Retraining the scam shield from moderators' decisions (issue 9). The moderator console (to
// come) writes its verdict on a reported message into scam_labels; here those rows are merged
// with the built-in labelled set and the learned layer is retrained — at start-up and on a
// schedule, and only when the labels changed since the last training. Training is
// synchronous and takes a few hundred milliseconds; scanText keeps the old model until the
// new one is ready, since the swap is one assignment.
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { Deps } from '../../lib/http.ts';
import type { Sweep } from '../../lib/jobs.ts';
import { rulesFlag, type ScamWarning, useShieldModel } from './scam-shield.ts';
import { builtInExamples, type Labelled, type ShieldModel, trainShield } from './scam-training.ts';

/** The newest labels are used, at most this many, so training time stays bounded. */
export const MAX_DB_LABELS = 20_000;
/** A moderator's decision on a real message counts twice an example written for the sets. */
export const MODERATOR_WEIGHT = 2;

export async function loadLabels(db: Db): Promise<Labelled[]> {
  const rows = await db
    .selectFrom('scamLabels')
    .select(['text', 'isLure', 'warnings'])
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_DB_LABELS)
    .execute();
  return rows.map((r) => ({ text: r.text, lure: r.isLure, warnings: r.warnings as ScamWarning[], weight: MODERATOR_WEIGHT }));
}

/** Changes whenever a label is added or removed. */
async function fingerprint(db: Db): Promise<string> {
  const r = await sql<{ n: string; last: string | null }>`
    SELECT count(*)::text AS n, max(created_at)::text AS last FROM scam_labels`.execute(db);
  const row = r.rows[0];
  return `${row?.n ?? 0}/${row?.last ?? ''}`;
}

let trainedOn: string | null = null;

/**
 * Retrains on the built-in set plus the database's labels and puts the new model in use.
 * Returns the number of database labels trained on, or 0 when nothing changed (no training).
 */
export async function retrainScamShield(deps: Pick<Deps, 'db' | 'log'>, { force = false } = {}): Promise<number> {
  const fp = await fingerprint(deps.db);
  if (!force && fp === trainedOn) return 0;
  const labels = await loadLabels(deps.db);
  const started = performance.now();
  const model: ShieldModel = trainShield([...builtInExamples(), ...labels], rulesFlag);
  useShieldModel(model);
  trainedOn = fp;
  deps.log.info(
    { labels: labels.length, examples: model.examples, threshold: model.threshold, cv: model.cv, ms: Math.round(performance.now() - started) },
    'scam shield trained',
  );
  return labels.length;
}

export const scamShieldSweeps: Sweep[] = [{ name: 'scam-shield-retrain', cron: '*/15 * * * *', run: (deps) => retrainScamShield(deps) }];
