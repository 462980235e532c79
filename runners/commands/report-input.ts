/** The shared front of commands that read a report: `<report.json> --target-name NAME [options]`. */
import { readFileSync } from 'node:fs';
import { UsageError, parseOptions } from './usage.js';

type Options = Parameters<typeof parseOptions>[1];

export interface ReportInput {
  readonly path: string;
  readonly name: string;
  readonly opts: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly report: { readonly results: unknown[]; readonly summary?: unknown };
}

/**
 * Parses `<report.json> --target-name NAME` plus a command's own options and reads the report;
 * undefined after --help. Usage errors (no path, no name, unreadable JSON, no results) throw.
 * @example const input = reportInput('findings', argv, {}, HELP); input?.report.results.length
 */
export function reportInput(command: string, argv: string[], options: Options, help: string): ReportInput | undefined {
  const path = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
  const opts = parseOptions(path === undefined ? argv : argv.slice(1), { ...options, 'target-name': { type: 'string' } }, help);
  if (!opts) return undefined;
  if (!path) throw new UsageError(`give the JSON report to read: lambda-eic ${command} <report.json> --target-name NAME`);
  const name = (opts as { 'target-name'?: string })['target-name']?.trim();
  if (!name) throw new UsageError('--target-name NAME is required (e.g. --target-name "moto 5.2.5")');
  let report: { results?: unknown; summary?: unknown };
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the report ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(report?.results)) throw new UsageError(`${path} is not a lambda-eic report (no "results"); write one with run --reporter json or verify-pacts --report`);
  return { path, name, opts: opts as ReportInput['opts'], report: report as ReportInput['report'] };
}
