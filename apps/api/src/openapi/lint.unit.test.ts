// Redocly's recommended ruleset over the generated document: zero errors. Run in a temporary
// folder so that no redocly.yaml of the checkout changes the rules, with telemetry off.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocument } from './generate.ts';

type Problem = { ruleId: string; severity: 'error' | 'warn'; message: string; location: { pointer: string }[] };

const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

function lint(doc: unknown): { totals: { errors: number; warnings: number }; problems: Problem[] } {
  const dir = mkdtempSync(join(tmpdir(), 'jishi-openapi-'));
  try {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
    const r = spawnSync(process.execPath, [cli, 'lint', 'openapi.json', '--format=json', '--max-problems=1000'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      timeout: 60_000,
    });
    const start = r.stdout.indexOf('{');
    if (start < 0) throw new Error(`redocly printed no report (exit ${r.status}): ${r.stderr}`);
    return JSON.parse(r.stdout.slice(start));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended lint with zero errors', () => {
    const report = lint(generateDocument());
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);

  it('is linted for real: a document without summaries or licence fails', () => {
    const doc = structuredClone(generateDocument()) as { info: Record<string, unknown>; paths: Record<string, Record<string, { summary?: string }>> };
    delete doc.info.license;
    const first = Object.values(doc.paths)[0];
    for (const op of Object.values(first ?? {})) delete op.summary;
    const rules = new Set(lint(doc).problems.map((p) => p.ruleId));
    expect(rules).toContain('operation-summary');
    expect(rules).toContain('info-license');
  }, 60_000);
});
