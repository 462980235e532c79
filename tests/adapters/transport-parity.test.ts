/**
 * Transport parity: the whole conformance suite through the HTTP emulator, the client mock and
 * nock gives the same results. On the client mock the wire checks are skipped (listed with the
 * reason in runners/targets/mock-targets.ts) and everything else must hold.
 */
import { describe, expect, it } from 'vitest';
import { runScenarios, type ScenarioResult } from '../../runners/engine/run.js';
import { clientMockTarget, nockTarget } from '../../runners/targets/mock-targets.js';
import type { Target } from '../../runners/targets/target.js';
import { REQUIREMENT_REASONS } from '../../cases/scenario.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { runEmbedded } from '../engine/support.js';

async function runOn(target: Target): Promise<ScenarioResult[]> {
  try {
    return await runScenarios(target, await target.connect(), ALL_SCENARIOS, { runPrefix: 'parity', concurrency: 4 });
  } finally {
    await target.dispose();
  }
}

/** What the client mock cannot show: every check of a raw request, and the wire checks of the others. */
const wireChecks = (id: string) => ALL_SCENARIOS.find((s) => s.id === id)!.steps.flatMap((s) => ('raw' in s.request ? s.expect : s.expect.filter((e) => e.at.startsWith('wire.')))).length;

describe('transport parity', () => {
  it('the suite passes through the HTTP emulator, the client mock and nock alike', async () => {
    const http = await runEmbedded([], ALL_SCENARIOS, 'http');
    const clientMock = await runOn(await clientMockTarget({ region: 'us-east-1' }));
    const viaNock = await runOn(await nockTarget({ region: 'us-east-1' }));
    for (const results of [http, clientMock, viaNock]) {
      expect(results.filter((r) => r.status === 'failed' || r.status === 'advisory').map((r) => [r.id, r.failures])).toEqual([]);
    }
    expect(viaNock.map((r) => [r.id, r.status, r.skippedChecks])).toEqual(http.map((r) => [r.id, r.status, r.skippedChecks]));
    // The in-process transport (the quirk tests' fast path) sees exactly what HTTP sees.
    const inProcess = await runEmbedded([], ALL_SCENARIOS, 'in-process');
    expect(inProcess.map((r) => [r.id, r.status, r.skippedChecks, r.failures])).toEqual(http.map((r) => [r.id, r.status, r.skippedChecks, r.failures]));
    for (const r of clientMock) {
      if (ALL_SCENARIOS.find((s) => s.id === r.id)!.requires === 'iam') {
        // No target here checks IAM: skipped with its reason on every transport, never run.
        expect([r.status, r.skipReason], r.id).toEqual(['skipped', REQUIREMENT_REASONS.iam]);
        continue;
      }
      expect(r.skippedChecks, r.id).toBe(wireChecks(r.id));
      expect(r.status, r.id).toBe(r.skippedChecks > 0 && r.skippedChecks === ALL_SCENARIOS.find((s) => s.id === r.id)!.steps.flatMap((s) => s.expect).length ? 'skipped' : 'passed');
    }
  }, 120_000);
});
