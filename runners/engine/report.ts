/** The run's report: the data every reporter renders (schema: runners/reporters/report.schema.json). */
import type { Provenance } from './provenance.js';
import type { ScenarioResult, ScenarioStatus } from './run.js';

/** Why a run ended before every scenario ran. */
export interface Incomplete {
  /** `interrupted` (SIGINT/SIGTERM), `timeout` (--timeout), `target-lost` (it stopped answering). */
  readonly reason: 'interrupted' | 'timeout' | 'target-lost';
  readonly detail: string;
}

export interface RunReport {
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly summary: Record<ScenarioStatus | 'total', number>;
  readonly staleBaselineIds: string[];
  readonly results: ScenarioResult[];
  /** Tool, suite and spec versions, Node, target and timing (absent in reports before 0.2). */
  readonly provenance?: Provenance;
  /** Present when the run stopped early; its `not-run` scenarios are neither passes nor failures. */
  readonly incomplete?: Incomplete;
  /** What the run created and could not delete (`function eic-ab12-3 (reason)`); absent when nothing is left. */
  readonly leftovers?: string[];
}

/** Every status, in report order. */
export const STATUSES: ScenarioStatus[] = ['passed', 'failed', 'advisory', 'skipped', 'known', 'fixed', 'not-arranged', 'not-run'];

/**
 * Counts results by status.
 * @example summarize([]).total // 0
 */
export function summarize(results: readonly ScenarioResult[]): RunReport['summary'] {
  const summary = Object.fromEntries(STATUSES.map((s) => [s, 0])) as RunReport['summary'];
  for (const r of results) summary[r.status] += 1;
  return { ...summary, total: results.length };
}

/** Why a scenario was skipped: its own reason, or the transport hiding every check it has. */
export const skipReasonOf = (r: ScenarioResult): string => r.skipReason ?? 'every check needs the raw HTTP answer, which the transport does not show';

/**
 * The skipped scenarios grouped by reason, for the reporters' "Skipped" sections.
 * @example skippedByReason(report.results) // [{ reason: 'needs a target that checks IAM ...', ids: ['permissions.sqs-not-allowed', ...] }]
 */
export function skippedByReason(results: readonly ScenarioResult[]): Array<{ reason: string; ids: string[] }> {
  const groups = new Map<string, string[]>();
  for (const r of results) if (r.status === 'skipped') groups.set(skipReasonOf(r), [...(groups.get(skipReasonOf(r)) ?? []), r.id]);
  return [...groups].map(([reason, ids]) => ({ reason, ids }));
}

/**
 * Whether the run fails: a new failure, a known failure that now passes, or a stale baseline.
 * A scenario that could not be arranged never fails the run (it is reported with its reason).
 */
export const runFailed = (report: RunReport): boolean => report.summary.failed > 0 || report.summary.fixed > 0 || report.staleBaselineIds.length > 0;

/** The verdict word of a report: PASS, FAIL, or INCOMPLETE when it stopped early. */
export const verdict = (report: RunReport): 'PASS' | 'FAIL' | 'INCOMPLETE' => (report.incomplete ? 'INCOMPLETE' : runFailed(report) ? 'FAIL' : 'PASS');

/** Compact JSON for values in messages (`(absent)` for undefined). */
export const show = (value: unknown): string => {
  if (value === undefined) return '(absent)';
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  const text = JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
};
