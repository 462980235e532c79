/**
 * The Verifier's request filter: every request of the Pact core passes here before it reaches the
 * target. State-change calls are answered by the session; replayed requests are rewritten to the
 * run's names, signed with SigV4 and sent on, or, when their states could not be set up (a state
 * no handler knows, unusable params, an arrangement the target refused), answered here with a 500
 * naming the state, which fails the interaction.
 *
 * A failing state is not answered 500 on the state-change call itself: the Pact core then skips
 * the request and the teardown, so the next interaction's states could not be told apart.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VerificationSession } from './session.js';
import { queryString, rewriteJson, rewritePath, rewriteQuery, type Replace } from './rewrite.js';
import { signRequest, type Credentials } from '../targets/sigv4.js';

/** Where Pact JS's Verifier proxy receives state changes (`Verifier.stateSetupPath`). */
export const STATE_CHANGE_PATH = '/_pactSetup';

/** The header on answers the filter makes itself instead of the target. */
export const FILTER_HEADER = 'x-lambda-eic-verify';

/** The request as the Verifier's express proxy hands it over (body already parsed by body-parser). */
export interface ProxiedRequest extends IncomingMessage {
  url: string;
  body?: unknown;
}

export interface FilterOptions {
  readonly session: VerificationSession;
  /** The target's base URL (the host that is signed). */
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: Credentials;
}

type Next = (error?: unknown) => void;

/** Headers the filter sets itself (framing, host, signature) or that must not travel on. */
const REPLACED_HEADERS = ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'];

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), [FILTER_HEADER]: 'provider-state' });
  res.end(text);
}

/** The body bytes of the replayed request, rewritten (JSON bodies member by member). */
function rewriteBody(body: unknown, replace: Replace): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) {
    if (body.length === 0) return body;
    try {
      return Buffer.from(JSON.stringify(rewriteJson(JSON.parse(body.toString('utf8')), replace)));
    } catch {
      return body;
    }
  }
  return Buffer.from(JSON.stringify(rewriteJson(body, replace)));
}

/** Rewrites and signs a replayed request in place. */
async function prepare(req: ProxiedRequest, replace: Replace, options: FilterOptions): Promise<void> {
  const [rawPath = '/', search = ''] = req.url.split(/\?(.*)/s);
  const path = rewritePath(rawPath, replace);
  const query = rewriteQuery(search, replace);
  const body = rewriteBody(req.body, replace);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined && !REPLACED_HEADERS.includes(name.toLowerCase())) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  if (body.length > 0 || ['PUT', 'POST', 'PATCH'].includes(req.method ?? '')) headers['content-length'] = String(body.length);
  const signed = await signRequest({ method: req.method ?? 'GET', endpoint: options.endpoint, path, query: Object.fromEntries(query), headers, body }, options.region, options.credentials);
  for (const name of Object.keys(req.headers)) delete req.headers[name];
  Object.assign(req.headers, signed);
  const rewrittenSearch = queryString(query);
  req.url = `${path}${rewrittenSearch ? `?${rewrittenSearch}` : ''}`;
  req.body = body;
}

/**
 * The filter for the Verifier's `requestFilter` option.
 * @example new Verifier({ providerBaseUrl, requestFilter: requestFilter({ session, endpoint, region, credentials: envCredentials() }) })
 */
export function requestFilter(options: FilterOptions) {
  return (req: ProxiedRequest, res: ServerResponse, next: Next): void => {
    handle(req, res, options).then(
      (forward) => (forward ? next() : undefined),
      (error: unknown) => answer(res, 500, { message: `lambda-eic verify-pacts: ${error instanceof Error ? error.message : String(error)}` }),
    );
  };
}

async function handle(req: ProxiedRequest, res: ServerResponse, options: FilterOptions): Promise<boolean> {
  const path = req.url.split('?')[0];
  if (req.method === 'POST' && path === STATE_CHANGE_PATH) {
    const { action, state, params } = (req.body ?? {}) as { action?: string; state?: string; params?: Record<string, unknown> };
    await options.session.stateChange(String(action), state ?? '', params);
    answer(res, 200, {});
    return false;
  }
  const prepared = await options.session.beforeRequest();
  if ('error' in prepared) {
    answer(res, 500, { message: `lambda-eic verify-pacts did not send this request to the target: ${prepared.error}` });
    return false;
  }
  await prepare(req, prepared.replace, options);
  return true;
}
