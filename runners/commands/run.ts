/** `lambda-eic run`: replay the conformance suites against a target and report where it differs from AWS. */
import { randomBytes } from 'node:crypto';
import { QUIRKS } from '../../src/quirks/catalogue.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { SUITES, type Scenario } from '../../cases/scenario.js';
import { applyBaseline, markKnown } from '../engine/baseline.js';
import { runFailed, summarize, type Incomplete, type RunReport } from '../engine/report.js';
import { provenance } from '../engine/provenance.js';
import { notRun, runSuite, type ScenarioResult } from '../engine/run.js';
import { paint } from '../reporters/colour.js';
import { consoleProgress, consoleSummary } from '../reporters/console.js';
import { OutputDirError, prepareOutputDir, writeReports } from '../reporters/files.js';
import { githubReport } from '../reporters/github.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, withDeadline } from '../targets/deadline.js';
import { Ledger } from '../targets/ledger.js';
import { MissingPeer, TargetUnreachable, DEFAULT_RUNTIME, type Identity, type Target } from '../targets/target.js';
import type { AwsTarget } from '../targets/aws/aws-target.js';
import { planLines } from '../targets/aws/plan.js';
import { guardRun } from '../targets/aws/stop-guard.js';
import { SIGNAL_EXIT, takeSignals } from '../process/signals.js';
import { defineCommand, integer, matching, runSpec, someOf, type OptionSpec, type OptionTable, type Values } from './model.js';
import { labelWithQuirks, resolveTarget, targetOptions } from './target-options.js';
import { UsageError, durationOption, listOption } from './usage.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';

const REPORTERS = ['console', 'json', 'junit', 'markdown', 'html', 'github'] as const;
const TARGETS = ['embedded', 'endpoint', 'aws', 'client-mock', 'nock'] as const;
const AWS = 'A real account (--target aws)';
const LIMITS = 'Limits';

/** The whole run's deadline unless --timeout says otherwise: the full suite takes seconds on an emulator. */
const DEFAULT_RUN_TIMEOUT_S = 1_800;
/** On a real account arranging waits for AWS to settle each change: minutes, so an hour. */
const DEFAULT_AWS_TIMEOUT_MS = 3_600_000;
/** Deleting what a run created may take this long after a stop (a few rounds of DeleteFunction at the request timeout). */
const TEARDOWN_MS = 30_000;

const RUN_OPTIONS = {
  ...targetOptions(TARGETS),
  label: { type: 'string', value: 'NAME', group: 'Target', description: 'the target\'s name in reports and the matrix (e.g. --label "moto 5.2.1")', default: 'embedded, the endpoint URL' },
  suite: { type: 'string', value: 'a,b', group: 'Selection', description: `only these suites: ${SUITES.join(', ')}`, check: someOf(SUITES, 'suite') },
  grep: { type: 'string', value: 'TEXT', group: 'Selection', description: 'only scenarios whose id or title contains TEXT' },
  list: { type: 'boolean', group: 'Selection', description: 'list the selected scenarios and exit' },
  concurrency: { type: 'string', value: 'N', group: 'Selection', description: 'scenarios in flight at once', default: '4', check: integer(1, 64) },
  reporter: {
    type: 'string',
    value: 'a,b',
    group: 'Reports',
    description: `${REPORTERS.join(', ')}; file reports go to --output-dir;\ngithub: the Markdown summary to $GITHUB_STEP_SUMMARY and an ::error\nannotation per failing scenario`,
    default: 'console',
    check: someOf(REPORTERS, 'reporter'),
  },
  'output-dir': { type: 'string', value: 'DIR', group: 'Reports', description: 'where json/junit/markdown/html reports are written', default: 'reports' },
  'allow-account': {
    type: 'string',
    value: 'ID',
    group: AWS,
    description: 'the only account this run may write to (required to run; checked first)',
    check: matching(/^\d{12}$/, 'a 12-digit account id'),
  },
  plan: { type: 'boolean', group: AWS, description: 'print what the run would create, in which account and region, and exit' },
  profile: { type: 'string', value: 'NAME', group: AWS, description: 'the shared-config profile to use (as AWS_PROFILE)' },
  'role-arn': {
    type: 'string',
    value: 'ARN',
    group: AWS,
    description: 'an existing execution role, instead of one made for the run through IAM',
    check: matching(/^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/\S+$/, 'an IAM role ARN'),
  },
  runtime: {
    type: 'string',
    value: 'R',
    group: AWS,
    description: "the functions' runtime (they are never run)",
    default: DEFAULT_RUNTIME,
    check: matching(/^[a-z0-9.]+$/, `a Lambda runtime id such as ${DEFAULT_RUNTIME}`),
  },
  'max-rps': { type: 'string', value: 'N', group: AWS, description: 'Lambda requests per second, under the quota of 15', default: '10', check: integer(1, 100) },
  'request-timeout': {
    type: 'string',
    value: 'S',
    group: LIMITS,
    description: 'each request to the target must be answered within S seconds',
    default: String(DEFAULT_REQUEST_TIMEOUT_MS / 1000),
    check: integer(1, 600),
  },
  timeout: {
    type: 'string',
    value: 'T',
    group: LIMITS,
    description: 'the whole run must end within T (90s, 30m, 2h); then it stops like on Ctrl-C: what it created is deleted, the report is marked incomplete, exit 2',
    default: `${DEFAULT_RUN_TIMEOUT_S / 60}m, aws 1h`,
    check: (v: string, flag: string) => void durationOption(flag, v),
  },
} as const satisfies OptionTable;

