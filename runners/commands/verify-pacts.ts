/**
 * `lambda-eic verify-pacts`: Pact provider verification of the event-invoke-config contracts (this
 * project's, a consumer's own, or a Pact Broker's) against the embedded emulator or any endpoint.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { packageRoot } from '../../cases/fixtures.js';
import { PROVIDER } from '../../contracts/values.js';
import { applyPactBaseline, type CheckedResult } from '../pact/baseline.js';
import { embeddedVerifyTarget, endpointVerifyTarget, type VerifyTarget } from '../pact/target.js';
import type { PactSource, PublishOptions } from '../pact/verify.js';
import { inVerifyChild, say, verifyInChild, verifyPaint } from '../pact/quiet-core.js';
import type { Paint } from '../reporters/colour.js';
import { URL_CHECK, defineCommand, matching, oneOf, renderHelp, runSpec, type OptionTable, type Values } from './model.js';
import { connectOrExit, labelWithQuirks, resolveTarget, targetOptions } from './target-options.js';
import { UsageError } from './usage.js';
import { Ledger } from '../targets/ledger.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';

const DEFAULT_SELECTORS = [{ mainBranch: true }, { deployedOrReleased: true }];
const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'trace'] as const;

const PACTS = "Pacts (one source; default: this package's contracts/pacts, or the broker in PACT_BROKER_BASE_URL)";
const RESULTS = 'Results';

const VERIFY_OPTIONS = {
  ...targetOptions(['embedded', 'endpoint'] as const),
  'pact-dir': { type: 'string', value: 'DIR', multiple: true, group: PACTS, description: 'a directory of pact files, or one file (repeatable)' },
  'pact-url': { type: 'string', value: 'URL', multiple: true, group: PACTS, description: 'a pact by URL, e.g. from a broker (repeatable)', check: URL_CHECK },
  'broker-url': {
    type: 'string',
    value: 'URL',
    group: PACTS,
    description: 'a Pact Broker; auth from PACT_BROKER_TOKEN\nor PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD',
    default: 'PACT_BROKER_BASE_URL',
  },
  provider: { type: 'string', value: 'NAME', group: PACTS, description: 'provider name to fetch from the broker', default: PROVIDER },
  'consumer-version-selector': {
    type: 'string',
    value: 'JSON',
    multiple: true,
    group: PACTS,
    description: `a selector (repeatable; default ${DEFAULT_SELECTORS.map((s) => JSON.stringify(s)).join(' ')})`,
  },
  'enable-pending': { type: 'boolean', group: PACTS, description: 'pending pacts do not fail the verification' },
  'include-wip-pacts-since': { type: 'string', value: 'DATE', group: PACTS, description: 'also verify work-in-progress pacts since DATE', check: matching(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD') },
  'publish-verification-results': { type: 'boolean', group: RESULTS, description: 'publish the results to the broker (needs --provider-version)' },
  'provider-version': { type: 'string', value: 'V', group: RESULTS, description: 'the provider version the results are for (e.g. a git sha)' },
  'provider-branch': { type: 'string', value: 'B', group: RESULTS, description: "the provider's branch" },
  'build-url': { type: 'string', value: 'URL', group: RESULTS, description: 'a link to the CI build, shown in the broker' },
  report: { type: 'string', value: 'FILE', group: RESULTS, description: "write the results as JSON (an interaction's id is its description up to the first ': ')" },
  'log-level': { type: 'string', value: 'L', group: RESULTS, description: `Pact log level: ${LOG_LEVELS.join(', ')}`, default: 'error', check: oneOf(LOG_LEVELS) },
} as const satisfies OptionTable;

export const VERIFY = defineCommand({
  name: 'verify-pacts',
  description: `Verifies Pact contracts for the provider '${PROVIDER}' against a target. Each
interaction's provider states are arranged through the target's own Lambda API under run-unique
function names; the replayed request is rewritten to those names (and the target's account and
region) and signed with SigV4; the Pact core matches the answer. A provider state without a
handler fails its interaction.`,
  options: VERIFY_OPTIONS,
  notes: `Exit codes: 0 every interaction verified; 1 an interaction failed (or a baseline entry is stale
or fixed); 2 usage error, unreachable target, or no pacts could be read.
Credentials for endpoints come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default: testing).`,
  run: (values, _positionals, argv) => verifyWith(values, argv),
});

export const VERIFY_HELP = renderHelp(VERIFY);

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

function sourceOf(opts: {
  'pact-dir'?: string[];
  'pact-url'?: string[];
  'broker-url'?: string;
  'consumer-version-selector'?: string[];
  'enable-pending'?: boolean;
  'include-wip-pacts-since'?: string;
}): PactSource {
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

const describeSource = (source: PactSource) => (source.kind === 'broker' ? `broker ${source.url}` : source.kind === 'urls' ? source.urls.join(', ') : source.paths.join(', '));

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
export const verifyPactsCommand = (argv: string[]): Promise<number> => runSpec(VERIFY, argv);

async function verifyWith(opts: Values<typeof VERIFY_OPTIONS>, argv: string[]): Promise<number> {
  const { kind: targetKind, endpoint: endpointUrl, region, quirks, baseline } = resolveTarget<'embedded' | 'endpoint'>(opts);
  const logLevel = opts['log-level'] ?? 'error';
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
  if (!inVerifyChild()) return verifyInChild(argv, ['info', 'debug', 'trace'].includes(logLevel));
  const { verifyPacts } = await loadVerifier();
  const runPrefix = `eic-${randomBytes(3).toString('hex')}`;
  // The probe function and the IAM role the target makes are deleted when verification ends.
  const ledger = new Ledger();
  const { target, endpoint }: VerifyTarget =
    targetKind === 'embedded'
      ? await embeddedVerifyTarget({ region, runPrefix, emulator: quirkyEmulator(quirks), ledger })
      : endpointVerifyTarget({ endpoint: endpointUrl!, region, runPrefix, ledger });
  try {
    const identity = await connectOrExit('verify-pacts', target);
    if (identity === 2) return 2;
    const label = labelWithQuirks(target.label, quirks);
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
    const { left } = await ledger.teardown(30_000);
    if (left.length > 0) console.error(`lambda-eic verify-pacts: could not delete what the run created: ${left.join(', ')}`);
    await target.dispose();
  }
}
