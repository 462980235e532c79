/** `lambda-eic run`: replay the conformance suites against a target and report where it differs from AWS. */
import { randomBytes } from 'node:crypto';
import { DEFAULT_REGION } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import { QUIRK_NAMES, QUIRKS } from '../../src/model/quirks.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { SUITES, type Scenario, type SuiteName } from '../../cases/scenario.js';
import { BaselineError, applyBaseline, markKnown, readBaseline } from '../engine/baseline.js';
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
import { SIGNAL_EXIT, takeSignals } from '../signals.js';
import { UsageError, durationOption, integerOption, listOption, parseOptions, quirksOption } from './usage.js';

const REPORTERS = ['console', 'json', 'junit', 'markdown', 'html', 'github'] as const;
const TARGETS = ['embedded', 'endpoint', 'aws', 'client-mock', 'nock'] as const;
/** Options that only make sense against a real account. */
const AWS_ONLY = ['profile', 'allow-account', 'plan', 'role-arn', 'runtime', 'max-rps'] as const;

/** The whole run's deadline unless --timeout says otherwise: the full suite takes seconds on an emulator. */
const DEFAULT_RUN_TIMEOUT_S = 1_800;
/** On a real account arranging waits for AWS to settle each change: minutes, so an hour. */
const DEFAULT_AWS_TIMEOUT_MS = 3_600_000;
/** Deleting what a run created may take this long after a stop (a few rounds of DeleteFunction at the request timeout). */
const TEARDOWN_MS = 30_000;


const HELP = `Usage: lambda-eic run [options]

Replays the conformance suites (${ALL_SCENARIOS.length} scenarios) against a target and reports, with the
evidence for each expectation, where it differs from AWS.

Options:
  --target T          embedded (default: the reference emulator in this process), endpoint,
                      aws (a real account: see below), or a mock transport: client-mock
                      (aws-sdk-client-mock) or nock
  --endpoint-url URL  the endpoint for --target endpoint (moto, LocalStack, any emulator)
  --label NAME        the target's name in reports and the matrix (default: embedded,
                      endpoint URL; e.g. --label "moto 5.2.1")
  --region R          region to call (default ${DEFAULT_REGION}; for endpoints also AWS_REGION;
                      for aws the SDK's chain: AWS_REGION, then the profile's region)
  --suite a,b         only these suites: ${SUITES.join(', ')}
  --grep TEXT         only scenarios whose id or title contains TEXT
  --reporter a,b      ${REPORTERS.join(', ')} (default console); file reports go to --output-dir;
                      github: the Markdown summary to $GITHUB_STEP_SUMMARY and an ::error
                      annotation per failing scenario
  --output-dir DIR    where json/junit/markdown/html reports are written (default reports)
  --baseline FILE     known failures: {"known": [{"id": "<scenario id>", "reason": "..."}]}
  --concurrency N     scenarios in flight at once (default 4)
  --request-timeout S each request to the target must be answered within S seconds (default ${DEFAULT_REQUEST_TIMEOUT_MS / 1000})
  --timeout T         the whole run must end within T (90s, 30m, 2h; default ${DEFAULT_RUN_TIMEOUT_S / 60}m,
                      aws 1h); then it stops like on Ctrl-C: what it created is deleted, the report
                      is marked incomplete, exit 2
  --quirk a,b         embedded only: switch on emulator quirks to see the suite catch them
                      (${QUIRK_NAMES.join(', ')})
  --list              list the selected scenarios and exit

A real account (--target aws): credentials from the SDK's standard chain (environment, shared
config and credentials files, SSO, container and instance roles); AWS_ENDPOINT_URL_<SERVICE>
points a service at a stand-in. Nothing is written before STS names the account.
  --allow-account ID  the only account this run may write to (required to run; checked first)
  --plan              print what the run would create, in which account and region, and exit
  --profile NAME      the shared-config profile to use (as AWS_PROFILE)
  --role-arn ARN      an existing execution role, instead of one made for the run through IAM
  --runtime R         the functions' runtime (default ${DEFAULT_RUNTIME}; they are never run)
  --max-rps N         Lambda requests per second, under the quota of 15 (default 10)
Everything created is prefixed eic-<run>, tagged lambda-eic:run and lambda-eic:created, recorded
in <output-dir>/lambda-eic-ledger.json, and deleted at the end, on failure, on the time limit,
and on SIGINT or SIGTERM. 'lambda-eic cleanup --target aws' finds leftovers of killed runs.

Exit codes: 0 every non-advisory expectation holds; 1 a scenario failed (or a baseline entry
is stale); 2 usage error, a target that does not answer or is not Lambda, a target that stopped
answering during the run, or --timeout; 130/143 stopped by SIGINT/SIGTERM (everything the run
created is deleted first; a second signal exits at once). [inferred] expectations are advisory.
Progress marks: . passed, F failed, a advisory, k known (baseline), ! fixed (baseline is stale), s skipped, - not run.
Credentials for endpoints come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default: testing).`;