export const RUN = defineCommand({
  name: 'run',
  description: `Replays the conformance suites (${ALL_SCENARIOS.length} scenarios) against a target and reports, with the
evidence for each expectation, where it differs from AWS.`,
  options: RUN_OPTIONS,
  notes: `With --target aws, credentials come from the SDK's standard chain (environment, shared config
and credentials files, SSO, container and instance roles); AWS_ENDPOINT_URL_<SERVICE> points a service
at a stand-in. Nothing is written before STS names the account. Everything created is prefixed
eic-<run>, tagged lambda-eic:run and lambda-eic:created, recorded in <output-dir>/lambda-eic-ledger.json,
and deleted at the end, on failure, on the time limit, and on SIGINT or SIGTERM. 'lambda-eic cleanup
--target aws' finds leftovers of killed runs.
Exit codes: 0 every non-advisory expectation holds; 1 a scenario failed (or a baseline entry
is stale); 2 usage error, a target that does not answer or is not Lambda, a target that stopped
answering during the run, or --timeout; 130/143 stopped by SIGINT/SIGTERM (everything the run
created is deleted first; a second signal exits at once). [inferred] expectations are advisory.
Progress marks: . passed, F failed, a advisory, k known (baseline), ! fixed (baseline is stale), s skipped, - not run.
Credentials for endpoints come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default: testing).`,
  run: (values) => runCommandWith(values),
});

/** Options that only make sense against a real account. */
const AWS_ONLY = (Object.keys(RUN_OPTIONS) as (keyof typeof RUN_OPTIONS)[]).filter((name) => (RUN_OPTIONS[name] as OptionSpec).group === AWS);

function select(suites: string[] | undefined, grep: string | undefined): Scenario[] {
  const needle = grep?.toLowerCase();
  return ALL_SCENARIOS.filter((s) => (!suites || suites.includes(s.suite)) && (!needle || s.id.toLowerCase().includes(needle) || s.title.toLowerCase().includes(needle)));
}

/**
 * Runs `lambda-eic run` and returns its exit code; usage errors throw `UsageError`.
 * @example await runCommand(['--suite', 'merge']) // 0
 */
export const runCommand = (argv: string[]): Promise<number> => runSpec(RUN, argv);

