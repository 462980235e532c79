/** File reporters: JSON (schema in report.schema.json), JUnit XML for CI systems, Markdown for a job page. */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { show, skipReasonOf, skippedByReason, verdict, type RunReport } from '../engine/report.js';
import { specText } from '../engine/provenance.js';
import { SUITES } from '../../cases/scenario.js';
import { describeResult, groupsOf } from './console.js';
import { countBy } from './counts.js';
import { esc } from './html/page.js';
import { htmlReport } from './html/report-page.js';
import { statusColumns, statusInfo } from './statuses.js';

/**
 * The JSON report: `{target, startedAt, durationMs, summary, results: [{id, suite, title, evidence, status, failures}]}`.
 * @example JSON.parse(jsonReport(report)).summary.passed
 */
export function jsonReport(report: RunReport): string {
  return `${JSON.stringify(report, (_k, v) => (v instanceof Date ? v.toISOString() : v), 2)}\n`;
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/**
 * JUnit XML: a testsuite per suite, a testcase per scenario (named by its id).
 * @example junitReport(report).startsWith('<?xml') // true
 */
export function junitReport(report: RunReport): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lambda-eic-conformance" tests="${report.summary.total}" failures="${report.summary.failed + report.summary.fixed}" skipped="${report.summary.skipped + report.summary.known + report.summary['not-arranged'] + report.summary['not-run']}" time="${(report.durationMs / 1000).toFixed(3)}">`,
  ];
  if (report.incomplete) lines.push(`  <!-- INCOMPLETE (${xml(report.incomplete.reason)}): ${xml(report.incomplete.detail).replace(/--/g, '- -')} -->`);
  for (const suite of groupsOf(report)) {
    const results = report.results.filter((r) => r.suite === suite);
    if (results.length === 0) continue;
    const failures = results.filter((r) => r.status === 'failed' || r.status === 'fixed').length;
    const skipped = results.filter((r) => r.status === 'skipped' || r.status === 'known' || r.status === 'not-arranged' || r.status === 'not-run').length;
    lines.push(`  <testsuite name="${suite}" tests="${results.length}" failures="${failures}" skipped="${skipped}">`);
    for (const r of results) {
      lines.push(`    <testcase classname="${suite}" name="${xml(r.id)}" time="${(r.durationMs / 1000).toFixed(3)}">`);
      const detail = xml(describeResult(r).join('\n'));
      if (r.status === 'failed' || r.status === 'fixed') lines.push(`      <failure message="${xml(r.title)}">${detail}</failure>`);
      else if (r.status === 'known') lines.push(`      <skipped message="${xml(`known failure: ${r.knownReason ?? ''}`)}"/>`);
      else if (r.status === 'not-arranged') lines.push(`      <skipped message="${xml(`not arranged: ${r.notArranged ?? ''}`)}"/>`);
      else if (r.status === 'skipped') lines.push(`      <skipped message="${xml(skipReasonOf(r))}"/>`);
      else if (r.status === 'not-run') lines.push(`      <skipped message="${xml(`not run: the run stopped (${report.incomplete?.reason ?? 'incomplete'})`)}"/>`);
      else if (r.status === 'advisory') lines.push(`      <system-out>${detail}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/**
 * A Markdown summary for a CI job page.
 * @example markdownReport(report).startsWith('## ') // true
 */
export function markdownReport(report: RunReport): string {
  const s = report.summary;
  const p = report.provenance;
  const columns = statusColumns(report.results.map((r) => r.status)).filter((c) => c === 'passed' || c === 'failed' || report.results.some((r) => r.status === c));
  const counts = countBy(report.results, (r) => [r.suite], SUITES);
  const out = [
    `## lambda-eic conformance: ${{ PASS: '✅ PASS', FAIL: '❌ FAIL', INCOMPLETE: '⚠️ INCOMPLETE' }[verdict(report)]} against ${report.target}`,
    '',
    ...(report.incomplete ? [`**Incomplete (${report.incomplete.reason}):** ${report.incomplete.detail}; ${s['not-run']} scenarios not run.`, ''] : []),
    `${s.total} scenarios: ${columns.map((c) => `${report.results.filter((r) => r.status === c).length} ${statusInfo(c).label}`).join(', ')} (${(report.durationMs / 1000).toFixed(2)} s).`,
    ...(p ? ['', `${p.tool.name} ${p.tool.version}, suite ${p.suiteVersion}, spec ${p.specVersion}, Node ${p.node}; ${p.startedAt} to ${p.endedAt}.`] : []),
    '',
    `| suite | ${columns.map((c) => statusInfo(c).label).join(' | ')} |`,
    `|---|${columns.map(() => '---:|').join('')}`,
    ...counts.map((row) => `| ${row.key} | ${columns.map((c) => row.counts[c] ?? 0).join(' | ')} |`),
  ];
  const failing = report.results.filter((r) => r.status === 'failed' || r.status === 'fixed');
  if (failing.length > 0) {
    out.push('', '### Failures', '');
    for (const r of failing) {
      out.push(`<details><summary><code>${esc(r.id)}</code> ${esc(r.title)}</summary>`, '', `Source: ${esc(r.source)}`, '');
      for (const f of r.failures.filter((x) => !x.advisory))
        out.push(`- step ${f.step} \`${f.path}\` [${f.evidence}]${f.known ? ' (known)' : ''}: expected \`${show(f.expected)}\`, got \`${show(f.actual)}\``);
      for (const p of r.stalePaths ?? []) out.push(`- step ${p.step} \`${p.path}\`: declared failing in the baseline, holds now (stale)`);
      out.push('', '</details>');
    }
  }
  const notArranged = report.results.filter((r) => r.status === 'not-arranged');
  if (notArranged.length > 0) {
    out.push('', '### Not arranged', '', "The target could not build these scenarios' given state; nothing was checked (not a failure).", '');
    for (const r of notArranged) out.push(`- \`${r.id}\`: ${r.notArranged}`);
  }
  for (const group of skippedByReason(report.results)) out.push('', `### Skipped (not failing): ${group.reason}`, '', ...group.ids.map((id) => `- <code>${esc(id)}</code>`));
  return `${out.join('\n')}\n`;
}

const FILES: ReadonlyArray<readonly [kind: string, name: string, render: (r: RunReport) => string]> = [
  ['json', 'lambda-eic-report.json', jsonReport],
  ['junit', 'lambda-eic-junit.xml', junitReport],
  ['markdown', 'lambda-eic-summary.md', markdownReport],
  ['html', 'lambda-eic-report.html', (r) => htmlReport(r, { spec: specText() })],
];

/** The output directory cannot be used: a one-line reason (exit 2, before the run). */
export class OutputDirError extends Error {}

/**
 * Checks, before the run, that the file reports can be written: the directory is made if needed,
 * must be a directory, and a file can be created and renamed in it. Reports of these kinds left by
 * an earlier run are removed, so a run that dies cannot leave an older verdict looking current.
 * @example prepareOutputDir('reports', ['json']) // throws OutputDirError when 'reports' is a file
 */
export function prepareOutputDir(dir: string, kinds: readonly string[]): void {
  if (!FILES.some(([kind]) => kinds.includes(kind))) return;
  // /proc and /sys are not places for reports (writing there can block or mean something else).
  const absolute = resolve(dir);
  const system = /^\/(proc|sys|dev)(\/|$)/.exec(absolute);
  if (system) throw new OutputDirError(`--output-dir ${dir} is under /${system[1]}, not a place for reports`);
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    const probe = join(dir, `.lambda-eic-write-check-${process.pid}`);
    closeSync(openSync(probe, 'w'));
    renameSync(probe, `${probe}.renamed`);
    rmSync(`${probe}.renamed`);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new OutputDirError(`--output-dir ${dir} cannot be written (${reason}); choose a writable directory`);
  }
  for (const [kind, name] of FILES) if (kinds.includes(kind)) rmSync(join(dir, name), { force: true });
}

/** Writes a file whole or not at all: a temporary file in the same directory, then a rename. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/**
 * Writes the chosen file reports to a directory, each atomically; returns the paths written.
 * @example writeReports(report, ['json', 'junit'], 'reports') // ['reports/lambda-eic-report.json', ...]
 */
export function writeReports(report: RunReport, kinds: readonly string[], dir: string): string[] {
  const wanted = FILES.filter(([kind]) => kinds.includes(kind));
  if (wanted.length > 0) mkdirSync(dir, { recursive: true });
  return wanted.map(([, name, render]) => {
    const path = join(dir, name);
    writeAtomically(path, render(report));
    return path;
  });
}
