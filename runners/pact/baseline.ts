/**
 * Baselines for pact verification, in the runner's format (runners/engine/baseline.ts):
 * `{"known": [{"id": "<interaction id>", "reason": "..."}]}`. An interaction's id is its
 * description up to the first `: ` (the fixture id, for this project's contracts). A known
 * failure is reported as known; a known interaction that now passes is `fixed` and fails the run.
 */
import type { Baseline } from '../engine/baseline.js';
import type { InteractionResult } from './results.js';

export interface CheckedResult extends Omit<InteractionResult, 'status'> {
  readonly status: InteractionResult['status'] | 'known' | 'fixed';
  readonly knownReason?: string;
}

/**
 * The id of an interaction: its description up to the first `: `.
 * @example interactionId('aws.update-merges: Update {retries 0} on ...') // 'aws.update-merges'
 */
export const interactionId = (description: string): string => description.split(': ')[0]!;

/**
 * Applies a baseline; returns the results and the baseline ids no interaction has (stale).
 * @example applyPactBaseline([{ description: 'a.b: t', status: 'failed', reasons: [] }], { known: [{ id: 'a.b', reason: 'r' }] }).results[0].status // 'known'
 */
export function applyPactBaseline(results: readonly InteractionResult[], baseline: Baseline): { results: CheckedResult[]; stale: string[] } {
  const reasons = new Map(baseline.known.map((k) => [k.id, k.reason]));
  const checked = results.map((r): CheckedResult => {
    const knownReason = reasons.get(interactionId(r.description));
    if (knownReason === undefined) return r;
    const status = r.status === 'failed' ? 'known' : r.status === 'passed' ? 'fixed' : r.status;
    return { ...r, status, knownReason };
  });
  const ids = new Set(results.map((r) => interactionId(r.description)));
  return { results: checked, stale: [...reasons.keys()].filter((id) => !ids.has(id)) };
}
