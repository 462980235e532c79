/**
 * `lambda-eic verify-pacts`: Pact provider verification of the event-invoke-config contracts (this
 * project's, a consumer's own, or a Pact Broker's) against the embedded emulator or any endpoint.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DEFAULT_REGION } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import { QUIRK_NAMES } from '../../src/model/quirks.js';
import { packageRoot } from '../../cases/fixtures.js';
import { PROVIDER } from '../../contracts/values.js';
import { BaselineError, readBaseline, type Baseline } from '../engine/baseline.js';
import { applyPactBaseline, type CheckedResult } from '../pact/baseline.js';
import { embeddedVerifyTarget, endpointVerifyTarget, type VerifyTarget } from '../pact/target.js';
import type { PactSource, PublishOptions } from '../pact/verify.js';
import { inVerifyChild, say, verifyInChild, verifyPaint } from '../pact/quiet-core.js';
import type { Paint } from '../reporters/colour.js';
import { TargetUnreachable } from '../targets/target.js';
import { UsageError, parseOptions, quirksOption } from './usage.js';

const DEFAULT_SELECTORS = [{ mainBranch: true }, { deployedOrReleased: true }];
const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'trace'] as const;

export const VERIFY_HELP = `Usage: lambda-eic verify-pacts [options]

Verifies Pact contracts for the provider '${PROVIDER}' against a target. Each
interaction's provider states are arranged through the target's own Lambda API under run-unique
function names; the replayed request is rewritten to those names (and the target's account and
region) and signed with SigV4; the Pact core matches the answer. A provider state without a
handler fails its interaction.

Target:
  --target T              embedded (default: the reference emulator in this process) or endpoint
  --endpoint-url URL      the endpoint for --target endpoint (moto, LocalStack, any emulator, AWS)
  --region R              region to call (default ${DEFAULT_REGION}; for endpoints also AWS_REGION)
  --quirk a,b             embedded only: switch on emulator quirks to see the contracts catch them
                          (${QUIRK_NAMES.join(', ')})

Pacts (one source; default: this package's contracts/pacts, or the broker in PACT_BROKER_BASE_URL):
  --pact-dir DIR          a directory of pact files, or one file (repeatable)
  --pact-url URL          a pact by URL, e.g. from a broker (repeatable)
  --broker-url URL        a Pact Broker (default PACT_BROKER_BASE_URL); auth from PACT_BROKER_TOKEN
                          or PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD
  --provider NAME         provider name to fetch from the broker (default ${PROVIDER})
  --consumer-version-selector JSON
                          a selector (repeatable; default ${DEFAULT_SELECTORS.map((s) => JSON.stringify(s)).join(' ')})
  --enable-pending        pending pacts do not fail the verification
  --include-wip-pacts-since DATE
                          also verify work-in-progress pacts since DATE (YYYY-MM-DD)

Results:
  --publish-verification-results
                          publish the results to the broker (needs --provider-version)
  --provider-version V    the provider version the results are for (e.g. a git sha)
  --provider-branch B     the provider's branch
  --build-url URL         a link to the CI build, shown in the broker
  --baseline FILE         known failures: {"known": [{"id": "<interaction id>", "reason": "..."}]}
                          (an interaction's id is its description up to the first ': ')
  --report FILE           write the results as JSON
  --log-level L           Pact log level: ${LOG_LEVELS.join(', ')} (default error)

Exit codes: 0 every interaction verified; 1 an interaction failed (or a baseline entry is stale
or fixed); 2 usage error, unreachable target, or no pacts could be read.
Credentials for endpoints come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default: testing).`;

/**
 * The verifier, loaded only when this command runs: @pact-foundation/pact and its native core are
 * needed here and nowhere else in the CLI.
 */
async function loadVerifier(): Promise<typeof import('../pact/verify.js')> {
  try {
    return await import('../pact/verify.js');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && /@pact-foundation\/pact/.test((error as Error).message))
      throw new UsageError('verify-pacts needs @pact-foundation/pact: npm install --save-dev @pact-foundation/pact');
    throw error;
  }
}

const isUrl = (value: string) => /^https?:\/\/[^\s/]+/.test(value);

function selectorsOf(values: string[] | undefined): Record<string, unknown>[] {
  if (!values || values.length === 0) return DEFAULT_SELECTORS;
  return values.map((text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new UsageError(`--consumer-version-selector must be JSON such as '{"mainBranch":true}', not '${text}'`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`--consumer-version-selector must be a JSON object, not '${text}'`);
    return value as Record<string, unknown>;
  });
}

