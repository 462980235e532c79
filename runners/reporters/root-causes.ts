/**
 * Failures grouped by root cause: scenarios whose first failing expectation is the same symptom
 * (the same operation, path, expected and actual value once run-unique names, accounts and ids are
 * normalised) most likely fail for one reason in the target, so an emulator author fixes a group,
 * not a scenario at a time. Used by the matrix and the per-emulator pages.
 */
import { show } from '../engine/report.js';
import type { Failure, ScenarioResult } from '../engine/run.js';

export interface RootCause {
  /** The operation of the failing step (`arrange` when the given state could not be made). */
  readonly operation: string;
  readonly path: string;
  readonly expected: string;
  readonly actual: string;
  /** One line for people: `UpdateFunctionEventInvokeConfig status: expected 404, got 200`. */
  readonly summary: string;
  readonly scenarios: ReadonlyArray<Pick<ScenarioResult, 'id' | 'suite' | 'title' | 'status'>>;
}

/**
 * Replaces what differs from run to run (function names, accounts, request ids, timestamps) with
 * placeholders, and list indexes in paths with `*`.
 * @example normalise('arn:aws:lambda:us-east-1:123456789012:function:eic-1a2b3c-7:1') // 'arn:aws:lambda:us-east-1:<account>:function:<fn>:1'
 */
export function normalise(text: string): string {
  return text
    .replace(/eic-[0-9a-f]{6}-\d+-b\b/g, '<fn2>')
    .replace(/eic-[0-9a-f]{6}-\d+\b/g, '<fn>')
    .replace(/\b\d{12}\b/g, '<account>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})/g, '<time>')
    .replace(/\b1[6-9]\d{8}(\.\d+)?\b/g, '<epoch>');
}

const pathKey = (path: string) => path.replace(/\.\d+(?=\.|$)/g, '.*');

const operationOf = (f: Failure): string => {
  if (f.step === 0) return 'arrange';
  const r = f.request as { operation?: string; raw?: { method: string; path: string } } | undefined;
  return r?.operation ?? (r?.raw ? `raw ${r.raw.method}` : 'unknown');
};

/** Whether a result counts as failing for the grouping: failed, or known (failing, but listed). */
const failing = (r: Pick<ScenarioResult, 'status'>) => r.status === 'failed' || r.status === 'known';

/**
 * Groups the failing (and known) scenarios by their first non-advisory failure, largest group first.
 * @example groupRootCauses(report.results)[0].summary // 'GetFunctionEventInvokeConfig error.code: expected "ResourceNotFoundException", got "ValidationException"'
 */
export function groupRootCauses(results: readonly ScenarioResult[]): RootCause[] {
  const groups = new Map<string, { cause: Omit<RootCause, 'scenarios'>; scenarios: RootCause['scenarios'][number][] }>();
  for (const r of results.filter(failing)) {
    const first = r.failures.find((f) => !f.advisory);
    if (!first) continue;
    const operation = operationOf(first);
    const path = pathKey(first.path);
    const expected = normalise(show(first.expected));
    const actual = normalise(show(first.actual));
    const key = JSON.stringify([operation, path, expected, actual]);
    const group = groups.get(key) ?? { cause: { operation, path, expected, actual, summary: `${operation} ${path}: expected ${expected}, got ${actual}` }, scenarios: [] };
    group.scenarios.push({ id: r.id, suite: r.suite, title: r.title, status: r.status });
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ ...g.cause, scenarios: g.scenarios })).sort((a, b) => b.scenarios.length - a.scenarios.length || a.summary.localeCompare(b.summary));
}
