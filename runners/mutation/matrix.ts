/**
 * The suite's own strength: every quirk (a realistic emulator bug breaking one rule of
 * aws-behaviour.md) against `run`, `verify-pacts` and a bounded `fuzz`, recording which catches
 * it. The share caught is each one's mutation score; quirks breaking an [inferred] rule do not count.
 */
import { QUIRK_NAMES, QUIRKS, type QuirkName } from '../../src/quirks/catalogue.js';
import type { Evidence } from '../../src/spec/errors.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { runScenarios } from '../engine/run.js';
import { fuzz } from '../fuzz/fuzz.js';
import { inProcessTarget } from '../targets/in-process.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';

export interface Caught {
  readonly caught: boolean;
  /** What caught it: scenario ids, interaction names, or the fuzz finding's signature. */
  readonly by: readonly string[];
}

export interface MatrixRow {
  readonly quirk: QuirkName;
  readonly description: string;
  readonly rule: string;
  readonly evidence: Evidence;
  /** Absent when the matrix ran without `run` (`run: false`). */
  readonly run?: Caught;
  readonly pacts?: Caught;
  readonly fuzz?: Caught & { readonly steps?: number; readonly shrunkFrom?: number; readonly sequences: number };
}

export interface MatrixOptions {
  readonly quirks?: readonly QuirkName[];
  /** Runs the whole suite against each quirk (default true; false to measure the others alone). */
  readonly run?: boolean;
  /** Verifies the contracts against each quirk too (loads Pact; a few seconds per quirk). */
  readonly pacts?: (quirk: QuirkName) => Promise<Caught>;
  /** A bounded fuzz per quirk (fixed seed). */
  readonly fuzz?: { readonly seed: number; readonly runs: number; readonly timeBudgetMs: number; readonly maxSteps: number } | false;
  readonly onRow?: (row: MatrixRow, done: number, total: number) => void;
}

const target = (quirk: QuirkName) => inProcessTarget({ region: 'us-east-1', runPrefix: 'mm', emulator: quirkyEmulator([quirk]) });

async function byRun(quirk: QuirkName): Promise<Caught> {
  const t = await target(quirk);
  try {
    const results = await runScenarios(t, await t.connect(), ALL_SCENARIOS, { runPrefix: 'mm', concurrency: 8 });
    const failed = results.filter((r) => r.status === 'failed').map((r) => r.id);
    return { caught: failed.length > 0, by: failed };
  } finally {
    await t.dispose();
  }
}

async function byFuzz(quirk: QuirkName, options: NonNullable<Exclude<MatrixOptions['fuzz'], false>>): Promise<NonNullable<MatrixRow['fuzz']>> {
  const t = await target(quirk);
  try {
    const result = await fuzz(t, await t.connect(), { ...options, runPrefix: 'mf', maxFindings: 1 });
    const finding = result.findings[0];
    return finding
      ? { caught: true, by: finding.signatures, steps: finding.steps.length, shrunkFrom: finding.originalLength, sequences: result.sequences }
      : { caught: false, by: [], sequences: result.sequences };
  } finally {
    await t.dispose();
  }
}

/**
 * Runs the matrix.
 * @example const rows = await mutationMatrix({ fuzz: { seed: 1, runs: 300, timeBudgetMs: 10_000, maxSteps: 20 } });
 */
export async function mutationMatrix(options: MatrixOptions = {}): Promise<MatrixRow[]> {
  const quirks = options.quirks ?? QUIRK_NAMES;
  const rows: MatrixRow[] = [];
  for (const quirk of quirks) {
    const q = QUIRKS[quirk] as (typeof QUIRKS)[QuirkName] & { breaks?: { rule: string; evidence: Evidence } };
    const row: MatrixRow = {
      quirk,
      description: q.description,
      rule: q.breaks?.rule ?? '(no rule named)',
      evidence: q.breaks?.evidence ?? 'inferred',
      ...(options.run === false ? {} : { run: await byRun(quirk) }),
      ...(options.pacts ? { pacts: await options.pacts(quirk) } : {}),
      ...(options.fuzz ? { fuzz: await byFuzz(quirk, options.fuzz) } : {}),
    };
    rows.push(row);
    options.onRow?.(row, rows.length, quirks.length);
  }
  return rows;
}

export interface Score {
  readonly caught: number;
  readonly total: number;
  readonly percent: number;
  readonly missed: readonly QuirkName[];
}

/**
 * The mutation score of each checker over the quirks that break a [docs], [model] or [recorded] rule.
 * @example mutationScores(rows).run?.percent // 100
 */
export function mutationScores(rows: readonly MatrixRow[]): { run?: Score; pacts?: Score; fuzz?: Score } {
  const counted = rows.filter((r) => r.evidence !== 'inferred');
  const score = (pick: (r: MatrixRow) => Caught | undefined): Score => {
    const caught = counted.filter((r) => pick(r)?.caught);
    return {
      caught: caught.length,
      total: counted.length,
      percent: Math.round((1000 * caught.length) / Math.max(1, counted.length)) / 10,
      missed: counted.filter((r) => !pick(r)?.caught).map((r) => r.quirk),
    };
  };
  return {
    ...(rows.some((r) => r.run) ? { run: score((r) => r.run) } : {}),
    ...(rows.some((r) => r.pacts) ? { pacts: score((r) => r.pacts) } : {}),
    ...(rows.some((r) => r.fuzz) ? { fuzz: score((r) => r.fuzz) } : {}),
  };
}

/**
 * The matrix as Markdown: one row per quirk, a mark per checker, then the scores.
 * @example console.log(matrixMarkdown(rows));
 */
export function matrixMarkdown(rows: readonly MatrixRow[]): string {
  const mark = (c: Caught | undefined) => (c === undefined ? 'n/a' : c.caught ? 'caught' : '**missed**');
  const scores = mutationScores(rows);
  const line = (name: string, s: Score | undefined) => (s ? `- \`${name}\`: **${s.percent}%** (${s.caught} of ${s.total})${s.missed.length > 0 ? `; missed: ${s.missed.join(', ')}` : ''}` : '');
  return [
    '| quirk | rule broken | evidence | run | verify-pacts | fuzz (shrunk steps) |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) => `| \`${r.quirk}\` | ${r.rule} | [${r.evidence}] | ${mark(r.run)} | ${mark(r.pacts)} | ${mark(r.fuzz)}${r.fuzz?.steps !== undefined ? ` (${r.fuzz.steps} of ${r.fuzz.shrunkFrom})` : ''} |`,
    ),
    '',
    `Mutation scores over ${rows.filter((r) => r.evidence !== 'inferred').length} quirks breaking a [docs], [model] or [recorded] rule:`,
    line('run', scores.run),
    line('verify-pacts', scores.pacts),
    line('fuzz', scores.fuzz),
  ]
    .filter((l) => l !== '')
    .join('\n');
}
