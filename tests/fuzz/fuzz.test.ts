/**
 * lambda-eic fuzz: no difference against the model itself, a quirk found and shrunk to a few steps,
 * and the printed scenario replays: it passes on the reference and fails on the quirky emulator.
 */
import { describe, expect, it } from 'vitest';
import type { QuirkName } from '../../src/quirks/catalogue.js';
import { runScenarios } from '../../runners/engine/run.js';
import { fuzzReport } from '../../runners/fuzz/report.js';
import { inProcessTarget } from '../../runners/targets/in-process.js';
import { absent, call, field, matches, status, step } from '../../suites/dsl.js';
import type { Scenario } from '../../cases/scenario.js';
import { embeddedTarget } from '../../runners/targets/embedded.js';
import { clientMockTarget, nockTarget } from '../../runners/targets/mock-targets.js';
import { fuzzInProcess, fuzzTarget } from './support.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';

/** Evaluates a printed scenario with the suite builders, as pasting it into a suite file would. */
function loadScenario(text: string): Scenario {
  const scenario = (id: string, title: string, source: string, body: { steps: Scenario['steps'] }): Scenario => ({ id, suite: 'errors', title, source, steps: body.steps });
  return new Function('scenario', 'step', 'call', 'status', 'field', 'absent', 'matches', `return [\n${text}\n][0];`)(scenario, step, call, status, field, absent, matches) as Scenario;
}

async function replay(scenario: Scenario, quirks: QuirkName[]) {
  const target = await inProcessTarget({ region: 'us-east-1', runPrefix: 'rp', emulator: quirkyEmulator(quirks) });
  const [result] = await runScenarios(target, await target.connect(), [scenario], { runPrefix: 'rp', concurrency: 1 });
  await target.dispose();
  return result!;
}

describe('lambda-eic fuzz', () => {
  it('finds no difference between the model and itself (in-process SDK transport)', async () => {
    const result = await fuzzInProcess([], { runs: 60 });
    expect(result.sequences).toBe(60);
    expect(result.calls).toBeGreaterThan(300);
    expect(result.findings).toEqual([]);
    expect(result.advisories).toEqual([]);
  });

  it.each([
    ['embedded HTTP', () => embeddedTarget({ region: 'us-east-1', runPrefix: 'tfe' }), 25],
    ['client mock', () => clientMockTarget({ region: 'us-east-1' }), 25],
    ['nock', () => nockTarget({ region: 'us-east-1' }), 6],
  ] as const)(
    'finds no difference between the model and itself through %s',
    async (_name, open, runs) => {
      const result = await fuzzTarget(await open(), { runs });
      expect(result.sequences).toBe(runs);
      expect(result.findings).toEqual([]);
      expect(result.advisories).toEqual([]);
    },
    60_000,
  );

  it.each<QuirkName>(['update-creates', 'put-merges', 'qualifier-ignored'])('finds quirk %s and shrinks it to a few steps that replay as a scenario', async (quirk) => {
    const result = await fuzzInProcess([quirk], { runs: 100 });
    expect(result.findings).toHaveLength(1);
    const finding = result.findings[0]!;
    expect(finding.steps.length).toBeLessThanOrEqual(4);
    expect(finding.steps.length).toBeLessThanOrEqual(finding.originalLength);
    expect(finding.differences.every((d) => d.evidence !== 'inferred')).toBe(true);
    const report = fuzzReport(result, { target: 'in-process', seed: 1, startedAt: new Date(), command: 'lambda-eic fuzz' });
    const failed = report.results.find((r) => r.status === 'failed')!;
    expect(failed.sequence!.split('\n')).toHaveLength(finding.steps.length);
    expect(failed.source).toContain(`--seed ${finding.seed}`);
    const scenario = loadScenario(failed.scenario!);
    expect((await replay(scenario, [])).status).toBe('passed');
    expect((await replay(scenario, [quirk])).status).toBe('failed');
  });

  // Paged Lists over several configs (PutEach, a List turned to the function with the most configs)
  // and check-order probes (a forced Put on a missing function with a refused destination).
  it.each<QuirkName>(['list-pages-overlap', 'destinations-before-lookup'])(
    'generates the sequences that find %s, shrunk, replaying as a scenario',
    async (quirk) => {
      const result = await fuzzInProcess([quirk], { runs: 300 });
      expect(result.findings).toHaveLength(1);
      const finding = result.findings[0]!;
      expect(finding.steps.length).toBeLessThanOrEqual(5);
      const report = fuzzReport(result, { target: 'in-process', seed: 1, startedAt: new Date(), command: 'lambda-eic fuzz' });
      const scenario = loadScenario(report.results.find((r) => r.status === 'failed')!.scenario!);
      expect((await replay(scenario, [])).status).toBe('passed');
      expect((await replay(scenario, [quirk])).status).toBe('failed');
    },
    60_000,
  );

  it('replays the same finding from the same seed', async () => {
    const [a, b] = [await fuzzInProcess(['delete-missing-204']), await fuzzInProcess(['delete-missing-204'])];
    expect(a.findings.map((f) => f.signatures)).toEqual(b.findings.map((f) => f.signatures));
    expect(a.findings[0]!.steps.map((s) => s.action)).toEqual(b.findings[0]!.steps.map((s) => s.action));
  });

  it('treats a baseline match as known and goes on', async () => {
    const result = await fuzzInProcess(['delete-missing-204'], { known: [{ match: '/^DeleteFunctionEventInvokeConfig /', reason: 'delete is idempotent here' }], runs: 40 });
    expect(result.findings.filter((f) => f.signatures.some((s) => s.startsWith('DeleteFunctionEventInvokeConfig')))).toEqual([]);
    expect(result.sequences).toBe(40);
    expect(Object.values(result.knownSeen).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
