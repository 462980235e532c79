/**
 * Path-level baselines: a baseline written by `lambda-eic baseline` from one run holds the next
 * run exactly; a planted regression inside an already-known scenario (a path the baseline does
 * not declare) fails the run, and so does a declared path that holds again (stale).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { baselineOf } from '../../runners/commands/baseline.js';
import { applyBaseline, parseBaseline, BaselineError, type Baseline } from '../../runners/engine/baseline.js';
import { runFailed, summarize, type RunReport } from '../../runners/engine/report.js';
import type { ScenarioResult } from '../../runners/engine/run.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { BUILT, runCli } from '../pact/support.js';
import { runEmbedded } from './support.js';

const merge = ALL_SCENARIOS.filter((s) => s.suite === 'merge');
const ids = new Set(ALL_SCENARIOS.map((s) => s.id));
const reportOf = (results: ScenarioResult[], stale: string[] = []): RunReport => ({
  target: 'embedded',
  startedAt: new Date(0).toISOString(),
  durationMs: 0,
  summary: summarize(results),
  staleBaselineIds: stale,
  results,
});

describe('path-level baselines', () => {
  it('a baseline written from a run holds the next run exactly, naming step and path of each failure', async () => {
    const first = await runEmbedded(['unqualified-function-arn'], merge);
    const baseline = baselineOf(reportOf(first), 'embedded with unqualified-function-arn');
    expect(baseline.known.length).toBeGreaterThan(3);
    for (const entry of baseline.known) {
      expect(entry.reason).toMatch(/^embedded with unqualified-function-arn answers FunctionArn without the qualifier/);
      expect(entry.expectations!.every((e) => /FunctionArn|arns/.test(e.path) && e.step >= 1)).toBe(true);
    }
    const again = await runEmbedded(['unqualified-function-arn'], merge);
    expect(applyBaseline(again, baseline, ids)).toEqual([]);
    expect(runFailed(reportOf(again))).toBe(false);
    expect(again.filter((r) => r.status === 'known').length).toBe(baseline.known.length);
  }, 60_000);

  it('a planted regression inside an already-known scenario (an undeclared path) fails it', async () => {
    const baseline = baselineOf(reportOf(await runEmbedded(['unqualified-function-arn'], merge)), 'embedded');
    const planted = await runEmbedded(['unqualified-function-arn', 'update-replaces'], merge);
    applyBaseline(planted, baseline, ids);
    const knownIds = new Set(baseline.known.map((k) => k.id));
    const caught = planted.filter((r) => knownIds.has(r.id) && r.status === 'failed');
    expect(caught.length).toBeGreaterThan(0);
    for (const r of caught) expect(r.failures.some((f) => !f.advisory && !f.known)).toBe(true);
    expect(runFailed(reportOf(planted))).toBe(true);
  }, 60_000);

  it('a declared expectation that holds again makes its scenario fixed (stale), naming the path', async () => {
    const results = await runEmbedded(
      [],
      merge.filter((s) => s.id === 'merge.put-creates'),
    );
    const baseline: Baseline = { known: [{ id: 'merge.put-creates', reason: 'r', expectations: [{ step: 1, path: 'output.FunctionArn' }] }] };
    applyBaseline(results, baseline, ids);
    expect(results[0]!.status).toBe('fixed');
    expect(results[0]!.stalePaths).toEqual([{ step: 1, path: 'output.FunctionArn' }]);
    expect(runFailed(reportOf(results))).toBe(true);
  });

  it('an entry without expectations still covers the whole scenario', async () => {
    const results = await runEmbedded(
      ['unqualified-function-arn', 'update-replaces'],
      merge.filter((s) => s.id === 'merge.update-keeps-age'),
    );
    applyBaseline(results, { known: [{ id: 'merge.update-keeps-age', reason: 'whole' }] }, ids);
    expect(results[0]!.status).toBe('known');
  });

  it('refuses malformed baselines with the problem named', () => {
    expect(() => parseBaseline({ known: [{ id: 'a', reason: 'r', expectations: [] }] }, 'x')).toThrow(/expectations must be a non-empty list/);
    expect(() => parseBaseline({ known: [{ id: 'a', reason: 'r', expectations: [{ step: -1, path: 'status' }] }] }, 'x')).toThrow(BaselineError);
    expect(() => parseBaseline({ known: [{ id: 'a', reason: ' ' }] }, 'x')).toThrow(/non-empty "reason"/);
  });

  it('every committed baseline is valid against the shipped schema and names real scenarios', () => {
    const validate = new Ajv.default({ allErrors: true }).compile(JSON.parse(readFileSync('baselines/baseline.schema.json', 'utf8')));
    // *-fuzz.json are lambda-eic fuzz baselines: root causes matched on difference signatures, their own shape.
    const all = readdirSync('baselines').filter((f) => f.endsWith('.json') && f !== 'baseline.schema.json');
    for (const file of all.filter((f) => f.endsWith('-fuzz.json')))
      for (const k of JSON.parse(readFileSync(join('baselines', file), 'utf8')).known)
        expect(typeof k.match === 'string' && typeof k.reason === 'string' && k.reason.trim() !== '', `${file}: ${JSON.stringify(k)}`).toBe(true);
    const files = all.filter((f) => !f.endsWith('-fuzz.json'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const value = JSON.parse(readFileSync(join('baselines', file), 'utf8'));
      expect(validate(value), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      parseBaseline(value, file);
      if (!file.endsWith('-pacts.json')) for (const k of value.known) expect(ids.has(k.id), `${file}: ${k.id}`).toBe(true);
    }
  });
});

describe.skipIf(!BUILT)('lambda-eic baseline (CLI)', () => {
  it('writes a baseline from a report, and the run with it exits 0; with a planted regression, 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eic-baseline-'));
    const first = await runCli(['run', '--quirk', 'unqualified-function-arn', '--suite', 'merge', '--reporter', 'json', '--output-dir', dir]);
    expect(first.code).toBe(1);
    const written = await runCli(['baseline', join(dir, 'lambda-eic-report.json'), '--target-name', 'embedded (quirky)']);
    expect(written.code).toBe(0);
    const baseline = join(dir, 'baseline.json');
    writeFileSync(baseline, written.stdout);
    expect(JSON.parse(written.stdout).target).toBe('embedded (quirky)');
    const held = await runCli(['run', '--quirk', 'unqualified-function-arn', '--suite', 'merge', '--baseline', baseline]);
    expect(held.code, held.stdout.slice(-2000)).toBe(0);
    const planted = await runCli(['run', '--quirk', 'unqualified-function-arn,update-replaces', '--suite', 'merge', '--baseline', baseline]);
    expect(planted.code).toBe(1);
    expect(planted.stdout).toContain('(NEW: not in the baseline)');
    expect(planted.stdout).toContain('(known: baseline)');
  }, 90_000);

  it('answers usage errors with exit 2 and one line', async () => {
    for (const args of [[], ['x.json'], ['/nonexistent.json', '--target-name', 't'], ['package.json', '--target-name', 't']]) {
      const out = await runCli(['baseline', ...args]);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
