/**
 * The matrix: several run reports side by side. Rows are scenarios grouped by suite, columns are
 * targets, cells are statuses with the failing paths; a score and the root causes per target.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SUITES } from '../../../cases/scenario.js';
import type { RunReport } from '../../engine/report.js';
import type { ScenarioResult } from '../../engine/run.js';
import { groupRootCauses, type RootCause } from '../root-causes.js';

/** A report file that cannot be read as a run report: a one-line reason. */
export class MatrixInputError extends Error {}

export interface MatrixColumn {
  readonly label: string;
  readonly file: string;
  readonly report: RunReport;
  readonly counts: Readonly<Record<string, number>>;
  /** passed + advisory: every [docs], [model] and [recorded] expectation held. */
  readonly conforming: number;
  readonly total: number;
  readonly rootCauses: readonly RootCause[];
}

export interface MatrixCell {
  readonly status: string;
  /** The non-advisory failing paths, each once. */
  readonly paths: readonly string[];
  readonly knownReason?: string;
}

export interface MatrixRow {
  readonly id: string;
  readonly suite: string;
  readonly title: string;
  /** One per column; undefined where that report has no such scenario. */
  readonly cells: ReadonlyArray<MatrixCell | undefined>;
}

export interface Matrix {
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly MatrixRow[];
  /** Differences between the reports a reader must know (suite versions differ, ...). */
  readonly notes: readonly string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const isResult = (r: unknown): r is ScenarioResult =>
  isObject(r) && ['id', 'suite', 'title', 'status'].every((k) => typeof r[k] === 'string') && Array.isArray(r.failures) && r.failures.every((f) => isObject(f) && typeof f.path === 'string');

/**
 * Reads and checks one report file (the `--reporter json` output).
 * @example readReport('reports/lambda-eic-report.json').results.length // 137
 */
export function readReport(file: string): RunReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new MatrixInputError(e.code === 'ENOENT' ? `${file}: no such file` : e.code ? `${file}: ${e.message}` : `${file}: not JSON (${e.message.split('\n')[0]})`);
  }
  const report = data as RunReport;
  if (!isObject(report) || typeof report.target !== 'string' || !Array.isArray(report.results))
    throw new MatrixInputError(`${file}: not a lambda-eic run report (write one with: lambda-eic run --reporter json)`);
  const bad = report.results.findIndex((r) => !isResult(r));
  if (bad >= 0) throw new MatrixInputError(`${file}: result ${bad + 1} is not a scenario result (id, suite, title, status, failures with paths)`);
  return report;
}

/**
 * Lines up reports: column labels are the reports' targets (the file name is added where two are equal).
 * @example buildMatrix([{ file: 'a.json', report: a }, { file: 'b.json', report: b }]).rows.length
 */
export function buildMatrix(inputs: ReadonlyArray<{ file: string; report: RunReport }>): Matrix {
  const labels = inputs.map((i) => i.report.target);
  const columns = inputs.map(({ file, report }, n): MatrixColumn => {
    const counts: Record<string, number> = {};
    for (const r of report.results) counts[r.status] = (counts[r.status] ?? 0) + 1;
    const label = labels.filter((l) => l === report.target).length > 1 ? `${report.target} (${basename(file)})` : report.target;
    return {
      label: label === '' ? `report ${n + 1}` : label,
      file,
      report,
      counts,
      conforming: (counts.passed ?? 0) + (counts.advisory ?? 0),
      total: report.results.length,
      rootCauses: groupRootCauses(report.results),
    };
  });
  const seen = new Map<string, Pick<ScenarioResult, 'id' | 'suite' | 'title'>>();
  for (const { report } of inputs) for (const r of report.results) if (!seen.has(r.id)) seen.set(r.id, r);
  const suiteRank = (s: string) => ((SUITES as readonly string[]).includes(s) ? (SUITES as readonly string[]).indexOf(s) : SUITES.length);
  const order = [...seen.values()].map((r, i) => ({ r, i })).sort((a, b) => suiteRank(a.r.suite) - suiteRank(b.r.suite) || a.r.suite.localeCompare(b.r.suite) || a.i - b.i);
  const byId = inputs.map(({ report }) => new Map(report.results.map((r) => [r.id, r])));
  const rows = order.map(
    ({ r }): MatrixRow => ({
      id: r.id,
      suite: r.suite,
      title: r.title,
      cells: byId.map((m) => {
        const x = m.get(r.id);
        if (!x) return undefined;
        const paths = [...new Set(x.failures.filter((f) => !f.advisory).map((f) => f.path))];
        return { status: x.status, paths, ...(x.knownReason ? { knownReason: x.knownReason } : {}) };
      }),
    }),
  );
  const notes: string[] = [];
  const versions = new Set(inputs.map((i) => i.report.provenance?.suiteVersion ?? 'unrecorded'));
  if (versions.size > 1) notes.push(`The reports come from different suite versions (${[...versions].join(', ')}): a scenario may not check the same thing in every column.`);
  const missing = rows.filter((r) => r.cells.some((c) => c === undefined)).length;
  if (missing > 0) notes.push(`${missing} scenarios are missing from some reports (a --suite or --grep run, or another suite version): their cells are empty.`);
  return { columns, rows, notes };
}
