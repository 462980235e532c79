/**
 * One HTTP exchange, transport-free: method, URL, headers and body in; status, headers and body
 * out. The HTTP server and the nock interceptor both call this, so they cannot disagree.
 */
import { randomUUID } from 'node:crypto';
import { fail } from '../model/aws-error.js';
import { systemContext, type Context } from '../model/context.js';
import type { Emulator } from '../model/emulator.js';
import { decodeRequest, encodeError, encodeOutcome, type WireResponse } from './codec.js';
import { CONTROL_PREFIX, handleControl } from './control-api.js';
import { route } from './router.js';
import { AwsError } from '../model/aws-error.js';

export interface HttpRequestLike {
  readonly method: string;
  /** Path and query, as on the request line (`/2019-09-25/functions/f/event-invoke-config?Qualifier=1`). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export interface HandlerDefaults {
  readonly account: string;
  readonly region: string;
  /** Builds the context of each call; defaults to the system clock and random ids. */
  readonly context?: (region: string, account: string) => Context;
  /** The value the control API's `x-lambda-eic-control` header must have; any non-empty value when unset. */
  readonly controlToken?: string;
}

/**
 * The control API is reached only by an origin-form target that starts with the prefix, as sent:
 * routing and the control API see the same raw path, so no dot segment, `%2e`, backslash or
 * absolute-form target that a URL parser would normalise can lead there.
 */
const isControl = (target: string): boolean =>
  target.startsWith(CONTROL_PREFIX) && (target.length === CONTROL_PREFIX.length || target[CONTROL_PREFIX.length] === '/' || target[CONTROL_PREFIX.length] === '?');

const CREDENTIAL_REGION = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\//;

/**
 * The region a request is signed for (SigV4 credential scope), if it carries one.
 * @example regionOf({ authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-2/lambda/aws4_request, ...' }, new URLSearchParams()) // 'us-east-2'
 */
export function regionOf(headers: HttpRequestLike['headers'], query: URLSearchParams): string | undefined {
  const auth = headers.authorization ?? headers.Authorization;
  const header = Array.isArray(auth) ? auth[0] : auth;
  const scope = header ?? (query.has('X-Amz-Credential') ? `Credential=${query.get('X-Amz-Credential')}` : undefined);
  return scope ? CREDENTIAL_REGION.exec(scope)?.[1] : undefined;
}

/**
 * Answers one request as AWS Lambda would (or the control API, under its prefix).
 * @example handleHttp(emulator, { account: '123456789012', region: 'us-east-1' }, { method: 'GET', url: '/2019-09-25/functions/f/event-invoke-config', headers: {}, body: Buffer.alloc(0) }).status // 404
 */
export function handleHttp(emulator: Emulator, defaults: HandlerDefaults, request: HttpRequestLike): WireResponse {
  if (isControl(request.url)) return handleControl(emulator, request, defaults.controlToken);
  const requestId = randomUUID();
  let url: URL;
  try {
    url = new URL(request.url, 'http://emulator.invalid');
  } catch {
    return emulator.wire(encodeError(fail('unknownOperation', request.method, request.url), requestId));
  }
  // The path as sent (encoded slashes kept), without the scheme and authority of an absolute-form target.
  const rawPath = request.url.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/, '').split('?')[0] || url.pathname;
  const match = route(request.method, rawPath, url.searchParams);
  return emulator.wire(answerLambda(emulator, defaults, request, url, match, requestId), match.kind === 'operation' ? match.operation : undefined);
}

function answerLambda(emulator: Emulator, defaults: HandlerDefaults, request: HttpRequestLike, url: URL, match: ReturnType<typeof route>, requestId: string): WireResponse {
  try {
    const path = url.pathname;
    if (match.kind === 'unknown') return encodeError(fail('unknownOperation', request.method, path), requestId);
    if (match.kind === 'unsupported') return encodeError(fail('unsupportedOperation', match.operation), requestId);
    const refused = emulator.layer?.authenticate?.(request);
    if (refused) return encodeError(refused, requestId);
    const region = regionOf(request.headers, url.searchParams) ?? defaults.region;
    const context = defaults.context?.(region, defaults.account) ?? systemContext({ region, account: defaults.account });
    const input = decodeRequest({ operation: match.operation, labels: match.labels, query: url.searchParams, body: request.body });
    return encodeOutcome(emulator.invoke(match.operation, input, context), requestId);
  } catch (error) {
    if (error instanceof AwsError) return encodeError(error, requestId);
    const message = error instanceof Error ? error.message : String(error);
    return encodeError(new AwsError('ServiceException', `lambda-eic-conformance internal error: ${message}`), requestId);
  }
}
