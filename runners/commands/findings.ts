/** `lambda-eic findings`: the conformance page of a target (Markdown), from a JSON report. */
import type { RunReport } from '../engine/report.js';
import { findingsPage } from '../reporters/findings.js';
import { reportInput } from './report-input.js';
import { UsageError } from './usage.js';

const HELP = `Usage: lambda-eic findings <report.json> --target-name NAME > docs/conformance/<name>.md

Writes (Markdown on stdout) a target's divergences from AWS grouped by root cause, each with a
minimal reproduction runnable with the AWS CLI against the target's endpoint, the answer AWS
gives with its evidence tag, and what the target answered. The report comes from
'lambda-eic run --reporter json' (without a baseline or with one: both work).

Options:
  --target-name NAME  the target's name and version, e.g. "LocalStack 4.14.0"`;

/**
 * Runs `lambda-eic findings` and returns its exit code.
 * @example await findingsCommand(['reports/lambda-eic-report.json', '--target-name', 'moto 5.2.5'])
 */
export async function findingsCommand(argv: string[]): Promise<number> {
  const input = reportInput('findings', argv, {}, HELP);
  if (!input) return 0;
  const report = input.report as unknown as RunReport;
  if (!report.summary) throw new UsageError(`${input.path} is not a run report; write one with lambda-eic run --reporter json`);
  process.stdout.write(findingsPage(report, input.name));
  return 0;
}
