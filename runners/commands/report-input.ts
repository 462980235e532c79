/**
 * The shared front of the commands that read one report (`baseline`, `findings`):
 * `REPORT.json --target-name NAME`, the option declared once for both, and the report read with
 * one-line usage errors.
 */
import { readFileSync } from 'node:fs';
import type { OptionTable } from './model.js';
import { UsageError } from './usage.js';

/** The options every report-reading command has. */
export const REPORT_INPUT_OPTIONS = {
  'target-name': { type: 'string', value: 'NAME', description: 'the target\'s name and version, e.g. "moto 5.2.5" (required)' },
} as const satisfies OptionTable;

/** Where the report comes from, in the usage line. */
export const REPORT_POSITIONAL = { usage: 'REPORT.json', min: 0 } as const;

export interface ReportInput {
  readonly path: string;
  readonly name: string;
  readonly report: { readonly results: unknown[]; readonly summary?: unknown };
}

/**
 * Reads the report a command was given. Usage errors (no path, several, no name, unreadable
 * JSON, no results) throw, each one line.
 * @example const input = readReportInput('findings', { 'target-name': 'moto 5.2.5' }, ['reports/lambda-eic-report.json']);
 */
export function readReportInput(command: string, values: { readonly 'target-name'?: string | undefined }, positionals: readonly string[]): ReportInput {
  const [path, ...extra] = positionals;
  if (!path) throw new UsageError(`give the JSON report to read: lambda-eic ${command} <report.json> --target-name NAME`);
  if (extra.length > 0) throw new UsageError(`one report at a time, not ${positionals.length} (see --help)`);
  const name = values['target-name']?.trim();
  if (!name) throw new UsageError('--target-name NAME is required (e.g. --target-name "moto 5.2.5")');
  let report: { results?: unknown; summary?: unknown };
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the report ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(report?.results)) throw new UsageError(`${path} is not a lambda-eic report (no "results"); write one with run --reporter json or verify-pacts --report`);
  return { path, name, report: report as ReportInput['report'] };
}
