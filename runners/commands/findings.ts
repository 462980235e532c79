/** `lambda-eic findings`: the conformance page of a target (Markdown), from a JSON report. */
import type { RunReport } from '../engine/report.js';
import { findingsPage } from '../reporters/findings.js';
import { defineCommand, runSpec, type Values } from './model.js';
import { REPORT_INPUT_OPTIONS, REPORT_POSITIONAL, readReportInput } from './report-input.js';
import { UsageError } from './usage.js';

export const FINDINGS = defineCommand({
  name: 'findings',
  positionals: { ...REPORT_POSITIONAL, usage: 'REPORT.json > docs/conformance/<name>.md' },
  description: `Writes (Markdown on stdout) a target's divergences from AWS grouped by root cause, each with a
minimal reproduction runnable with the AWS CLI against the target's endpoint, the answer AWS
gives with its evidence tag, and what the target answered. The report comes from
'lambda-eic run --reporter json' (without a baseline or with one: both work).`,
  options: REPORT_INPUT_OPTIONS,
  notes: 'Exit codes: 0 written; 2 usage error or a report that cannot be read.',
  run: async (values, positionals) => findingsWith(values, positionals),
});

/**
 * Runs `lambda-eic findings` and returns its exit code.
 * @example await findingsCommand(['reports/lambda-eic-report.json', '--target-name', 'moto 5.2.5'])
 */
export const findingsCommand = (argv: string[]): Promise<number> => runSpec(FINDINGS, argv);

function findingsWith(values: Values<typeof REPORT_INPUT_OPTIONS>, positionals: string[]): number {
  const input = readReportInput('findings', values, positionals);
  const report = input.report as unknown as RunReport;
  if (!report.summary) throw new UsageError(`${input.path} is not a run report; write one with lambda-eic run --reporter json`);
  process.stdout.write(findingsPage(report, input.name));
  return 0;
}
