/** `lambda-eic findings`: the conformance page of a target (Markdown), from a JSON report. */
import { readFileSync } from 'node:fs';
import type { RunReport } from '../engine/report.js';
import { findingsPage } from '../reporters/findings.js';
import { UsageError, parseOptions } from './usage.js';

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
  const path = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
  const opts = parseOptions(path === undefined ? argv : argv.slice(1), { 'target-name': { type: 'string' } }, HELP);
  if (!opts) return 0;
  if (!path) throw new UsageError('give the JSON report to read: lambda-eic findings <report.json> --target-name NAME');
  const name = opts['target-name']?.trim();
  if (!name) throw new UsageError('--target-name NAME is required (e.g. --target-name "LocalStack 4.14.0")');
  let report: RunReport;
  try {
    report = JSON.parse(readFileSync(path, 'utf8')) as RunReport;
  } catch (error) {
    throw new UsageError(`cannot read the report ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(report?.results) || !report.summary) throw new UsageError(`${path} is not a lambda-eic run report; write one with --reporter json`);
  process.stdout.write(findingsPage(report, name));
  return 0;
}
