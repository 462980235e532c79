/**
 * Baselines: the divergences a target is known to have, each with a reason written from what the
 * target does (schema: runners/reporters/baseline.schema.json). An entry names a scenario and,
 * optionally, the expectations inside it that fail (step and path, like LocalStack's
 * `skip_snapshot_verify(paths=...)`):
 *
 *   {"target": "moto 5.2.5", "known": [{"id": "merge.put-creates", "reason": "...",
 *     "expectations": [{"step": 1, "path": "output.FunctionArn", "reason": "..."}]}]}
 *
 * With expectations, a failure at any other path of that scenario fails the run (a new
 * divergence), and a declared expectation that now holds fails it too (stale). Without, the whole
 * scenario is known. A known scenario that passes entirely is `fixed` and fails the run.
 */
import { readFileSync } from 'node:fs';
import type { ScenarioResult } from './run.js';

export interface KnownExpectation {
  /** 1-based step; 0 for arranging the given state. */
  readonly step: number;
  /** The path the expectation reads: status, error.code, output.<path>, wire.body.<path>, ... */
  readonly path: string;
  readonly reason?: string;
}

export interface KnownScenario {
  readonly id: string;
  readonly reason: string;
  readonly expectations?: readonly KnownExpectation[];
}

export interface Baseline {
  readonly $schema?: string;
  readonly target?: string;
  readonly known: readonly KnownScenario[];
}

export class BaselineError extends Error {}

const SHAPE = '{"known": [{"id": "<scenario id>", "reason": "<why>", "expectations"?: [{"step": <n>, "path": "<path>", "reason"?: "<why>"}]}]}';
const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';

function problemOf(value: unknown): string | undefined {
  const known = (value as { known?: unknown } | null)?.known;
  if (!Array.isArray(known)) return 'it has no "known" list';
  for (const [i, k] of known.entries()) {
    if (!text(k?.id) || !text(k?.reason)) return `known[${i}] needs an "id" and a non-empty "reason"`;
    if (k.expectations === undefined) continue;
    if (!Array.isArray(k.expectations) || k.expectations.length === 0) return `known[${i}].expectations must be a non-empty list`;
    for (const [j, e] of k.expectations.entries())
      if (!Number.isInteger(e?.step) || e.step < 0 || !text(e?.path) || (e.reason !== undefined && !text(e.reason))) return `known[${i}].expectations[${j}] needs a "step" (0 or more) and a "path"`;
  }
  return undefined;
}

/**
 * Checks a parsed baseline; throws BaselineError naming the first problem.
 * @example parseBaseline({ known: [{ id: 'merge.put-creates', reason: 'r' }] }, 'inline').known.length // 1
 */
export function parseBaseline(value: unknown, source: string): Baseline {
  const problem = problemOf(value);
  if (problem) throw new BaselineError(`baseline ${source}: ${problem}; the shape is ${SHAPE}`);
  return value as Baseline;
}

/**
 * Reads and checks a baseline file.
 * @example readBaseline('baselines/moto-5.2.1.json').known.length
 */
export function readBaseline(path: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${path}: ${(error as Error).message}`);
  }
  return parseBaseline(value, path);
}

const key = (step: number, path: string) => `${step} ${path}`;

function applyEntry(result: ScenarioResult, entry: KnownScenario): void {
  result.knownReason = entry.reason;
  if (result.status === 'not-arranged' || result.status === 'skipped' || result.status === 'not-run') return;
  const hard = result.failures.filter((f) => !f.advisory);
  if (!entry.expectations) {
    for (const f of hard) f.known = true;
    result.status = hard.length > 0 ? 'known' : 'fixed';
    return;
  }
  const declared = new Set(entry.expectations.map((e) => key(e.step, e.path)));
  for (const f of hard) if (declared.has(key(f.step, f.path))) f.known = true;
  const failing = new Set(hard.map((f) => key(f.step, f.path)));
  const stale = entry.expectations.filter((e) => !failing.has(key(e.step, e.path))).map((e) => ({ step: e.step, path: e.path }));
  if (stale.length > 0) result.stalePaths = stale;
  result.status = hard.some((f) => !f.known) ? 'failed' : stale.length > 0 ? 'fixed' : 'known';
}

/**
 * Applies a baseline to a run's results: a failure at a declared expectation is `known`; a failure
 * anywhere else stays `failed`; a declared expectation that holds makes the scenario `fixed`
 * (listed in `stalePaths`). Returns the ids the baseline names that are no scenario at all.
 * @example applyBaseline(results, { known: [{ id: 'merge.put-creates', reason: '...' }] }, ids) // []
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
  const entry = baseline.known.find((k) => k.id === result.id);
  if (entry) applyEntry(result, entry);
}
