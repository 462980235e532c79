/** Counting results by a key (suite, operation, target) and status, for the tables of every reporter. */
import type { ScenarioResult } from '../engine/run.js';

export interface CountRow {
  readonly key: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly total: number;
}

/**
 * One row per key, in the order the keys are first met (or `order` first); a result with several
 * keys (a scenario calling several operations) counts under each.
 * @example countBy(results, (r) => [r.suite])[0] // { key: 'merge', counts: { passed: 12 }, total: 12 }
 */
export function countBy<R extends { readonly status: string }>(results: readonly R[], keysOf: (r: R) => readonly string[], order: readonly string[] = []): CountRow[] {
  const rows = new Map<string, Record<string, number>>(order.map((k) => [k, {}]));
  for (const r of results) {
    for (const key of keysOf(r)) {
      const counts = rows.get(key) ?? {};
      counts[r.status] = (counts[r.status] ?? 0) + 1;
      rows.set(key, counts);
    }
  }
  return [...rows].filter(([, c]) => Object.keys(c).length > 0).map(([key, counts]) => ({ key, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }));
}

/** The operations of a result; reports before 0.2 do not carry them. */
export const operationsOfResult = (r: Pick<ScenarioResult, 'operations'>): readonly string[] => (r.operations && r.operations.length > 0 ? r.operations : ['(not recorded)']);
