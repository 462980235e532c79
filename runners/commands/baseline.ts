/** `lambda-eic baseline`: write a baseline from a JSON report, one entry per failing scenario with its failing expectations. */
import type { KnownScenario, Baseline } from '../engine/baseline.js';
import type { RunReport } from '../engine/report.js';
import { interactionId } from '../pact/baseline.js';
import { causesOf, normalize } from '../reporters/divergence-causes.js';
import { defineCommand, runSpec, type OptionTable, type Values } from './model.js';
import { REPORT_INPUT_OPTIONS, REPORT_POSITIONAL, readReportInput } from './report-input.js';

const BASELINE_OPTIONS = {
  ...REPORT_INPUT_OPTIONS,
  'target-name': { ...REPORT_INPUT_OPTIONS['target-name'], description: 'what the baseline is for, e.g. "moto 5.2.5" (written as "target" and used\nin the reasons; required)' },
  'whole-scenarios': { type: 'boolean', description: 'name scenarios only, without their expectations (coarser: a new failure\ninside a known scenario goes unnoticed)' },
} as const satisfies OptionTable;

export const BASELINE = defineCommand({
  name: 'baseline',
  positionals: { ...REPORT_POSITIONAL, usage: 'REPORT.json > baselines/<name>.json' },
  description: `Writes a baseline (JSON on stdout) from a report of 'lambda-eic run --reporter json' or of
'lambda-eic verify-pacts --report FILE' (then one entry per failing interaction, with the
mismatches as its reason). For a run: one entry per failing (or known) scenario, naming each
failing expectation (step and path) with a reason built from what the target answered, grouped by
root cause. Run with that baseline, a failure at any other expectation fails the run, and so does
a declared expectation that holds again.`,
  options: BASELINE_OPTIONS,
  notes: `Schema: baselines/baseline.schema.json (in the package: lambda-eic-conformance/baseline.schema.json).
Exit codes: 0 written; 2 usage error or a report that cannot be read.`,
  run: async (values, positionals) => baselineWith(values, positionals),
});

/**
 * The baseline for a report: the failing expectations of every failing scenario, with reasons.
 * @example baselineOf(report, 'moto 5.2.5').known[0] // { id, reason, expectations: [{ step, path, reason }] }
 */
export function baselineOf(report: RunReport, targetName: string, wholeScenarios = false): Baseline {
  const known: KnownScenario[] = [];
  for (const result of report.results) {
    if (result.status !== 'failed' && result.status !== 'known') continue;
    const causes = causesOf(result);
    if (causes.length === 0) continue;
    const reasons = [...new Set(causes.map((c) => normalize(`${c.verdict.does} (${c.verdict.aws})`)))];
    const reason = `${targetName} ${reasons.join('; ')}`;
    const expectations = causes.map(({ failure, verdict }) => ({ step: failure.step, path: failure.path, reason: normalize(verdict.does) }));
    const unique = expectations.filter((e, i) => expectations.findIndex((x) => x.step === e.step && x.path === e.path) === i);
    known.push(wholeScenarios ? { id: result.id, reason } : { id: result.id, reason, expectations: unique });
  }
  return { target: targetName, known };
}

interface PactReport {
  readonly source?: string;
  readonly results: ReadonlyArray<{ readonly description: string; readonly status: string; readonly reasons?: readonly string[] }>;
}

/**
 * The baseline for a `verify-pacts --report` file: one entry per failing interaction, its reason
 * the mismatches the Pact core reported.
 * @example pactBaselineOf({ results: [{ description: 'aws.a: t', status: 'failed', reasons: ['status: expected 200 but was 404'] }] }, 'moto').known[0].id // 'aws.a'
 */
export function pactBaselineOf(report: PactReport, targetName: string): Baseline & { contracts?: string } {
  const known = report.results
    .filter((r) => r.status === 'failed' || r.status === 'known')
    .map((r) => ({ id: interactionId(r.description), reason: normalize(`${targetName}: ${(r.reasons ?? []).join('; ') || 'fails this interaction'}`).slice(0, 600) }));
  return { target: targetName, ...(report.source ? { contracts: report.source.replace(/^.*\/(contracts\/pacts)$/, '$1') } : {}), known };
}

/**
 * Runs `lambda-eic baseline` and returns its exit code.
 * @example await baselineCommand(['reports/lambda-eic-report.json', '--target-name', 'moto 5.2.5'])
 */
export const baselineCommand = (argv: string[]): Promise<number> => runSpec(BASELINE, argv);

function baselineWith(values: Values<typeof BASELINE_OPTIONS>, positionals: string[]): number {
  const { name, report: read } = readReportInput('baseline', values, positionals);
  const report = read as unknown as RunReport;
  const pacts = report.results.some((r) => typeof (r as unknown as { description?: unknown }).description === 'string');
  const baseline = pacts ? pactBaselineOf(report as unknown as PactReport, name) : baselineOf(report, name, values['whole-scenarios'] === true);
  process.stdout.write(`${JSON.stringify(baseline, null, 2)}\n`);
  return 0;
}
