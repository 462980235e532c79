/** `lambda-eic fuzz`: model-based stateful differential testing of a target against the reference model. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { QUIRKS } from '../../src/quirks/catalogue.js';
import { runFailed } from '../engine/report.js';
import { fuzz } from '../fuzz/fuzz.js';
import { fuzzReport } from '../fuzz/report.js';
import { consoleSummary } from '../reporters/console.js';
import { writeReports } from '../reporters/files.js';
import { openTarget } from '../targets/open.js';
import { defineCommand, integer, runSpec, someOf, type OptionTable, type Values } from './model.js';
import { connectOrExit, labelWithQuirks, resolveTarget, targetOptions } from './target-options.js';
import { UsageError, listOption } from './usage.js';

const REPORTERS = ['console', 'json', 'junit', 'markdown'] as const;

const TARGETS = ['embedded', 'endpoint', 'client-mock', 'nock'] as const;

const FUZZ_OPTIONS = {
  seed: { type: 'string', value: 'N', description: 'first seed; a finding prints its own seed', default: 'random, printed', check: integer(0, 2 ** 31 - 1) },
  runs: { type: 'string', value: 'N', description: 'sequences to try at most', default: '1000', check: integer(1, 10_000_000) },
  'max-steps': { type: 'string', value: 'N', description: 'actions per sequence at most', default: '20', check: integer(1, 500) },
  'time-budget': { type: 'string', value: 'S', description: 'stop searching after S seconds; shrinking a finding may add up to a quarter of the budget', default: '60', check: integer(1, 86_400) },
  'max-findings': { type: 'string', value: 'N', description: 'stop after N distinct findings', default: '10', check: integer(1, 1000) },
  ...targetOptions(TARGETS),
  baseline: { type: 'string', value: 'FILE', group: 'Target', description: 'known differences: {"known": [{"match": "<text or /regex/ of a signature>", "reason": "..."}]}' },
  reporter: { type: 'string', value: 'a,b', group: 'Reports', description: `${REPORTERS.join(', ')}; file reports go to --output-dir`, default: 'console', check: someOf(REPORTERS, 'reporter') },
  'output-dir': { type: 'string', value: 'DIR', group: 'Reports', description: 'where json/junit/markdown reports are written', default: 'reports' },
} as const satisfies OptionTable;

export const FUZZ = defineCommand({
  name: 'fuzz',
  description: `Generates random but valid-looking sequences of Lambda calls (CreateFunction, PublishVersion,
CreateAlias, DeleteAlias, DeleteFunction and the five event-invoke-config operations, with
qualifiers in the parameter and in the name, partial and full ARNs, names that are prefixes of
one another, boundary values and destinations of every kind, configs on every qualifier read
back through paged Lists, and Puts on missing functions with refused destinations to probe the
order of the checks), runs each against the target and
the reference model side by side, and compares every answer (status, error code and message,
body members, required headers; volatile values matched, List order ignored). A difference is
shrunk to a minimal sequence and printed as a ready-to-paste scenario with the evidence of the
rule that decides it, plus the seed to replay it. Then the search goes on with the next seed.
Not --target aws: fuzzing creates and deletes functions at a rate meant for emulators.`,
  options: FUZZ_OPTIONS,
  notes: `Exit codes: 0 no difference on a [docs]/[model]/[recorded] rule (besides known ones); 1 a new
difference (each one shrunk and printed); 2 usage error or unreachable target. Differences on
[inferred] rules are advisory.`,
  run: (values) => fuzzWith(values),
});

function readFuzzBaseline(path: string): Array<{ match: string; reason: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read --baseline ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  const known = (parsed as { known?: unknown })?.known;
  if (!Array.isArray(known) || !known.every((k) => typeof k?.match === 'string' && typeof k?.reason === 'string'))
    throw new UsageError(`--baseline ${path} must be {"known": [{"match": "...", "reason": "..."}]}`);
  return known;
}

/**
 * Runs `lambda-eic fuzz` and returns its exit code; usage errors throw `UsageError`.
 * @example await fuzzCommand(['--seed', '5', '--runs', '20']) // 0
 */
export const fuzzCommand = (argv: string[]): Promise<number> => runSpec(FUZZ, argv);

async function fuzzWith(opts: Values<typeof FUZZ_OPTIONS>): Promise<number> {
  // The fuzz baseline has its own shape (signatures, not scenario ids): read here, not by resolveTarget.
  const { kind, endpoint, region, quirks } = resolveTarget<(typeof TARGETS)[number]>({ ...opts, baseline: undefined });
  const reporters = opts.reporter === undefined ? ['console'] : listOption(opts.reporter);
  if (reporters.length === 0) throw new UsageError(`--reporter needs at least one of ${REPORTERS.join(', ')}`);
  const seed = opts.seed === undefined ? randomBytes(4).readUInt32BE() % 2 ** 31 : Number(opts.seed);
  const runs = Number(opts.runs ?? 1000);
  const maxSteps = Number(opts['max-steps'] ?? 20);
  const timeBudget = Number(opts['time-budget'] ?? 60);
  const maxFindings = Number(opts['max-findings'] ?? 10);
  const known = opts.baseline ? readFuzzBaseline(opts.baseline) : [];
  const runPrefix = `fz-${randomBytes(3).toString('hex')}`;
  const target = await openTarget(kind, { region, runPrefix, quirks, ...(endpoint ? { endpoint } : {}) });
  const showConsole = reporters.includes('console');
  try {
    const identity = await connectOrExit('fuzz', target);
    if (identity === 2) return 2;
    const label = labelWithQuirks(target.label, quirks);
    const command = [
      'lambda-eic fuzz',
      kind !== 'embedded' ? `--target ${kind}` : '',
      endpoint ? `--endpoint-url ${endpoint}` : '',
      quirks.length ? `--quirk ${quirks.join(',')}` : '',
      `--max-steps ${maxSteps}`,
    ]
      .filter(Boolean)
      .join(' ');
    if (showConsole) {
      console.log(`lambda-eic fuzz: seed ${seed}, up to ${runs} sequences of up to ${maxSteps} actions for ${timeBudget} s against ${label} (region ${identity.region}, account ${identity.account})`);
      for (const q of quirks) console.log(`  quirk ${q}: ${QUIRKS[q].description}`);
    }
    const startedAt = new Date();
    let lastPrinted = 0;
    let lastFindings = 0;
    const result = await fuzz(target, identity, {
      seed,
      runs,
      maxSteps,
      timeBudgetMs: timeBudget * 1000,
      runPrefix,
      known,
      maxFindings,
      onSequence: (done, findings) => {
        if (!showConsole || (done - lastPrinted < 100 && findings === lastFindings)) return;
        lastPrinted = done;
        lastFindings = findings;
        process.stdout.write(`  ${done} sequences, ${findings} finding(s)\n`);
      },
    });
    const report = fuzzReport(result, { target: label, seed, startedAt, command });
    if (showConsole) {
      console.log(consoleSummary(report));
      console.log(
        `fuzz: ${result.sequences} sequences, ${result.calls} calls in ${(result.durationMs / 1000).toFixed(1)} s (${report.fuzz.sequencesPerSecond} sequences/s); ${result.findings.length} finding(s)`,
      );
    }
    for (const path of writeReports(report, reporters, opts['output-dir'] ?? 'reports')) console.log(`wrote ${path}`);
    return runFailed(report) ? 1 : 0;
  } finally {
    await target.dispose();
  }
}