function sourceOf(opts: { 'pact-dir'?: string[]; 'pact-url'?: string[]; 'broker-url'?: string; 'consumer-version-selector'?: string[]; 'enable-pending'?: boolean; 'include-wip-pacts-since'?: string }): PactSource {
  const given = [opts['pact-dir'] && '--pact-dir', opts['pact-url'] && '--pact-url', opts['broker-url'] && '--broker-url'].filter(Boolean);
  if (given.length > 1) throw new UsageError(`use one pact source, not ${given.join(' and ')}`);
  const brokerOnly = ['consumer-version-selector', 'enable-pending', 'include-wip-pacts-since'] as const;
  const brokerUrl = opts['broker-url'] ?? (given.length === 0 ? process.env.PACT_BROKER_BASE_URL : undefined);
  if (!brokerUrl) for (const o of brokerOnly) if (opts[o] !== undefined) throw new UsageError(`--${o} goes with a broker (--broker-url or PACT_BROKER_BASE_URL)`);
  if (opts['pact-url']) {
    for (const url of opts['pact-url']) if (!isUrl(url)) throw new UsageError(`--pact-url must be an http(s) URL, not '${url}'`);
    return { kind: 'urls', urls: opts['pact-url'] };
  }
  if (opts['pact-dir']) {
    for (const path of opts['pact-dir']) if (!existsSync(path)) throw new UsageError(`--pact-dir ${path} does not exist`);
    return { kind: 'files', paths: opts['pact-dir'] };
  }
  if (brokerUrl) {
    if (!isUrl(brokerUrl)) throw new UsageError(`the broker URL must be an http(s) URL, not '${brokerUrl}'`);
    const since = opts['include-wip-pacts-since'];
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new UsageError(`--include-wip-pacts-since must be a date YYYY-MM-DD, not '${since}'`);
    return {
      kind: 'broker',
      url: brokerUrl,
      selectors: selectorsOf(opts['consumer-version-selector']),
      ...(opts['enable-pending'] ? { enablePending: true } : {}),
      ...(since ? { includeWipPactsSince: since } : {}),
    };
  }
  return { kind: 'files', paths: [join(packageRoot(), 'contracts', 'pacts')] };
}

const describeSource = (source: PactSource) =>
  source.kind === 'broker' ? `broker ${source.url}` : source.kind === 'urls' ? source.urls.join(', ') : source.paths.join(', ');

function summaryLines(results: readonly CheckedResult[], stale: readonly string[], colour: Paint): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (r.status === 'failed') lines.push(`${colour.red('FAILED')}  ${r.description}`, ...r.reasons.map((why) => `          ${why}`));
    if (r.status === 'known') lines.push(`known   ${r.description} (${r.knownReason})`);
    if (r.status === 'fixed') lines.push(`FIXED   ${r.description}: passes now; remove it from the baseline`);
  }
  for (const id of stale) lines.push(`STALE   baseline entry '${id}' names no verified interaction`);
  const count = (s: CheckedResult['status']) => results.filter((r) => r.status === s).length;
  const parts = [`${count('passed')} passed`, `${count('failed')} failed`];
  if (count('known')) parts.push(`${count('known')} known`);
  if (count('fixed')) parts.push(`${count('fixed')} fixed`);
  if (count('pending')) parts.push(`${count('pending')} pending`);
  lines.push(`${results.length} interactions: ${parts.join(', ')}`);
  return lines;
}

/**
 * Runs `lambda-eic verify-pacts` and returns its exit code; usage errors throw `UsageError`.
 * @example await verifyPactsCommand(['--target', 'endpoint', '--endpoint-url', 'http://127.0.0.1:5000']) // 0, 1 or 2
 */