async function runCommandWith(opts: Values<typeof RUN_OPTIONS>): Promise<number> {
  const choice = resolveTarget<(typeof TARGETS)[number]>(opts);
  const targetKind = choice.kind;
  const endpoint = choice.endpoint;
  if (targetKind !== 'aws') for (const o of AWS_ONLY) if (opts[o] !== undefined) throw new UsageError(`--${o} goes with --target aws`);
  const allowAccount = opts['allow-account'];
  const maxRps = Number(opts['max-rps'] ?? 10);
  const reporters = opts.reporter === undefined ? ['console'] : listOption(opts.reporter);
  if (reporters.length === 0) throw new UsageError(`--reporter needs at least one of ${REPORTERS.join(', ')}`);
  const quirks = choice.quirks;
  const concurrency = Number(opts.concurrency ?? 4);
  const requestTimeoutMs = Number(opts['request-timeout'] ?? DEFAULT_REQUEST_TIMEOUT_MS / 1000) * 1000;
  const runTimeoutMs = durationOption('--timeout', opts.timeout) ?? (targetKind === 'aws' ? DEFAULT_AWS_TIMEOUT_MS : DEFAULT_RUN_TIMEOUT_S * 1000);
  const runTimeoutS = Math.round(runTimeoutMs / 1000);
  const region = choice.region;
  const outputDir = opts['output-dir'] ?? 'reports';
  const baseline = choice.baseline;
  const scenarios = select(opts.suite === undefined ? undefined : listOption(opts.suite), opts.grep);
  if (scenarios.length === 0) throw new UsageError('no scenario matches --suite/--grep');
  if (opts.list) {
    for (const s of scenarios) console.log(`${s.id.padEnd(64)} ${s.title}`);
    console.log(`${scenarios.length} scenarios`);
    return 0;
  }
  try {
    prepareOutputDir(outputDir, reporters);
  } catch (error) {
    if (error instanceof OutputDirError) throw new UsageError(error.message);
    throw error;
  }

  const runPrefix = `eic-${randomBytes(3).toString('hex')}`;
  // Targets load the AWS SDK (and nock, aws-sdk-client-mock): only now, so --list, --help and usage errors start fast.
  const aws: AwsTarget | undefined =
    targetKind === 'aws'
      ? (await import('../targets/aws/aws-target.js')).awsTarget({
          ...(opts.region ? { region: opts.region } : {}),
          ...(opts.profile ? { profile: opts.profile } : {}),
          ...(allowAccount ? { allowAccount } : {}),
          ...(opts['role-arn'] ? { roleArn: opts['role-arn'] } : {}),
          runtime: opts.runtime ?? DEFAULT_RUNTIME,
          maxRps,
          runPrefix,
          ledgerFile: `${outputDir}/lambda-eic-ledger.json`,
        })
      : undefined;
  if (aws && opts.plan) return planAws(aws, scenarios, { runPrefix, runtime: opts.runtime ?? DEFAULT_RUNTIME, maxRps, ...(opts['role-arn'] ? { roleArn: opts['role-arn'] } : {}) });
  // A real account has its own guard (its ledger with tags and a file, its teardown budget): it
  // owns the signals and the deadline there; every other target uses the run's ledger below.
  const releaseAws = aws ? guardRun(aws, { timeoutMs: runTimeoutMs }) : undefined;
  const ledger = new Ledger();
  const stop = new AbortController();
  const halted: { why?: Incomplete & { exit: number } } = {};
  /** Read through a call: a stop can happen at any await, so no narrowing may outlive one. */
  const why = (): (Incomplete & { exit: number }) | undefined => halted.why;
  const halt = (why: Incomplete & { exit: number }) => {
    halted.why ??= why;
    stop.abort(new Error(why.detail));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted && halted.why?.reason === 'interrupted') {
      const left = ledger.describe();
      process.stderr.write(`\nlambda-eic run: second ${signal}: exiting at once; ${left.length > 0 ? `may be left on the target: ${left.join(', ')}` : 'nothing the run created is left'}\n`);
      process.exit(SIGNAL_EXIT[signal] ?? 130);
    }
    halt({ reason: 'interrupted', detail: `${signal} received`, exit: SIGNAL_EXIT[signal] ?? 130 });
  };
  const releaseSignals = aws ? () => undefined : takeSignals(onSignal);
  const deadline = aws ? undefined : setTimeout(() => halt({ reason: 'timeout', detail: `the run passed --timeout ${runTimeoutS} s`, exit: 2 }), runTimeoutMs);
  const startedAt = new Date();
  const started = performance.now();
  let target: Target | undefined;
  try {
    try {
      target =
        aws ??
        (targetKind === 'embedded'
          ? await (await import('../targets/embedded.js')).embeddedTarget({ region, runPrefix, emulator: quirkyEmulator(quirks), ledger, requestTimeoutMs })
          : targetKind === 'client-mock'
            ? await (await import('../targets/mock-targets.js')).clientMockTarget({ region })
            : targetKind === 'nock'
              ? await (await import('../targets/mock-targets.js')).nockTarget({ region })
              : (await import('../targets/http-target.js')).httpTarget({ label: `endpoint ${endpoint}`, endpoint: endpoint!, region, runPrefix, ledger, requestTimeoutMs }));
    } catch (error) {
      // A missing optional peer is a usage error (exit 2, one line), never a conformance failure.
      if (error instanceof MissingPeer) throw new UsageError(error.message);
      throw error;
    }
    // A signal held while the CLI loaded arrives in a microtask: nothing is created yet, stop here.
    await Promise.resolve();
    if (halted.why) return await finishStopped(halted.why, ledger, { target: target.label, startedAt, started, scenarios, reporters, outputDir });
    let identity: Identity;
    const connecting = target.connect();
    try {
      identity = await withDeadline(connecting, 0, () => undefined, stop.signal);
    } catch (error) {
      if (error instanceof TargetUnreachable) {
        console.error(`lambda-eic run: ${error.message}`);
        return 2;
      }
      if (halted.why) {
        // Let the probe's calls settle first, so nothing it creates lands after the teardown.
        await withDeadline(connecting, requestTimeoutMs * 2, () => undefined).catch(() => undefined);
        return await finishStopped(halted.why, ledger, { target: target.label, startedAt, started, scenarios, reporters, outputDir });
      }
      throw error;
    }
    const label = opts.label?.trim() || labelWithQuirks(target.label, quirks);
    const showConsole = reporters.includes('console');
    if (showConsole) {
      console.log(`lambda-eic run: ${scenarios.length} scenarios against ${label} (region ${identity.region}, account ${identity.account})`);
      for (const q of quirks) console.log(`  quirk ${q}: ${QUIRKS[q].description}`);
    }
    const progress = showConsole ? consoleProgress(process.stdout) : undefined;
    const onResult = (result: ScenarioResult, done: number, total: number) => {
      if (baseline) markKnown(result, baseline);
      progress?.(result, done, total);
    };
    const run = await runSuite(target, identity, scenarios, { runPrefix, concurrency, ledger, signal: stop.signal, onResult });
    const { results } = run;
    if (run.lost) halt({ reason: 'target-lost', detail: run.lost.message, exit: 2 });
    const ran = results.filter((r) => r.status !== 'not-run').length;
    if (why() && showConsole && ran % 60 !== 0) process.stdout.write('\n');
    const { left } = await ledger.teardown(TEARDOWN_MS);
    const ended = why();
    const stale = baseline ? applyBaseline(results, baseline, new Set(ALL_SCENARIOS.map((s) => s.id))) : [];
    const durationMs = Math.round(performance.now() - started);
    const report: RunReport = {
      target: label,
      startedAt: startedAt.toISOString(),
      durationMs,
      summary: summarize(results),
      staleBaselineIds: stale,
      results,
      provenance: provenance({
        scenarios: ALL_SCENARIOS,
        target: { label, ...(target.endpoint ? { endpoint: target.endpoint } : {}), region: identity.region, account: identity.account },
        startedAt,
        endedAt: new Date(startedAt.getTime() + durationMs),
      }),
      ...(ended ? { incomplete: { reason: ended.reason, detail: ended.detail } } : {}),
      ...(left.length > 0 ? { leftovers: left } : {}),
    };
    const interrupted = ended?.reason === 'interrupted';
    if (showConsole && !interrupted) console.log(consoleSummary(report, paint(process.stdout)));
    const retried = results.reduce((n, r) => n + (r.retries ?? 0), 0);
    if (retried > 0 && showConsole) console.log(`${retried} judged requests were throttled (429) and retried; throttling is never a conformance failure`);
    if (reporters.includes('github')) {
      const done = githubReport(report, process.env, (line) => console.log(line));
      console.log(done.summary ? `appended the summary to ${done.summary}` : 'GITHUB_STEP_SUMMARY is not set: no job summary written');
    }
    const written = writeReports(report, reporters, outputDir);
    if (!interrupted) for (const path of written) console.log(`wrote ${path}`);
    if (ended) {
      const what = left.length > 0 ? `may be left on the target: ${left.join(', ')}` : 'everything the run created was deleted';
      const reports = written.length > 0 ? `; reports in ${outputDir} marked ${ended.reason === 'interrupted' ? 'interrupted' : 'incomplete'}` : '';
      console.error(
        `lambda-eic run: ${ended.reason === 'interrupted' ? `interrupted (${ended.detail})` : ended.detail} after ${ran} of ${scenarios.length} scenarios, ${report.summary['not-run']} not run; ${what}${reports}`,
      );
      return ended.exit;
    }
    if (left.length > 0) console.error(`lambda-eic run: could not delete what the run created: ${left.join(', ')}`);
    return runFailed(report) ? 1 : 0;
  } finally {
    clearTimeout(deadline);
    releaseSignals();
    if (ledger.size > 0) await ledger.teardown(TEARDOWN_MS).catch(() => undefined);
    await target?.dispose();
    releaseAws?.();
  }
}

