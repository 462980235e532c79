/** runners/engine/baseline.ts, data in and data out: reading a baseline and applying it to results. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaselineError, applyBaseline, markKnown, parseBaseline, readBaseline, type Baseline } from '../../runners/engine/baseline.js';
import type { Failure, ScenarioResult } from '../../runners/engine/run.js';

const failure = (step: number, path: string, advisory = false): Failure => ({ step, path, expected: 1, actual: 2, evidence: advisory ? 'inferred' : 'recorded', advisory });
const result = (id: string, status: ScenarioResult['status'], failures: Failure[] = []): ScenarioResult => ({
  id,
  suite: 'merge',
  title: id,
  source: '§4',
  evidence: ['recorded'],
  status,
  failures,
  skippedChecks: 0,
  durationMs: 1,
});

describe('parseBaseline and readBaseline', () => {
  it('accept the documented shape', () => {
    const baseline = { target: 't', known: [{ id: 'a', reason: 'r', expectations: [{ step: 0, path: 'status', reason: 'x' }] }] };
    expect(parseBaseline(baseline, 'inline')).toBe(baseline);
  });

  it.each([
    [{}, 'it has no "known" list'],
    [{ known: [{ id: 'a' }] }, 'known[0] needs an "id" and a non-empty "reason"'],
    [{ known: [{ id: 'a', reason: 'r', expectations: 'status' }] }, 'known[0].expectations must be a non-empty list'],
    [{ known: [{ id: 'a', reason: 'r', expectations: [{ step: 1.5, path: 'status' }] }] }, 'known[0].expectations[0] needs a "step" (0 or more) and a "path"'],
    [{ known: [{ id: 'a', reason: 'r', expectations: [{ step: 1, path: 'status', reason: '' }] }] }, 'known[0].expectations[0] needs'],
    [null, 'it has no "known" list'],
  ])('refuse %j naming the problem and the shape', (value, problem) => {
    expect(() => parseBaseline(value, 'b.json')).toThrow(BaselineError);
    expect(() => parseBaseline(value, 'b.json')).toThrow(`baseline b.json: ${problem}`);
  });

  it('readBaseline names a file that is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eic-baseline-'));
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(() => readBaseline(join(dir, 'bad.json'))).toThrow(new RegExp(`^cannot read baseline ${join(dir, 'bad.json')}: `));
    expect(() => readBaseline(join(dir, 'none.json'))).toThrow(/ENOENT/);
  });
});

describe('applying a baseline', () => {
  const whole: Baseline = { known: [{ id: 'a', reason: 'known bug' }] };
  const paths: Baseline = { known: [{ id: 'a', reason: 'known bug', expectations: [{ step: 1, path: 'output.FunctionArn' }] }] };

  it('a whole-scenario entry makes a failing scenario known, and a passing one fixed', () => {
    const failing = result('a', 'failed', [failure(1, 'status'), failure(2, 'output.X', true)]);
    markKnown(failing, whole);
    expect(failing).toMatchObject({ status: 'known', knownReason: 'known bug' });
    expect(failing.failures.map((f) => f.known)).toEqual([true, undefined]);
    const passing = result('a', 'passed');
    markKnown(passing, whole);
    expect(passing.status).toBe('fixed');
  });

  it('a path entry: the declared failure is known, another failure keeps the scenario failed', () => {
    const declared = result('a', 'failed', [failure(1, 'output.FunctionArn')]);
    markKnown(declared, paths);
    expect(declared.status).toBe('known');
    const more = result('a', 'failed', [failure(1, 'output.FunctionArn'), failure(1, 'status')]);
    markKnown(more, paths);
    expect(more.status).toBe('failed');
    expect(more.failures.map((f) => f.known)).toEqual([true, undefined]);
  });

  it('a declared path that holds now makes the scenario fixed, listing the stale path', () => {
    const other = result('a', 'failed', [failure(2, 'output.FunctionArn')]);
    markKnown(other, paths);
    expect(other).toMatchObject({ status: 'failed', stalePaths: [{ step: 1, path: 'output.FunctionArn' }] });
    const passing = result('a', 'passed');
    markKnown(passing, paths);
    expect(passing).toMatchObject({ status: 'fixed', stalePaths: [{ step: 1, path: 'output.FunctionArn' }] });
  });

  it('leaves not-arranged, skipped and not-run scenarios as they are (with the reason), and others untouched', () => {
    for (const status of ['not-arranged', 'skipped', 'not-run'] as const) {
      const r = result('a', status);
      markKnown(r, whole);
      expect(r).toMatchObject({ status, knownReason: 'known bug' });
    }
    const unlisted = result('b', 'failed', [failure(1, 'status')]);
    markKnown(unlisted, whole);
    expect(unlisted.status).toBe('failed');
  });

  it('applying twice changes nothing, and applyBaseline names the ids that are no scenario', () => {
    const r = result('a', 'failed', [failure(1, 'output.FunctionArn')]);
    expect(applyBaseline([r], { known: [...paths.known, { id: 'gone', reason: 'r' }] }, new Set(['a']))).toEqual(['gone']);
    markKnown(r, paths);
    expect(r.status).toBe('known');
    expect(r.stalePaths).toBeUndefined();
  });
});