function select(suites: string[] | undefined, grep: string | undefined): Scenario[] {
  for (const s of suites ?? []) if (!SUITES.includes(s as SuiteName)) throw new UsageError(`unknown suite '${s}'; suites: ${SUITES.join(', ')}`);
  const needle = grep?.toLowerCase();
  return ALL_SCENARIOS.filter(
    (s) => (!suites || suites.includes(s.suite)) && (!needle || s.id.toLowerCase().includes(needle) || s.title.toLowerCase().includes(needle)),
  );
}

export async function runCommand(argv: string[]): Promise<number> {
  const opts = parseOptions(
    argv,
    {
      target: { type: 'string' },
      'endpoint-url': { type: 'string' },
      region: { type: 'string' },
      label: { type: 'string' },
      suite: { type: 'string' },
      grep: { type: 'string' },
      reporter: { type: 'string' },
      'output-dir': { type: 'string' },
      baseline: { type: 'string' },
      concurrency: { type: 'string' },
      'request-timeout': { type: 'string' },
      timeout: { type: 'string' },
      quirk: { type: 'string' },
      list: { type: 'boolean' },
      profile: { type: 'string' },
      'allow-account': { type: 'string' },
      plan: { type: 'boolean' },
      'role-arn': { type: 'string' },
      runtime: { type: 'string' },
      'max-rps': { type: 'string' },
    },
    HELP,
  );
  if (!opts) return 0;
  const targetKind = opts.target ?? 'embedded';
  if (!TARGETS.includes(targetKind as never)) throw new UsageError(`--target must be one of ${TARGETS.join(', ')}, not '${targetKind}'`);
  const endpoint = opts['endpoint-url'];
  if (targetKind === 'endpoint' && !endpoint) throw new UsageError('--target endpoint needs --endpoint-url URL');
  if (targetKind !== 'endpoint' && endpoint) throw new UsageError('--endpoint-url goes with --target endpoint');
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw new UsageError(`--endpoint-url must be an http(s) URL, not '${endpoint}'`);
  if (targetKind !== 'aws') for (const o of AWS_ONLY) if (opts[o] !== undefined) throw new UsageError(`--${o} goes with --target aws`);
  const allowAccount = opts['allow-account'];
  if (allowAccount !== undefined && !/^\d{12}$/.test(allowAccount)) throw new UsageError(`--allow-account must be a 12-digit account id, not '${allowAccount}'`);
  if (opts['role-arn'] !== undefined && !/^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/\S+$/.test(opts['role-arn'])) throw new UsageError(`--role-arn must be an IAM role ARN, not '${opts['role-arn']}'`);
  if (opts.runtime !== undefined && !/^[a-z0-9.]+$/.test(opts.runtime)) throw new UsageError(`--runtime must be a Lambda runtime id such as ${DEFAULT_RUNTIME}, not '${opts.runtime}'`);
  const maxRps = integerOption('--max-rps', opts['max-rps'], 1, 100) ?? 10;
  const reporters = opts.reporter === undefined ? ['console'] : listOption(opts.reporter);
  if (reporters.length === 0) throw new UsageError(`--reporter needs at least one of ${REPORTERS.join(', ')}`);
  for (const r of reporters) if (!REPORTERS.includes(r as never)) throw new UsageError(`unknown reporter '${r}'; reporters: ${REPORTERS.join(', ')}`);
  const quirks = quirksOption(opts.quirk);
  if (quirks.length > 0 && targetKind !== 'embedded') throw new UsageError('--quirk works with the embedded target only');
  const concurrency = integerOption('--concurrency', opts.concurrency, 1, 64) ?? 4;
  const requestTimeoutMs = (integerOption('--request-timeout', opts['request-timeout'], 1, 600) ?? DEFAULT_REQUEST_TIMEOUT_MS / 1000) * 1000;
  const runTimeoutMs = durationOption('--timeout', opts.timeout) ?? (targetKind === 'aws' ? DEFAULT_AWS_TIMEOUT_MS : DEFAULT_RUN_TIMEOUT_S * 1000);
  const runTimeoutS = Math.round(runTimeoutMs / 1000);
  const outputDir = opts['output-dir'] ?? 'reports';
  const region = opts.region ?? (targetKind === 'endpoint' ? process.env.AWS_REGION : undefined) ?? DEFAULT_REGION;
  let baseline;
  try {
    baseline = opts.baseline ? readBaseline(opts.baseline) : undefined;
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
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
          ? await (await import('../targets/embedded.js')).embeddedTarget({ region, runPrefix, emulator: new Emulator({ quirks }), ledger, requestTimeoutMs })
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
    const label = opts.label?.trim() || (quirks.length > 0 ? `${target.label} with quirks ${quirks.join(', ')}` : target.label);
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
      console.error(`lambda-eic run: ${ended.reason === 'interrupted' ? `interrupted (${ended.detail})` : ended.detail} after ${ran} of ${scenarios.length} scenarios, ${report.summary['not-run']} not run; ${what}${reports}`);
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
  console.error(`lambda-eic run: ${stopped.reason === 'interrupted' ? `interrupted (${stopped.detail})` : stopped.detail} after 0 of ${results.length} scenarios, ${results.length} not run; ${what}${reports}`);
  return stopped.exit;
}
