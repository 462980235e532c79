/** Console reporter: progress while the run goes, then a summary by suite, then each failure. */
import type { RunReport } from '../engine/report.js';
import { show, skippedByReason, verdict } from '../engine/report.js';
import { RESULT_GROUPS, type ScenarioResult } from '../engine/run.js';
import { paint, type Paint } from './colour.js';

/** The groups a report shows: every suite, and fuzz when the report has fuzz results. */
export const groupsOf = (report: RunReport) => RESULT_GROUPS.filter((g) => g !== 'fuzz' || report.results.some((r) => r.suite === 'fuzz'));

const MARK: Record<ScenarioResult['status'], string> = { passed: '.', failed: 'F', advisory: 'a', skipped: 's', known: 'k', fixed: '!', 'not-arranged': 'n', 'not-run': '-' };
const WIDTH = 60;

/**
 * A progress printer: one mark per finished scenario, a counter at the end of each line.
 * @example const progress = consoleProgress(process.stdout); progress(result, 1, 134);
 */
export function consoleProgress(out: NodeJS.WritableStream) {
  let line = '';
  return (result: ScenarioResult, done: number, total: number) => {
    line += MARK[result.status];
    out.write(MARK[result.status]);
    if (line.length === WIDTH || done === total) {
      out.write(`${' '.repeat(WIDTH - line.length)}  ${String(done).padStart(String(total).length)}/${total}\n`);
      line = '';
    }
  };
}

function table(report: RunReport): string[] {
  const cols = ['passed', 'failed', 'advisory', 'known', 'fixed', 'skipped', 'not-arranged', ...(report.incomplete ? (['not-run'] as const) : [])] as const;
  const rows = groupsOf(report).map((suite) => {
    const of = report.results.filter((r) => r.suite === suite);
    return [suite, ...cols.map((c) => String(of.filter((r) => r.status === c).length))];
  });
  rows.push(['total', ...cols.map((c) => String(report.results.filter((r) => r.status === c).length))]);
  const header = ['suite', ...cols];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [fmt(header), ...rows.map(fmt)];
}

/** A step's request in one line: `Operation {input}` or `RAW METHOD /path body`. */
function describeRequest(request: unknown): string {
  const r = request as { operation?: string; input?: unknown; raw?: { method: string; path: string; body?: string } } | undefined;
  if (r?.raw) return `RAW ${r.raw.method} ${r.raw.path}${r.raw.body ? ` ${r.raw.body}` : ''}`;
  return `${r?.operation ?? '?'} ${show(r?.input)}`;
}

/** The failures of one scenario, as a block a reader can act on without the code. */
export function describeResult(r: ScenarioResult): string[] {
  const lines = [`${r.status === 'advisory' ? '~' : '✗'} ${r.id}  [${r.evidence.join('][')}]  ${r.title}`, `  source: ${r.source}`];
  if (r.status === 'not-arranged') lines.push(`  not arranged: ${r.notArranged}`);
  if (r.status === 'fixed' && !r.stalePaths) lines.push(`  listed in the baseline as failing (${r.knownReason}) but it now passes: remove it from the baseline`);
  for (const p of r.stalePaths ?? []) lines.push(`  the baseline declares step ${p.step} ${p.path} failing, but it holds now: remove it from the baseline`);
  let lastStep = -1;
  for (const f of r.failures) {
    if (f.step !== lastStep) {
      lines.push(f.step === 0 ? '  arrange:' : `  step ${f.step}: ${describeRequest(f.request)}`);
      lastStep = f.step;
    }
    const tag = f.advisory ? ' (advisory)' : f.known ? ' (known: baseline)' : r.knownReason !== undefined ? ' (NEW: not in the baseline)' : '';
    lines.push(`    at ${f.path}  [${f.evidence}]${tag}`, `      expected: ${show(f.expected)}`, `      actual:   ${show(f.actual)}`);
    if (f.note) lines.push(`      note:     ${f.note}`);
  }
  if (r.sequence) lines.push('  shrunk sequence:', ...r.sequence.split('\n').map((l) => `    ${l}`));
  if (r.scenario) lines.push('  as a scenario (paste into a suite file; builders from suites/dsl.ts):', ...r.scenario.split('\n').map((l) => `  ${l}`));
  return lines;
}

/**
 * The closing part of the console report.
 * @example console.log(consoleSummary(report));
 */
export function consoleSummary(report: RunReport, colour: Paint = paint({ isTTY: false })): string {
  const out = ['', `Summary by suite (${report.target})`, ...table(report)];
  const failing = report.results.filter((r) => r.status === 'failed' || r.status === 'fixed');
  const advisory = report.results.filter((r) => r.status === 'advisory' || (r.status !== 'failed' && r.failures.some((f) => f.advisory)));
  const known = report.results.filter((r) => r.status === 'known');
  const notArranged = report.results.filter((r) => r.status === 'not-arranged');
  if (notArranged.length > 0) out.push('', 'Not arranged (the target could not build the given state; nothing was checked, not a failure)', ...notArranged.map((r) => `  n ${r.id}: ${r.notArranged}`));
  if (failing.length > 0) out.push('', colour.red('Failures'), ...failing.flatMap((r) => [...describeResult(r), '']));
  if (advisory.length > 0) out.push('', 'Advisory ([inferred] expectations: reported, not failing)', ...advisory.flatMap((r) => [...describeResult(r), '']));
  if (known.length > 0) out.push('', 'Known failures (baseline)', ...known.map((r) => `  k ${r.id}: ${r.knownReason}`));
  for (const group of skippedByReason(report.results))
    out.push('', `Skipped (not failing): ${group.ids.length} scenario${group.ids.length === 1 ? '' : 's'}: ${group.reason}`, ...group.ids.map((id) => `  s ${id}`));
  for (const id of report.staleBaselineIds) out.push(`  ! baseline names '${id}', which is no scenario: remove it`);
  const s = report.summary;
  if (report.incomplete) out.push('', `Incomplete (${report.incomplete.reason}): ${report.incomplete.detail}; ${s['not-run']} scenarios not run`);
  for (const left of report.leftovers ?? []) out.push(`  may be left on the target: ${left}`);
  out.push(
    '',
    `${{ PASS: colour.green(colour.bold('PASS')), FAIL: colour.red(colour.bold('FAIL')), INCOMPLETE: colour.red(colour.bold('INCOMPLETE')) }[verdict(report)]}: ${s.total} scenarios, ${s.passed} passed, ${s.failed} failed, ${s.advisory} advisory, ${s.known} known, ${s.fixed} fixed, ${s.skipped} skipped, ${s['not-arranged']} not arranged${s['not-run'] > 0 ? `, ${s['not-run']} not run` : ''} in ${(report.durationMs / 1000).toFixed(2)} s`,
  );
  return out.join('\n');
}
