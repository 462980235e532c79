/**
 * Failures grouped by root cause: scenarios whose first failing expectation is the same symptom
 * (the same operation, path, expected and actual value once run-unique names, accounts and ids are
 * normalised) most likely fail for one reason in the target, so an emulator author fixes a group,
 * not a scenario at a time. Used by the matrix and the per-emulator pages.
 */
import { show } from '../engine/report.js';
import type { Failure, ScenarioResult } from '../engine/run.js';

export interface RootCause {
  /** The operations of the failing steps (`arrange` when the given state could not be made). */
  readonly operations: readonly string[];
  /** The member that differs: `status`, `error.message`, `FunctionArn` (output and wire body are one member). */
  readonly path: string;
  /** The difference, values normalised: an example of the expected value, and what came instead. */
  readonly expected: string;
  readonly actual: string;
  /** One line for people: `status: expected 400, got 200 (PutFunctionEventInvokeConfig, ListFunctionEventInvokeConfigs)`. */
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

/** The member a path names: list indexes as `*`, and `output.X` and `wire.body.X` as `X`. */
const memberOf = (path: string) => path.replace(/\.\d+(?=\.|$)/g, '.*').replace(/^(output|wire\.body)\./, '');

const operationOf = (f: Failure): string => {
  if (f.step === 0) return 'arrange';
  const r = f.request as { operation?: string; raw?: { method: string; path: string } } | undefined;
  return r?.operation ?? (r?.raw ? `raw ${r.raw.method}` : 'unknown');
};

/**
 * What a difference is, independent of the scenario: a missing member is missing whatever value was
 * expected; an actual string that is the expected one cut short lacks that suffix (an unqualified ARN).
 */
function difference(f: Failure): { key: string; expected: string; actual: string } {
  const expected = normalise(show(f.expected));
  if (f.actual === undefined) return { key: 'absent', expected, actual: '(absent)' };
  if (typeof f.expected === 'string' && typeof f.actual === 'string' && f.actual.length > 0 && f.expected.startsWith(f.actual)) {
    const suffix = normalise(f.expected.slice(f.actual.length));
    return { key: `without ${suffix}`, expected, actual: `the same without ${JSON.stringify(suffix)}` };
  }
  const actual = normalise(show(f.actual));
  return { key: `${expected} -> ${actual}`, expected, actual };
}

/** Whether a result counts as failing for the grouping: failed, or known (failing, but listed). */
const failing = (r: Pick<ScenarioResult, 'status'>) => r.status === 'failed' || r.status === 'known';

/**
 * Groups the failing (and known) scenarios by their first non-advisory failure (the member that
 * differs and how), across operations, largest group first.
 * @example groupRootCauses(report.results)[0].summary // 'status: expected 400, got 200 (PutFunctionEventInvokeConfig)'
 */
export function groupRootCauses(results: readonly ScenarioResult[]): RootCause[] {
  const groups = new Map<string, { path: string; expected: string; actual: string; operations: Set<string>; scenarios: RootCause['scenarios'][number][] }>();
  for (const r of results.filter(failing)) {
    const first = r.failures.find((f) => !f.advisory);
    if (!first) continue;
    const path = memberOf(first.path);
    const diff = difference(first);
    const key = JSON.stringify([path, diff.key]);
    const group = groups.get(key) ?? { path, expected: diff.expected, actual: diff.actual, operations: new Set<string>(), scenarios: [] };
    group.operations.add(operationOf(first));
    group.scenarios.push({ id: r.id, suite: r.suite, title: r.title, status: r.status });
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => {
      const operations = [...g.operations];
      const example = g.scenarios.length > 1 && g.actual === '(absent)' ? `e.g. ${g.expected}` : g.expected;
      return { path: g.path, expected: example, actual: g.actual, operations, summary: `${g.path}: expected ${example}, got ${g.actual} (${operations.join(', ')})`, scenarios: g.scenarios };
    })
    .sort((a, b) => b.scenarios.length - a.scenarios.length || a.summary.localeCompare(b.summary));
}
