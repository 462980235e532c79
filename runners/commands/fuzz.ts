/** `lambda-eic fuzz`: model-based stateful differential testing of a target against the reference model. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_REGION } from '../../src/model/context.js';
import { QUIRK_NAMES, QUIRKS } from '../../src/model/quirks.js';
import { runFailed } from '../engine/report.js';
import { fuzz } from '../fuzz/fuzz.js';
import { fuzzReport } from '../fuzz/report.js';
import { consoleSummary } from '../reporters/console.js';
import { writeReports } from '../reporters/files.js';
import { openTarget } from '../targets/open.js';
import { TargetUnreachable } from '../targets/target.js';
import { UsageError, integerOption, listOption, parseOptions, quirksOption, targetOption } from './usage.js';

const REPORTERS = ['console', 'json', 'junit', 'markdown'] as const;

const HELP = `Usage: lambda-eic fuzz [options]

Generates random but valid-looking sequences of Lambda calls (CreateFunction, PublishVersion,
CreateAlias, DeleteAlias, DeleteFunction and the five event-invoke-config operations, with
qualifiers in the parameter and in the name, partial and full ARNs, names that are prefixes of
one another, boundary values and destinations of every kind), runs each against the target and
the reference model side by side, and compares every answer (status, error code and message,
body members, required headers; volatile values matched, List order ignored). A difference is
shrunk to a minimal sequence and printed as a ready-to-paste scenario with the evidence of the
rule that decides it, plus the seed to replay it. Then the search goes on with the next seed.

Options:
  --seed N            first seed (default: random, printed); a finding prints its own seed
  --runs N            sequences to try at most (default 1000)
  --max-steps N       actions per sequence at most (default 20)
  --time-budget S     stop searching after S seconds (default 60); shrinking a finding may add
                      up to a quarter of the budget
  --max-findings N    stop after N distinct findings (default 10)
  --target T          embedded (default), endpoint, client-mock or nock, as for run (not aws:
                      fuzzing creates and deletes functions at a rate meant for emulators)
  --endpoint-url URL  the endpoint for --target endpoint
  --region R          region to call (default ${DEFAULT_REGION}; for endpoints also AWS_REGION)
  --baseline FILE     known differences: {"known": [{"match": "<text or /regex/ of a signature>", "reason": "..."}]}
  --reporter a,b      ${REPORTERS.join(', ')} (default console); file reports go to --output-dir
  --output-dir DIR    where json/junit/markdown reports are written (default reports)
  --quirk a,b         embedded only: switch on emulator quirks (${QUIRK_NAMES.length} of them; see run --help)

Exit codes: 0 no difference on a [docs]/[model]/[recorded] rule (besides known ones); 1 a new
difference (each one shrunk and printed); 2 usage error or unreachable target. Differences on
[inferred] rules are advisory.`;

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

export async function fuzzCommand(argv: string[]): Promise<number> {
  const opts = parseOptions(
    argv,
    {
      seed: { type: 'string' },
      runs: { type: 'string' },
      'max-steps': { type: 'string' },
      'time-budget': { type: 'string' },
      'max-findings': { type: 'string' },
      target: { type: 'string' },
      'endpoint-url': { type: 'string' },
      region: { type: 'string' },
      baseline: { type: 'string' },
      reporter: { type: 'string' },
      'output-dir': { type: 'string' },
      quirk: { type: 'string' },
    },
    HELP,
  );
  if (!opts) return 0;
  const { kind, endpoint } = targetOption(opts);
  const quirks = quirksOption(opts.quirk);
  if (quirks.length > 0 && kind !== 'embedded') throw new UsageError('--quirk works with the embedded target only');
  const reporters = opts.reporter === undefined ? ['console'] : listOption(opts.reporter);
  for (const r of reporters) if (!REPORTERS.includes(r as never)) throw new UsageError(`unknown reporter '${r}'; reporters: ${REPORTERS.join(', ')}`);
  const seed = integerOption('--seed', opts.seed, 0, 2 ** 31 - 1) ?? randomBytes(4).readUInt32BE() % 2 ** 31;
  const runs = integerOption('--runs', opts.runs, 1, 10_000_000) ?? 1000;
  const maxSteps = integerOption('--max-steps', opts['max-steps'], 1, 500) ?? 20;
  const timeBudget = integerOption('--time-budget', opts['time-budget'], 1, 86_400) ?? 60;
  const maxFindings = integerOption('--max-findings', opts['max-findings'], 1, 1000) ?? 10;
  const known = opts.baseline ? readFuzzBaseline(opts.baseline) : [];
  const region = opts.region ?? (kind === 'endpoint' ? process.env.AWS_REGION : undefined) ?? DEFAULT_REGION;
  const runPrefix = `fz-${randomBytes(3).toString('hex')}`;
  const target = await openTarget(kind, { region, runPrefix, quirks, ...(endpoint ? { endpoint } : {}) });
  const showConsole = reporters.includes('console');
  try {
    let identity;
    try {
      identity = await target.connect();
    } catch (error) {
      if (error instanceof TargetUnreachable) {
        console.error(`lambda-eic fuzz: ${error.message}`);
        return 2;
      }
      throw error;
    }
    const label = quirks.length > 0 ? `${target.label} with quirks ${quirks.join(', ')}` : target.label;
    const command = ['lambda-eic fuzz', kind !== 'embedded' ? `--target ${kind}` : '', endpoint ? `--endpoint-url ${endpoint}` : '', quirks.length ? `--quirk ${quirks.join(',')}` : '', `--max-steps ${maxSteps}`]
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
      console.log(`fuzz: ${result.sequences} sequences, ${result.calls} calls in ${(result.durationMs / 1000).toFixed(1)} s (${report.fuzz.sequencesPerSecond} sequences/s); ${result.findings.length} finding(s)`);
    }
    for (const path of writeReports(report, reporters, opts['output-dir'] ?? 'reports')) console.log(`wrote ${path}`);
    return runFailed(report) ? 1 : 0;
  } finally {
    await target.dispose();
  }
}