/** `--plan`: STS GetCallerIdentity (read-only) and the list of what a run would create. */
async function planAws(aws: AwsTarget, scenarios: readonly Scenario[], plan: { runPrefix: string; runtime: string; maxRps: number; roleArn?: string }): Promise<number> {
  try {
    const who = await aws.whoAmI();
    for (const line of planLines(scenarios, { ...plan, account: who.account, arn: who.arn, region: who.region })) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof TargetUnreachable) {
      console.error(`lambda-eic run: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

/**
 * A stop before any scenario ran (while probing the target): tear down, write the reports with
 * every scenario not run, one line, the stop's exit code.
 */
async function finishStopped(
  stopped: Incomplete & { exit: number },
  ledger: Ledger,
  run: { target: string; startedAt: Date; started: number; scenarios: readonly Scenario[]; reporters: string[]; outputDir: string },
): Promise<number> {
  const { left } = await ledger.teardown(TEARDOWN_MS);
  const results = run.scenarios.map(notRun);
  const report: RunReport = {
    target: run.target,
    startedAt: run.startedAt.toISOString(),
    durationMs: Math.round(performance.now() - run.started),
    summary: summarize(results),
    staleBaselineIds: [],
    results,
    incomplete: { reason: stopped.reason, detail: stopped.detail },
    ...(left.length > 0 ? { leftovers: left } : {}),
  };
  const written = writeReports(report, run.reporters, run.outputDir);
  const what = left.length > 0 ? `may be left on the target: ${left.join(', ')}` : 'everything the run created was deleted';
  const reports = written.length > 0 ? `; reports in ${run.outputDir} marked ${stopped.reason === 'interrupted' ? 'interrupted' : 'incomplete'}` : '';
  console.error(
    `lambda-eic run: ${stopped.reason === 'interrupted' ? `interrupted (${stopped.detail})` : stopped.detail} after 0 of ${results.length} scenarios, ${results.length} not run; ${what}${reports}`,
  );
  return stopped.exit;
}
