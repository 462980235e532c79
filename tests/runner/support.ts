/** Runs the suites in-process against the embedded emulator, optionally with quirks. */
import { Emulator } from '../../src/model/emulator.js';
import type { QuirkName } from '../../src/model/quirks.js';
import { runScenarios, type ScenarioResult } from '../../runners/engine/run.js';
import { embeddedTarget } from '../../runners/targets/embedded.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import type { Scenario } from '../../cases/scenario.js';

export async function runEmbedded(quirks: QuirkName[] = [], scenarios: readonly Scenario[] = ALL_SCENARIOS): Promise<ScenarioResult[]> {
  const runPrefix = `t-${Math.random().toString(16).slice(2, 8)}`;
  const target = await embeddedTarget({ region: 'us-east-1', runPrefix, emulator: new Emulator({ quirks }) });
  try {
    return await runScenarios(target, await target.connect(), scenarios, { runPrefix, concurrency: 8 });
  } finally {
    await target.dispose();
  }
}

export const failedIds = (results: readonly ScenarioResult[]) => results.filter((r) => r.status === 'failed').map((r) => r.id);
