/** Runs the suites in-process against the embedded emulator, optionally with quirks. */
import type { QuirkName } from '../../src/quirks/catalogue.js';
import { runScenarios, type ScenarioResult } from '../../runners/engine/run.js';
import { embeddedTarget } from '../../runners/targets/embedded.js';
import { inProcessTarget } from '../../runners/targets/in-process.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import type { Scenario } from '../../cases/scenario.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';

/**
 * `http`: the emulator on a loopback port (what `lambda-eic run` does); `in-process`: the same
 * SDK pipeline and handler without a socket (a fraction of the cost; every wire check still runs).
 */
export type EmbeddedTransport = 'http' | 'in-process';

export async function runEmbedded(quirks: QuirkName[] = [], scenarios: readonly Scenario[] = ALL_SCENARIOS, transport: EmbeddedTransport = 'in-process'): Promise<ScenarioResult[]> {
  const runPrefix = `t-${Math.random().toString(16).slice(2, 8)}`;
  const options = { region: 'us-east-1', runPrefix, emulator: quirkyEmulator(quirks) };
  const target = transport === 'http' ? await embeddedTarget(options) : await inProcessTarget(options);
  try {
    return await runScenarios(target, await target.connect(), scenarios, { runPrefix, concurrency: 8 });
  } finally {
    await target.dispose();
  }
}

export const failedIds = (results: readonly ScenarioResult[]) => results.filter((r) => r.status === 'failed').map((r) => r.id);
