/** `lambda-eic run` as a user runs it: exit codes, reporters, baselines, usage errors. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { REQUIREMENT_REASONS } from '../../cases/scenario.js';
import { ALL_SCENARIOS } from '../../suites/index.js';

const run = (...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/lambda-eic.js', 'run', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

// Each test spawns its own CLI processes (own output dirs) and shares nothing: they run side by side.
describe.concurrent('lambda-eic run', () => {
  it('replays every suite against the embedded emulator, exit 0, with progress and a summary by suite', async () => {
    const out = mkdtempSync(join(tmpdir(), 'eic-run-'));
    const r = await run('--reporter', 'console,json,junit,markdown', '--output-dir', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^lambda-eic run: \d+ scenarios against embedded/);
    expect(r.stdout).toMatch(/\d+\/\d+\n/);
    expect(r.stdout).toContain('Summary by suite');
    const iamOnly = ALL_SCENARIOS.filter((s) => s.requires === 'iam');
    expect(iamOnly.length).toBeGreaterThan(0);
    expect(r.stdout).toContain(`PASS: ${ALL_SCENARIOS.length} scenarios, ${ALL_SCENARIOS.length - iamOnly.length} passed, 0 failed, 0 advisory, 0 known, 0 fixed, ${iamOnly.length} skipped`);
    expect(r.stdout).toContain(`Skipped (not failing): ${iamOnly.length} scenarios: ${REQUIREMENT_REASONS.iam}`);
    const report = JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8'));
    const schema = JSON.parse(readFileSync('runners/reporters/report.schema.json', 'utf8'));
    const validate = new Ajv.default({ strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['target', 'startedAt', 'durationMs', 'summary', 'results']));
    expect(report.summary.passed).toBeGreaterThanOrEqual(120);
    expect(report.results[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), suite: expect.any(String), title: expect.any(String), evidence: expect.any(Array), status: 'passed', failures: [] }),
    );
    const junit = readFileSync(join(out, 'lambda-eic-junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="merge"');
    expect(junit).toContain('<testcase classname="merge" name="merge.put-creates"');
    const markdown = readFileSync(join(out, 'lambda-eic-summary.md'), 'utf8');
    expect(markdown).toMatch(/^## lambda-eic conformance: ✅ PASS/);
    expect(markdown).toContain(`### Skipped (not failing): ${REQUIREMENT_REASONS.iam}`);
    expect(junit).toContain(`<skipped message="${REQUIREMENT_REASONS.iam}"/>`);
    for (const s of iamOnly) expect(report.results.find((x: { id: string }) => x.id === s.id)).toMatchObject({ status: 'skipped', skipReason: REQUIREMENT_REASONS.iam });
  }, 60_000);

  it('fails (exit 1) against a buggy emulator, showing request, expected, actual, path and evidence', async () => {
    const r = await run('--quirk', 'update-replaces', '--suite', 'merge');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ merge.update-keeps-age  [recorded]');
    expect(r.stdout).toContain('step 1: UpdateFunctionEventInvokeConfig {"FunctionName":"eic-');
    expect(r.stdout).toMatch(/at output\.MaximumEventAgeInSeconds {2}\[recorded\]\n {6}expected: 60\n {6}actual: {3}\(absent\)/);
  }, 60_000);

  it('reports known failures from a baseline and fails when a known one passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eic-base-'));
    const baseline = join(dir, 'baseline.json');
    writeFileSync(
      baseline,
      JSON.stringify({
        known: [
          { id: 'merge.update-keeps-age', reason: 'Update replaces' },
          { id: 'merge.update-keeps-retries', reason: 'Update replaces' },
        ],
      }),
    );
    const [known, fixed] = await Promise.all([
      run('--quirk', 'update-replaces', '--grep', 'merge.update-keeps-', '--baseline', baseline),
      run('--grep', 'merge.update-keeps-', '--baseline', baseline),
    ]);
    expect(known.stdout).toContain('k merge.update-keeps-age: Update replaces');
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toContain('now passes: remove it from the baseline');
  }, 60_000);

  it('answers usage errors and an unreachable target with exit 2 and one line, no stack trace', async () => {
    const cases = [['--target', 'aws'], ['--target', 'endpoint'], ['--suite', 'nope'], ['--reporter', 'pdf'], ['--bogus'], ['--concurrency', 'x'], ['--baseline', '/nonexistent.json']];
    // Independent processes: started together, checked in order.
    const [down, ...answers] = await Promise.all([run('--target', 'endpoint', '--endpoint-url', 'http://127.0.0.1:9'), ...cases.map((args) => run(...args))]);
    for (const [i, args] of cases.entries()) {
      const r = answers[i]!;
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/^lambda-eic run: cannot reach http:\/\/127\.0\.0\.1:9/);
  }, 60_000);

  it('lists scenarios and prints help', async () => {
    const [list, help] = await Promise.all([run('--list', '--suite', 'pagination'), run('--help')]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('pagination.walk-one-by-one');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--baseline FILE');
  });
});
