/** The run's report: the data every reporter renders (schema: runners/reporters/report.schema.json). */
import type { Provenance } from './provenance.js';
import type { ScenarioResult, ScenarioStatus } from './run.js';

export interface RunReport {
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly summary: Record<ScenarioStatus | 'total', number>;
  readonly staleBaselineIds: string[];
  readonly results: ScenarioResult[];
  /** Tool, suite and spec versions, Node, target and timing (absent in reports before 0.2). */
  readonly provenance?: Provenance;
}

/** Every status, in report order. */
export const STATUSES: ScenarioStatus[] = ['passed', 'failed', 'advisory', 'skipped', 'known', 'fixed', 'not-arranged'];

/**
 * Counts results by status.
 * @example summarize([]).total // 0
 */
export function summarize(results: readonly ScenarioResult[]): RunReport['summary'] {
  const summary = Object.fromEntries(STATUSES.map((s) => [s, 0])) as RunReport['summary'];
  for (const r of results) summary[r.status] += 1;
  return { ...summary, total: results.length };
}

/**
 * Whether the run fails: a new failure, a known failure that now passes, or a stale baseline.
 * A scenario that could not be arranged never fails the run (it is reported with its reason).
 */
export const runFailed = (report: RunReport): boolean =>
  report.summary.failed > 0 || report.summary.fixed > 0 || report.staleBaselineIds.length > 0;

/** Compact JSON for values in messages (`(absent)` for undefined). */
export const show = (value: unknown): string => {
  if (value === undefined) return '(absent)';
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  const text = JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
};
