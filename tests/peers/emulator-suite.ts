/**
 * One real third-party emulator as a CI gate: installed pinned into the cache outside the
 * repository (scripts/emulators.mjs), started on a free loopback port, the whole suite run against
 * it with its baseline (baselines/<name>.json) and the pacts verified with theirs
 * (baselines/<name>-pacts.json), its conformance page regenerated from the run, then stopped by
 * its PID. Skipped loudly, in milliseconds, where Python or PyPI is unavailable.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { emulator, ensureInstalled, start } from '../../scripts/emulators.mjs';
import { BUILT, ROOT, runCli } from '../pact/support.js';

interface Spec {
  readonly name: string;
  readonly label: string;
}
interface Running {
  readonly endpoint: string;
  readonly pid: number;
  stop(): Promise<void>;
}
interface Report {
  summary: Record<string, number>;
  results: Array<{ id: string; status: string; failures: Array<{ step: number; path: string; advisory: boolean; known?: boolean }>; notArranged?: string }>;
}

export interface EmulatorCase {
  /** Name in scripts/emulators.mjs, and of baselines/<name>.json and docs/conformance/<name>.md. */
  readonly name: string;
  /** Scenarios this emulator cannot arrange (expected: none, thanks to the fallbacks). */
  readonly notArranged?: number;
  /** Also prove that an undeclared failure inside a known scenario fails the run (one more run). */
  readonly plantedRegression?: boolean;
}

const json = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
const declared = (baseline: { known: Array<{ id: string; expectations?: Array<{ step: number; path: string }> }> }) =>
  baseline.known.flatMap((k) => (k.expectations ?? []).map((e) => `${k.id} ${e.step} ${e.path}`)).sort();

/**
 * Declares the peer tests of one emulator.
 * @example describeEmulator({ name: 'ministack' });
 */
export function describeEmulator(c: EmulatorCase): void {
  const spec = emulator(c.name) as Spec;
  const out = join(ROOT, 'reports', 'emulators', c.name);
  let running: Running | undefined;
  let skip: string | undefined = BUILT ? undefined : 'dist/ is missing: run npm run build';

  describe(`${spec.label} (real emulator on the host)`, () => {
    beforeAll(async () => {
      if (skip) return;
      const installed = (await ensureInstalled(spec)) as { bin?: string; skip?: string };
      if (installed.skip) {
        skip = installed.skip;
        console.warn(`\n*** ${skip} ***\n`);
        return;
      }
      running = (await start(spec, installed.bin)) as Running;
      console.log(`${spec.label}: serving ${running.endpoint} (pid ${running.pid})`);
      mkdirSync(out, { recursive: true });
    }, 600_000);

    afterAll(async () => {
      await running?.stop();
      if (running) console.log(`${spec.label}: stopped (pid ${running.pid})`);
    });

    it('runs the whole suite, and differs exactly at the expectations its baseline declares', async (ctx) => {
      if (skip || !running) return ctx.skip();
      const run = await runCli([
        'run',
        '--label',
        spec.label,
        '--target',
        'endpoint',
        '--endpoint-url',
        running.endpoint,
        '--baseline',
        `baselines/${c.name}.json`,
        '--reporter',
        'console,json,junit,markdown',
        '--output-dir',
        out,
      ]);
      const report = JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8')) as Report;
      const baseline = json<{ known: Array<{ id: string; expectations?: Array<{ step: number; path: string }> }> }>(`baselines/${c.name}.json`);
      const failing = report.results.filter((r) => r.status === 'failed' || r.status === 'fixed');
      expect(
        failing.map(
          (r) =>
            `${r.id}: ${r.failures
              .filter((f) => !f.advisory && !f.known)
              .map((f) => `step ${f.step} ${f.path}`)
              .join(', ')}`,
        ),
        run.stdout.slice(-3000),
      ).toEqual([]);
      expect(report.summary.known).toBe(baseline.known.length);
      const seen = report.results.flatMap((r) => r.failures.filter((f) => f.known).map((f) => `${r.id} ${f.step} ${f.path}`));
      expect([...new Set(seen)].sort()).toEqual(declared(baseline));
      expect(report.results.filter((r) => r.status === 'not-arranged').map((r) => `${r.id}: ${r.notArranged}`)).toHaveLength(c.notArranged ?? 0);
      expect(report.summary.passed).toBeGreaterThan(0);
      expect(run.code).toBe(0);
      const page = await runCli(['findings', join(out, 'lambda-eic-report.json'), '--target-name', spec.label]);
      expect(page.code).toBe(0);
      writeFileSync(join(out, `${c.name}.md`), page.stdout);
      const causes = (md: string) => md.split('\n').filter((l) => l.startsWith('### '));
      expect(causes(page.stdout), `regenerate docs/conformance/${c.name}.md from ${out}`).toEqual(causes(readFileSync(join(ROOT, 'docs', 'conformance', `${c.name}.md`), 'utf8')));
    }, 300_000);

    if (c.plantedRegression)
      it('fails (exit 1) when a known scenario fails at a path its baseline does not declare', async (ctx) => {
        if (skip || !running) return ctx.skip();
        const baseline = json<{ target: string; known: Array<{ id: string; reason: string; expectations?: Array<{ step: number; path: string }> }> }>(`baselines/${c.name}.json`);
        // The regression: one expectation of a known scenario the baseline no longer declares.
        const victim = baseline.known.find((k) => (k.expectations?.length ?? 0) >= 2)!;
        const dropped = victim.expectations!.at(-1)!;
        const planted = { ...baseline, known: baseline.known.map((k) => (k === victim ? { ...k, expectations: k.expectations!.slice(0, -1) } : k)) };
        const file = join(out, 'planted-baseline.json');
        writeFileSync(file, JSON.stringify(planted));
        const dir = join(out, 'planted');
        const run = await runCli(['run', '--target', 'endpoint', '--endpoint-url', running.endpoint, '--baseline', file, '--reporter', 'console,json', '--output-dir', dir]);
        const report = JSON.parse(readFileSync(join(dir, 'lambda-eic-report.json'), 'utf8')) as Report;
        expect(run.code).toBe(1);
        const failed = report.results.filter((r) => r.status === 'failed');
        expect(failed.map((r) => r.id)).toEqual([victim.id]);
        expect(failed[0]!.failures.filter((f) => !f.advisory && !f.known).map((f) => `${f.step} ${f.path}`)).toEqual([`${dropped.step} ${dropped.path}`]);
        expect(run.stdout).toContain('(NEW: not in the baseline)');
      }, 300_000);

    it('verifies the pacts, and fails exactly the interactions of its pact baseline', async (ctx) => {
      if (skip || !running) return ctx.skip();
      const report = join(out, 'pacts.json');
      const run = await runCli(['verify-pacts', '--target', 'endpoint', '--endpoint-url', running.endpoint, '--baseline', `baselines/${c.name}-pacts.json`, '--report', report]);
      const baseline = json<{ known: Array<{ id: string }> }>(`baselines/${c.name}-pacts.json`);
      const written = JSON.parse(readFileSync(report, 'utf8')) as { results: Array<{ description: string; status: string }>; stale: string[] };
      const byStatus = (s: string) => written.results.filter((r) => r.status === s).map((r) => r.description.split(': ')[0]);
      expect(byStatus('failed'), run.stdout.slice(-3000)).toEqual([]);
      expect(byStatus('fixed')).toEqual([]);
      expect(written.stale).toEqual([]);
      expect(byStatus('known').sort()).toEqual(baseline.known.map((k) => k.id).sort());
      expect(run.code).toBe(0);
    }, 300_000);
  });
}