export async function verifyPactsCommand(argv: string[]): Promise<number> {
  const opts = parseOptions(
    argv,
    {
      target: { type: 'string' },
      'endpoint-url': { type: 'string' },
      region: { type: 'string' },
      quirk: { type: 'string' },
      'pact-dir': { type: 'string', multiple: true },
      'pact-url': { type: 'string', multiple: true },
      'broker-url': { type: 'string' },
      provider: { type: 'string' },
      'consumer-version-selector': { type: 'string', multiple: true },
      'enable-pending': { type: 'boolean' },
      'include-wip-pacts-since': { type: 'string' },
      'publish-verification-results': { type: 'boolean' },
      'provider-version': { type: 'string' },
      'provider-branch': { type: 'string' },
      'build-url': { type: 'string' },
      baseline: { type: 'string' },
      report: { type: 'string' },
      'log-level': { type: 'string' },
    },
    VERIFY_HELP,
  );
  if (!opts) return 0;
  const targetKind = opts.target ?? 'embedded';
  if (targetKind !== 'embedded' && targetKind !== 'endpoint') throw new UsageError(`--target must be embedded or endpoint, not '${targetKind}'`);
  const endpointUrl = opts['endpoint-url'];
  if (targetKind === 'endpoint' && !endpointUrl) throw new UsageError('--target endpoint needs --endpoint-url URL');
  if (targetKind === 'embedded' && endpointUrl) throw new UsageError('--endpoint-url goes with --target endpoint');
  if (endpointUrl && !isUrl(endpointUrl)) throw new UsageError(`--endpoint-url must be an http(s) URL, not '${endpointUrl}'`);
  const quirks = quirksOption(opts.quirk);
  if (quirks.length > 0 && targetKind !== 'embedded') throw new UsageError('--quirk works with the embedded target only');
  const logLevel = opts['log-level'] ?? 'error';
  if (!LOG_LEVELS.includes(logLevel as never)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not '${logLevel}'`);
  const source = sourceOf(opts);
  const publishing = opts['publish-verification-results'] === true;
  if (!publishing && (opts['provider-branch'] || opts['build-url'])) throw new UsageError('--provider-branch and --build-url go with --publish-verification-results');
  if (publishing && !opts['provider-version']) throw new UsageError('--publish-verification-results needs --provider-version V');
  if (publishing && source.kind === 'files') throw new UsageError('--publish-verification-results needs pacts from a broker (--broker-url, PACT_BROKER_BASE_URL or --pact-url)');
  if (opts.provider && source.kind !== 'broker') throw new UsageError('--provider goes with a broker source');
  const publish: PublishOptions | undefined = publishing
    ? {
        providerVersion: opts['provider-version']!,
        ...(opts['provider-branch'] ? { providerBranch: opts['provider-branch'] } : {}),
        ...(opts['build-url'] ? { buildUrl: opts['build-url'] } : {}),
      }
    : undefined;
  let baseline: Baseline | undefined;
  try {
    baseline = opts.baseline ? readBaseline(opts.baseline) : undefined;
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
  if (!inVerifyChild()) return verifyInChild(argv, ['info', 'debug', 'trace'].includes(logLevel));
  const { verifyPacts } = await loadVerifier();
  const region = opts.region ?? (targetKind === 'endpoint' ? process.env.AWS_REGION : undefined) ?? DEFAULT_REGION;
  const runPrefix = `eic-${randomBytes(3).toString('hex')}`;
  const { target, endpoint }: VerifyTarget =
    targetKind === 'embedded'
      ? await embeddedVerifyTarget({ region, runPrefix, emulator: new Emulator({ quirks }) })
      : endpointVerifyTarget({ endpoint: endpointUrl!, region, runPrefix });
  try {
    let identity;
    try {
      identity = await target.connect();
    } catch (error) {
      if (error instanceof TargetUnreachable) {
        console.error(`lambda-eic verify-pacts: ${error.message}`);
        return 2;
      }
      throw error;
    }
    const label = quirks.length > 0 ? `${target.label} with quirks ${quirks.join(', ')}` : target.label;
    say(`lambda-eic verify-pacts: pacts from ${describeSource(source)} against ${label} (region ${identity.region}, account ${identity.account})`);
    const brokerAuth = {
      ...(process.env.PACT_BROKER_TOKEN ? { token: process.env.PACT_BROKER_TOKEN } : {}),
      ...(process.env.PACT_BROKER_USERNAME ? { username: process.env.PACT_BROKER_USERNAME } : {}),
      ...(process.env.PACT_BROKER_PASSWORD ? { password: process.env.PACT_BROKER_PASSWORD } : {}),
    };
    const report = await verifyPacts({
      target,
      identity,
      endpoint,
      source,
      runPrefix,
      brokerAuth,
      logLevel: logLevel as (typeof LOG_LEVELS)[number],
      ...(opts.provider ? { provider: opts.provider } : {}),
      ...(publish ? { publish } : {}),
    });
    if (report.error !== undefined) {
      console.error(`lambda-eic verify-pacts: the Pact core could not verify: ${report.error.split('\n')[0]}`);
      return 2;
    }
    for (const error of report.loadErrors) console.error(`lambda-eic verify-pacts: ${error}`);
    if (report.interactions.length === 0) {
      console.error(`lambda-eic verify-pacts: no interaction was verified${report.loadErrors.length > 0 ? '' : ` (no pacts in ${describeSource(source)})`}`);
      return 2;
    }
    const { results, stale } = baseline ? applyPactBaseline(report.interactions, baseline) : { results: report.interactions, stale: [] };
    say([...summaryLines(results, stale, verifyPaint()), `verified in ${report.durationMs} ms`].join('\n'));
    if (opts.report) {
      const written = { target: label, source: describeSource(source), durationMs: report.durationMs, results, stale, stateProblems: report.stateProblems, loadErrors: report.loadErrors };
      writeFileSync(opts.report, `${JSON.stringify(written, null, 2)}\n`);
      say(`wrote ${opts.report}`);
    }
    const failed = results.some((r) => r.status === 'failed' || r.status === 'fixed') || stale.length > 0 || report.loadErrors.length > 0;
    return failed ? 1 : 0;
  } finally {
    await target.dispose();
  }
}
