/** `lambda-eic run`: replay the conformance suites against a target and report where it differs from AWS. */
import { randomBytes } from 'node:crypto';
import { DEFAULT_REGION } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import { QUIRK_NAMES, QUIRKS } from '../../src/model/quirks.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { SUITES, type Scenario, type SuiteName } from '../../cases/scenario.js';
import { BaselineError, applyBaseline, readBaseline } from '../engine/baseline.js';
import { runFailed, summarize, type RunReport } from '../engine/report.js';
import { runScenarios } from '../engine/run.js';
import { consoleProgress, consoleSummary } from '../reporters/console.js';
import { writeReports } from '../reporters/files.js';
import { embeddedTarget } from '../targets/embedded.js';
import { httpTarget } from '../targets/http-target.js';
import { clientMockTarget, nockTarget } from '../targets/mock-targets.js';
import { MissingPeer, TargetUnreachable, type Target } from '../targets/target.js';
import { UsageError, integerOption, listOption, parseOptions, quirksOption } from './usage.js';

const REPORTERS = ['console', 'json', 'junit', 'markdown'] as const;
const TARGETS = ['embedded', 'endpoint', 'client-mock', 'nock'] as const;

const HELP = `Usage: lambda-eic run [options]

Replays the conformance suites (${ALL_SCENARIOS.length} scenarios) against a target and reports, with the
evidence for each expectation, where it differs from AWS.

Options:
  --target T          embedded (default: the reference emulator in this process), endpoint,
                      or a mock transport: client-mock (aws-sdk-client-mock) or nock
  --endpoint-url URL  the endpoint for --target endpoint (moto, LocalStack, any emulator, AWS)
  --region R          region to call (default ${DEFAULT_REGION}; for endpoints also AWS_REGION)
  --suite a,b         only these suites: ${SUITES.join(', ')}
  --grep TEXT         only scenarios whose id or title contains TEXT
  --reporter a,b      ${REPORTERS.join(', ')} (default console); file reports go to --output-dir
  --output-dir DIR    where json/junit/markdown reports are written (default reports)
  --baseline FILE     known failures: {"known": [{"id": "<scenario id>", "reason": "..."}]}
  --concurrency N     scenarios in flight at once (default 4)
  --quirk a,b         embedded only: switch on emulator quirks to see the suite catch them
                      (${QUIRK_NAMES.join(', ')})
  --list              list the selected scenarios and exit

Exit codes: 0 every non-advisory expectation holds; 1 a scenario failed (or a baseline entry
is stale); 2 usage error or unreachable target. [inferred] expectations are advisory.
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
      suite: { type: 'string' },
      grep: { type: 'string' },
      reporter: { type: 'string' },
      'output-dir': { type: 'string' },
      baseline: { type: 'string' },
      concurrency: { type: 'string' },
      quirk: { type: 'string' },
      list: { type: 'boolean' },
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
  const reporters = opts.reporter === undefined ? ['console'] : listOption(opts.reporter);
  for (const r of reporters) if (!REPORTERS.includes(r as never)) throw new UsageError(`unknown reporter '${r}'; reporters: ${REPORTERS.join(', ')}`);
  const quirks = quirksOption(opts.quirk);
  if (quirks.length > 0 && targetKind !== 'embedded') throw new UsageError('--quirk works with the embedded target only');
  const concurrency = integerOption('--concurrency', opts.concurrency, 1, 64) ?? 4;
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

  const runPrefix = `eic-${randomBytes(3).toString('hex')}`;
  let target: Target;
  try {
    target =
      targetKind === 'embedded'
        ? await embeddedTarget({ region, runPrefix, emulator: new Emulator({ quirks }) })
        : targetKind === 'client-mock'
          ? await clientMockTarget({ region })
          : targetKind === 'nock'
            ? await nockTarget({ region })
            : httpTarget({ label: `endpoint ${endpoint}`, endpoint: endpoint!, region, runPrefix });
  } catch (error) {
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
    const label = quirks.length > 0 ? `${target.label} with quirks ${quirks.join(', ')}` : target.label;
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
    const report: RunReport = {
      target: label,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
      summary: summarize(results),
      staleBaselineIds: stale,
      results,
    };
    if (showConsole) console.log(consoleSummary(report));
    const written = writeReports(report, reporters, opts['output-dir'] ?? 'reports');
    for (const path of written) console.log(`wrote ${path}`);
    return runFailed(report) ? 1 : 0;
  } finally {
    await target.dispose();
  }
}
