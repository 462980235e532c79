/**
 * Runs the Pact Verifier against a target: pacts from files, URLs or a Pact Broker; the request
 * filter arranges each interaction's provider states through the target's own Lambda API, rewrites
 * and signs the replayed request; the answer is matched by the Pact core. Returns one result per
 * interaction, with the reasons of each failure.
 */
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { PROVIDER } from '../../contracts/values.js';
import type { Identity, Target } from '../targets/target.js';
import { requestFilter } from './request-filter.js';
import { parseVerifierOutput, type InteractionResult } from './results.js';
import { VerificationSession, type StateProblem } from './session.js';
import { envCredentials } from '../targets/sigv4.js';

export type PactSource =
  | { readonly kind: 'files'; readonly paths: readonly string[] }
  | { readonly kind: 'urls'; readonly urls: readonly string[] }
  | { readonly kind: 'broker'; readonly url: string; readonly selectors?: readonly Record<string, unknown>[]; readonly enablePending?: boolean; readonly includeWipPactsSince?: string };

export interface BrokerAuth {
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
}

export interface PublishOptions {
  readonly providerVersion: string;
  readonly providerBranch?: string;
  readonly buildUrl?: string;
}

export interface VerifyOptions {
  readonly target: Target;
  readonly identity: Identity;
  /** Base URL of the target's Lambda API. */
  readonly endpoint: string;
  readonly source: PactSource;
  readonly runPrefix: string;
  readonly brokerAuth?: BrokerAuth;
  readonly publish?: PublishOptions;
  readonly provider?: string;
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

export interface VerifyReport {
  readonly passed: boolean;
  readonly interactions: readonly InteractionResult[];
  readonly stateProblems: readonly StateProblem[];
  /** The core's own error when it could not run at all (its options refused). */
  readonly error?: string;
  /** Pacts that could not be loaded (a broker out of reach, no pacts for the selectors). */
  readonly loadErrors: readonly string[];
  readonly durationMs: number;
}

/**
 * The Verifier options for a source, the broker's auth and the publishing of results.
 * @example verifierOptions({ ...options, source: { kind: 'broker', url: 'https://broker', selectors: [{ mainBranch: true }] } }).pactBrokerUrl // 'https://broker'
 */
export function verifierOptions(options: VerifyOptions): VerifierOptions {
  const { source, brokerAuth, publish } = options;
  const auth = {
    ...(brokerAuth?.token ? { pactBrokerToken: brokerAuth.token } : {}),
    ...(brokerAuth?.username ? { pactBrokerUsername: brokerAuth.username } : {}),
    ...(brokerAuth?.password ? { pactBrokerPassword: brokerAuth.password } : {}),
  };
  return {
    provider: options.provider ?? PROVIDER,
    logLevel: options.logLevel ?? 'error',
    ...auth,
    ...(source.kind === 'files' ? { pactUrls: [...source.paths] } : {}),
    ...(source.kind === 'urls' ? { pactUrls: [...source.urls] } : {}),
    ...(source.kind === 'broker'
      ? {
          pactBrokerUrl: source.url,
          ...(source.selectors ? { consumerVersionSelectors: source.selectors as never } : {}),
          ...(source.enablePending ? { enablePending: true } : {}),
          ...(source.includeWipPactsSince ? { includeWipPactsSince: source.includeWipPactsSince } : {}),
        }
      : {}),
    ...(publish
      ? {
          publishVerificationResult: true,
          providerVersion: publish.providerVersion,
          ...(publish.providerBranch ? { providerVersionBranch: publish.providerBranch } : {}),
          ...(publish.buildUrl ? { buildUrl: publish.buildUrl } : {}),
        }
      : {}),
    failIfNoPactsFound: true,
    timeout: 60_000,
  };
}

/**
 * Verifies the pacts against the target.
 * @example const report = await verifyPacts({ target, identity: await target.connect(), endpoint, source: { kind: 'files', paths: ['contracts/pacts'] }, runPrefix: 'eic-ab12' });
 */
export async function verifyPacts(options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  const session = new VerificationSession(options.target, options.identity, options.runPrefix);
  const filter = requestFilter({ session, endpoint: options.endpoint, region: options.identity.region, credentials: envCredentials() });
  const verifier = new Verifier({
    ...verifierOptions(options),
    providerBaseUrl: options.endpoint,
    changeOrigin: false,
    requestFilter: filter as never,
  });
  let output: string;
  try {
    output = await verifier.verifyProvider();
  } catch (error) {
    output = error instanceof Error ? error.message : String(error);
  } finally {
    await session.tearDown();
  }
  const parsed = parseVerifierOutput(output);
  const interactions = parsed ? withStateProblems(parsed.interactions, session.problems) : [];
  const loadErrors = parsed?.loadErrors ?? [];
  return {
    passed: parsed !== undefined && loadErrors.length === 0 && interactions.length > 0 && interactions.every((i) => i.status !== 'failed'),
    interactions,
    stateProblems: session.problems,
    loadErrors,
    ...(parsed === undefined ? { error: output.trim() || 'the Pact core gave no result' } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * An interaction whose states could not be set up failed for that reason, not for the mismatches
 * of the answer the filter gave in place of the target's; results are in the order verified.
 * @example withStateProblems(results, [{ interaction: 2, states: ['x'], message: "provider state 'x': no handler" }])[1].reasons // ["provider state 'x': no handler"]
 */
export function withStateProblems(results: readonly InteractionResult[], problems: readonly StateProblem[]): InteractionResult[] {
  return results.map((result, i) => {
    const own = problems.filter((p) => p.interaction === i + 1);
    return own.length === 0 ? result : { description: result.description, status: 'failed', reasons: own.map((p) => p.message) };
  });
}
