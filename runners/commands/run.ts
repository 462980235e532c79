/** `lambda-eic run`: replay the conformance suites against a target and report where it differs from AWS. */
import { randomBytes } from 'node:crypto';
import { DEFAULT_REGION } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import { QUIRK_NAMES, QUIRKS } from '../../src/model/quirks.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { SUITES, type Scenario, type SuiteName } from '../../cases/scenario.js';
import { BaselineError, applyBaseline, readBaseline } from '../engine/baseline.js';
import { runFailed, summarize, type RunReport } from '../engine/report.js';
import { provenance } from '../engine/provenance.js';
import { runScenarios } from '../engine/run.js';
import { paint } from '../reporters/colour.js';
import { consoleProgress, consoleSummary } from '../reporters/console.js';
import { writeReports } from '../reporters/files.js';
import { githubReport } from '../reporters/github.js';
import { MissingPeer, TargetUnreachable, DEFAULT_RUNTIME, type Target } from '../targets/target.js';
import type { AwsTarget } from '../targets/aws/aws-target.js';
import { planLines } from '../targets/aws/plan.js';
import { guardRun } from '../targets/aws/stop-guard.js';
import { UsageError, durationOption, integerOption, listOption, parseOptions, quirksOption } from './usage.js';

const REPORTERS = ['console', 'json', 'junit', 'markdown', 'html', 'github'] as const;
const TARGETS = ['embedded', 'endpoint', 'aws', 'client-mock', 'nock'] as const;
/** Options that only make sense against a real account. */
const AWS_ONLY = ['profile', 'allow-account', 'plan', 'role-arn', 'runtime', 'max-rps', 'timeout'] as const;

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
  --timeout T         stop, tear everything down and exit 2 after T (90s, 30m, 2h; default 1h)
Everything created is prefixed eic-<run>, tagged lambda-eic:run and lambda-eic:created, recorded
in <output-dir>/lambda-eic-ledger.json, and deleted at the end, on failure, on the time limit,
and on SIGINT or SIGTERM. 'lambda-eic cleanup --target aws' finds leftovers of killed runs.
Exit codes: 0 every non-advisory expectation holds; 1 a scenario failed (or a baseline entry
is stale); 2 usage error or unreachable target. [inferred] expectations are advisory.
Credentials for endpoints come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default: testing).
Exit codes for aws also: 130 after SIGINT, 143 after SIGTERM (each after teardown).`;


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
      quirk: { type: 'string' },
      list: { type: 'boolean' },
      profile: { type: 'string' },
      'allow-account': { type: 'string' },
      plan: { type: 'boolean' },
      'role-arn': { type: 'string' },
      runtime: { type: 'string' },
      'max-rps': { type: 'string' },
      timeout: { type: 'string' },
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
  const timeoutMs = durationOption('--timeout', opts.timeout) ?? 3_600_000;
  const reporters = opts.reporter === undefined ? ['console'] : listOption(opts.reporter);
  for (const r of reporters) if (!REPORTERS.includes(r as never)) throw new UsageError(`unknown reporter '${r}'; reporters: ${REPORTERS.join(', ')}`);
  const quirks = quirksOption(opts.quirk);
  if (quirks.length > 0 && targetKind !== 'embedded') throw new UsageError('--quirk works with the embedded target only');
  const concurrency = integerOption('--concurrency', opts.concurrency, 1, 64) ?? 4;
  const region = opts.region ?? (targetKind === 'endpoint' ? process.env.AWS_REGION : undefined) ?? DEFAULT_REGION;
  const outputDir = opts['output-dir'] ?? 'reports';
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
  const release = aws ? guardRun(aws, { timeoutMs }) : undefined;
  let target: Target;
  try {
    target =
      aws ??
      (targetKind === 'embedded'
        ? await (await import('../targets/embedded.js')).embeddedTarget({ region, runPrefix, emulator: new Emulator({ quirks }) })
        : targetKind === 'client-mock'
          ? await (await import('../targets/mock-targets.js')).clientMockTarget({ region })
          : targetKind === 'nock'
            ? await (await import('../targets/mock-targets.js')).nockTarget({ region })
            : (await import('../targets/http-target.js')).httpTarget({ label: `endpoint ${endpoint}`, endpoint: endpoint!, region, runPrefix }));
  } catch (error) {
    // A missing optional peer is a usage error (exit 2, one line), never a conformance failure.
    if (error instanceof MissingPeer) throw new UsageError(error.message);
    throw error;
  }
  try {
    const startedAt = new Date();
    const started = performance.now();
    let identity;
    try {
      identity = await target.connect();
    } catch (error) {
      if (error instanceof TargetUnreachable) {
        console.error(`lambda-eic run: ${error.message}`);
        return 2;
      }
      throw error;
    }
    const label = opts.label?.trim() || (quirks.length > 0 ? `${target.label} with quirks ${quirks.join(', ')}` : target.label);
    const showConsole = reporters.includes('console');
    if (showConsole) {
      console.log(`lambda-eic run: ${scenarios.length} scenarios against ${label} (region ${identity.region}, account ${identity.account})`);
      for (const q of quirks) console.log(`  quirk ${q}: ${QUIRKS[q].description}`);
    }
    const results = await runScenarios(target, identity, scenarios, {
      runPrefix,
      concurrency,
      ...(showConsole ? { onResult: consoleProgress(process.stdout) } : {}),
    });
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
    };
    if (showConsole) console.log(consoleSummary(report, paint(process.stdout)));
    const retried = results.reduce((n, r) => n + (r.retries ?? 0), 0);
    if (retried > 0 && showConsole) console.log(`${retried} judged requests were throttled (429) and retried; throttling is never a conformance failure`);
    if (reporters.includes('github')) {
      const done = githubReport(report, process.env, (line) => console.log(line));
      console.log(done.summary ? `appended the summary to ${done.summary}` : 'GITHUB_STEP_SUMMARY is not set: no job summary written');
    }
    const written = writeReports(report, reporters, outputDir);
    for (const path of written) console.log(`wrote ${path}`);
    return runFailed(report) ? 1 : 0;
  } finally {
    await target.dispose();
    release?.();
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
