/**
 * `--reporter github`: for GitHub Actions. The Markdown summary is appended to the file named by
 * $GITHUB_STEP_SUMMARY (the job's summary page), and each failing scenario becomes one workflow
 * annotation (`::error title=...::message`) on standard output. Exit codes do not change.
 */
import { appendFileSync } from 'node:fs';
import { show, type RunReport } from '../engine/report.js';
import type { ScenarioResult } from '../engine/run.js';
import { markdownReport } from './files.js';

/** Escapes the message of a workflow command (GitHub's own rules). */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes a property of a workflow command (`title=`). */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const failing = (r: ScenarioResult) => r.status === 'failed' || r.status === 'fixed';

/**
 * One `::error` line for a failing (or stale known) scenario.
 * @example annotation(result) // '::error title=lambda-eic merge.update-merges::status: expected 200, got 404 [recorded]%0A...'
 */
export function annotation(r: ScenarioResult): string {
  const lines =
    r.status === 'fixed'
      ? [`listed in the baseline as failing (${r.knownReason ?? ''}) but it now passes: remove it from the baseline`]
      : r.failures.filter((f) => !f.advisory).map((f) => `step ${f.step} ${f.path} [${f.evidence}]: expected ${show(f.expected)}, got ${show(f.actual)}`);
  return `::error title=${escapeProperty(`lambda-eic ${r.id}`)}::${escapeData([`${r.title} (source: ${r.source})`, ...lines].join('\n'))}`;
}

/**
 * Writes the summary (when $GITHUB_STEP_SUMMARY is set) and prints the annotations; returns what
 * it did, for the run's closing lines.
 * @example githubReport(report, process.env, (line) => console.log(line)) // { summary: '/tmp/summary.md', annotations: 3 }
 */
export function githubReport(report: RunReport, env: NodeJS.ProcessEnv, print: (line: string) => void): { summary?: string; annotations: number } {
  const lines = report.results.filter(failing).map(annotation);
  for (const id of report.staleBaselineIds) lines.push(`::error title=${escapeProperty('lambda-eic baseline')}::${escapeData(`the baseline names '${id}', which is no scenario: remove it`)}`);
  for (const line of lines) print(line);
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, `${markdownReport(report)}\n`);
  return { ...(file ? { summary: file } : {}), annotations: lines.length };
}
