/**
 * Baselines: the scenarios a target is known to fail, each with a reason. A known failure is
 * reported as known; a known one that now passes fails the run, so the baseline stays true.
 */
import { readFileSync } from 'node:fs';
import type { ScenarioResult } from './run.js';

export interface Baseline {
  readonly target?: string;
  readonly known: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
}

export class BaselineError extends Error {}

/**
 * Reads and checks a baseline file.
 * @example readBaseline('baselines/moto.json').known.length
 */
export function readBaseline(path: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${path}: ${(error as Error).message}`);
  }
  const known = (value as { known?: unknown }).known;
  if (!Array.isArray(known) || !known.every((k) => typeof k?.id === 'string' && typeof k?.reason === 'string' && k.reason.trim() !== ''))
    throw new BaselineError(`baseline ${path} must be {"known": [{"id": "<scenario id>", "reason": "<why>"}]}`);
  return value as Baseline;
}

/**
 * Marks known failures `known` and known scenarios that now pass `fixed`; returns the ids the
 * baseline names that no scenario of this run has (a stale baseline).
 * @example applyBaseline(results, { known: [{ id: 'merge.put-creates', reason: '...' }] }) // []
 */
export function applyBaseline(results: ScenarioResult[], baseline: Baseline, allIds: ReadonlySet<string>): string[] {
  for (const result of results) markKnown(result, baseline);
  return baseline.known.map((k) => k.id).filter((id) => !allIds.has(id));
}

/**
 * Applies the baseline to one result as it finishes (so progress marks show `k` and `!`);
 * applying it twice changes nothing.
 * @example markKnown(result, baseline); result.status // 'known' for a listed failure
 */
export function markKnown(result: ScenarioResult, baseline: Baseline): void {
  const reason = baseline.known.find((k) => k.id === result.id)?.reason;
  if (reason === undefined) return;
  result.knownReason = reason;
  if (result.status === 'failed') result.status = 'known';
  else if (result.status === 'passed' || result.status === 'advisory') result.status = 'fixed';
}
