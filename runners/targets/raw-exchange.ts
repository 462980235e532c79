/**
 * Raw HTTP requests for what the SDK will not send (a malformed JSON body, an unknown member),
 * signed with SigV4 like any SDK call, and observed as the runner observes SDK calls.
 */
import type { RawRequest } from '../../cases/scenario.js';
import { envCredentials, signRequest, type Credentials } from './sigv4.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './deadline.js';
import type { Observation, WireExchange } from './target.js';

const parse = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Carries one signed raw request and returns the answer; throws when there is no answer at all (or `signal` aborts). */
export type RawSend = (url: URL, method: string, headers: Record<string, string>, body: Buffer, signal?: AbortSignal) => Promise<WireExchange>;

/** Over the network, with fetch; the signal also ends a body that stalls after its headers. */
const fetchSend: RawSend = async (url, method, headers, body, signal) => {
  const { host: _host, ...sendable } = headers;
  const response = await fetch(url, { method, headers: sendable, ...(signal ? { signal } : {}), ...(body.length > 0 ? { body: body as Buffer<ArrayBuffer> } : {}) });
  const bodyText = await response.text();
  const wireHeaders: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    wireHeaders[key.toLowerCase()] = value;
  });
  return { status: response.status, headers: wireHeaders, bodyText };
};

/**
 * Sends one raw request to `origin` (signed for `region`) and observes the answer; an error's code
 * is its `x-amzn-ErrorType` (up to any `:`), its message the body's `message` or `Message`.
 * `send` carries it (default: fetch over the network).
 * @example await rawExchange('http://127.0.0.1:4010', 'us-east-1', { method: 'PUT', path: '/2019-09-25/functions/f/event-invoke-config', body: '{' })
 */
export async function rawExchange(
  origin: string,
  region: string,
  raw: RawRequest,
  credentials: Credentials = envCredentials(),
  send: RawSend = fetchSend,
  options: { readonly timeoutMs?: number; readonly signal?: AbortSignal | undefined } = {},
): Promise<Observation> {
  const url = new URL(raw.path, origin);
  const body = Buffer.from(raw.body ?? '', 'utf8');
  const query = Object.fromEntries(url.searchParams);
  const baseHeaders = { 'content-type': 'application/json', ...(raw.headers ?? {}) };
  const headers = await signRequest({ method: raw.method, endpoint: origin, path: url.pathname, query, headers: baseHeaders, body }, region, credentials);
  // Every raw request ends: the timeout covers headers and body.
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let wire: WireExchange;
  try {
    wire = await send(url, raw.method, headers, body, signal);
  } catch (error) {
    const timedOut = timeout.aborted && !options.signal?.aborted;
    const message = timedOut ? `no answer within ${options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS} ms` : (((error as Error).cause as Error | undefined)?.message ?? (error as Error).message);
    return { status: undefined, error: { code: timedOut ? 'TimeoutError' : 'NetworkError', message } };
  }
  const { status, headers: wireHeaders, bodyText } = wire;
  if (status < 400) return { status, output: parse(bodyText) ?? {}, wire };
  const json = parse(bodyText);
  const code = (wireHeaders['x-amzn-errortype'] ?? '').split(':')[0] || 'UnknownError';
  const message = String(json?.message ?? json?.Message ?? bodyText);
  return { status, error: { code, message }, wire };
}
