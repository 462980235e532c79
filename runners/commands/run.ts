/** `lambda-eic run`: replay the conformance suites against a target and report where it differs from AWS. */
import { randomBytes } from 'node:crypto';
import { Emulator } from '../../src/model/emulator.js';
import { QUIRKS } from '../../src/model/quirks.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { SUITES, type Scenario } from '../../cases/scenario.js';
import { applyBaseline } from '../engine/baseline.js';
import { runFailed, summarize, type RunReport } from '../engine/report.js';
import { provenance } from '../engine/provenance.js';
import { runScenarios } from '../engine/run.js';
import { paint } from '../reporters/colour.js';
import { consoleProgress, consoleSummary } from '../reporters/console.js';
import { writeReports } from '../reporters/files.js';
import { githubReport } from '../reporters/github.js';
import { TargetUnreachable, DEFAULT_RUNTIME, type Target } from '../targets/target.js';
import type { AwsTarget } from '../targets/aws/aws-target.js';
import { planLines } from '../targets/aws/plan.js';
import { guardRun } from '../targets/aws/stop-guard.js';
import { defineCommand, integer, matching, runSpec, someOf, type OptionSpec, type OptionTable, type Values } from './model.js';
import { connectOrExit, labelWithQuirks, resolveTarget, targetOptions } from './target-options.js';
import { UsageError, durationOption, listOption } from './usage.js';

const REPORTERS = ['console', 'json', 'junit', 'markdown', 'html', 'github'] as const;
const TARGETS = ['embedded', 'endpoint', 'aws', 'client-mock', 'nock'] as const;
const AWS = 'A real account (--target aws)';

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
    'allow-account': { type: 'string', value: 'ID', group: AWS, description: 'the only account this run may write to (required to run; checked first)', check: matching(/^\d{12}$/, 'a 12-digit account id') },
    plan: { type: 'boolean', group: AWS, description: 'print what the run would create, in which account and region, and exit' },
    profile: { type: 'string', value: 'NAME', group: AWS, description: 'the shared-config profile to use (as AWS_PROFILE)' },
    'role-arn': { type: 'string', value: 'ARN', group: AWS, description: 'an existing execution role, instead of one made for the run through IAM', check: matching(/^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/\S+$/, 'an IAM role ARN') },
    runtime: { type: 'string', value: 'R', group: AWS, description: "the functions' runtime (they are never run)", default: DEFAULT_RUNTIME, check: matching(/^[a-z0-9.]+$/, `a Lambda runtime id such as ${DEFAULT_RUNTIME}`) },
    'max-rps': { type: 'string', value: 'N', group: AWS, description: 'Lambda requests per second, under the quota of 15', default: '10', check: integer(1, 100) },
    timeout: { type: 'string', value: 'T', group: AWS, description: 'stop, tear everything down and exit 2 after T (90s, 30m, 2h)', default: '1h', check: (v: string, flag: string) => void durationOption(flag, v) },
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
is stale); 2 usage error or unreachable target. [inferred] expectations are advisory.
Credentials for endpoints come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default: testing).
Exit codes for aws also: 130 after SIGINT, 143 after SIGTERM (each after teardown).`,
  run: (values) => runCommandWith(values),
});

/** Options that only make sense against a real account. */
const AWS_ONLY = (Object.keys(RUN_OPTIONS) as (keyof typeof RUN_OPTIONS)[]).filter((name) => (RUN_OPTIONS[name] as OptionSpec).group === AWS);

function select(suites: string[] | undefined, grep: string | undefined): Scenario[] {
  const needle = grep?.toLowerCase();
  return ALL_SCENARIOS.filter(
    (s) => (!suites || suites.includes(s.suite)) && (!needle || s.id.toLowerCase().includes(needle) || s.title.toLowerCase().includes(needle)),
  );
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
  const timeoutMs = durationOption('--timeout', opts.timeout) ?? 3_600_000;
  const reporters = opts.reporter === undefined ? ['console'] : listOption(opts.reporter);
  const quirks = choice.quirks;
  const concurrency = Number(opts.concurrency ?? 4);
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
  const target: Target =
    aws ??
    (targetKind === 'embedded'
      ? await (await import('../targets/embedded.js')).embeddedTarget({ region, runPrefix, emulator: new Emulator({ quirks }) })
      : targetKind === 'client-mock'
        ? await (await import('../targets/mock-targets.js')).clientMockTarget({ region })
        : targetKind === 'nock'
          ? await (await import('../targets/mock-targets.js')).nockTarget({ region })
          : (await import('../targets/http-target.js')).httpTarget({ label: `endpoint ${endpoint}`, endpoint: endpoint!, region, runPrefix }));
  try {
    const startedAt = new Date();
    const started = performance.now();
    const identity = await connectOrExit('run', target);
    if (identity === 2) return 2;
    const label = opts.label?.trim() || labelWithQuirks(target.label, quirks);
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
