/** Reports for the reporter tests: real in-process runs, and hand-made ones for rare statuses. */
import { summarize, type RunReport } from '../../runners/engine/report.js';
import type { ScenarioResult } from '../../runners/engine/run.js';
import type { QuirkName } from '../../src/quirks/catalogue.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { runEmbedded } from '../engine/support.js';

export const reportOf = (target: string, results: ScenarioResult[]): RunReport => ({
  target,
  startedAt: '2026-11-30T10:00:00.000Z',
  durationMs: 1234,
  summary: summarize(results),
  staleBaselineIds: [],
  results,
});

/** A run of the merge and qualifiers suites against the embedded emulator with these quirks. */
export async function quirkReport(quirks: QuirkName[], label = `embedded with quirks ${quirks.join(', ')}`): Promise<RunReport> {
  const scenarios = ALL_SCENARIOS.filter((s) => s.suite === 'merge' || s.suite === 'qualifiers');
  return reportOf(label, await runEmbedded(quirks, scenarios));
}

/** A result as the runner writes it, with a status the runner may not produce yet (not-arranged). */
export const handMade = (over: Partial<ScenarioResult> & Pick<ScenarioResult, 'id' | 'status'>): ScenarioResult => ({
  suite: 'merge',
  title: 'a scenario',
  source: 'aws-behaviour.md §4 Put',
  evidence: ['recorded'],
  failures: [],
  skippedChecks: 0,
  durationMs: 1,
  operations: ['PutFunctionEventInvokeConfig'],
  ...over,
});
