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
import { route, type RouteMatch } from './router.js';
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

const BASE = 'http://emulator.invalid';
const ABSOLUTE_FORM = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/;
/**
 * An origin-form target of characters a URL parser keeps as they are (no fragment, backslash,
 * space, non-ASCII or leading `//`): its path is the text before `?` and its query parses to the
 * same parameters as `new URL(target).searchParams`, without building a URL.
 */
const PLAIN_TARGET = /^\/(?!\/)[\w\-.~%!$&'()*+,;=:@/?]*$/;

/** A request target split once: the path as sent, the query, and the normalised path (for messages only). */
export interface Target {
  readonly rawPath: string;
  readonly query: URLSearchParams;
  pathname(): string;
}

/**
 * The request target, or undefined when no URL parser would take it. `viaUrl` forces the URL
 * parser (the reference the plain-target shortcut must agree with).
 * @example parseTarget('/2019-09-25/functions/f/event-invoke-config?Qualifier=1')?.query.get('Qualifier') // '1'
 */
export function parseTarget(target: string, viaUrl = false): Target | undefined {
  if (!viaUrl && PLAIN_TARGET.test(target)) {
    const q = target.indexOf('?');
    const pathname = () => new URL(target, BASE).pathname;
    return q === -1 ? { rawPath: target, query: new URLSearchParams(), pathname } : { rawPath: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)), pathname };
  }
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return undefined;
  }
  // The path as sent (encoded slashes kept), without the scheme and authority of an absolute-form target.
  const rawPath = target.replace(ABSOLUTE_FORM, '').split('?')[0] || url.pathname;
  return { rawPath, query: url.searchParams, pathname: () => url.pathname };
}

/** System contexts (clock and random ids) by account and region, built once: they hold no state. */
const SYSTEM_CONTEXTS = new Map<string, Context>();
const MAX_CACHED_CONTEXTS = 256;

function contextFor(defaults: HandlerDefaults, region: string): Context {
  if (defaults.context) return defaults.context(region, defaults.account);
  const key = `${defaults.account}/${region}`;
  let context = SYSTEM_CONTEXTS.get(key);
  if (!context) {
    // Regions come from request headers: the cache stays bounded whatever clients send.
    if (SYSTEM_CONTEXTS.size >= MAX_CACHED_CONTEXTS) SYSTEM_CONTEXTS.clear();
    context = systemContext({ region, account: defaults.account });
    SYSTEM_CONTEXTS.set(key, context);
  }
  return context;
}

/**
 * Request targets, split and routed, by method and target: clients repeat the same few, and both
 * steps are pure functions of the two. Bounded (cleared when full; long targets are not kept).
 */
const ROUTED = new Map<string, { readonly target: Target; readonly match: RouteMatch } | null>();
const MAX_ROUTED = 1024;
const MAX_ROUTED_TARGET = 256;

function routed(method: string, url: string): { readonly target: Target; readonly match: RouteMatch } | null {
  const key = `${method} ${url}`;
  let found = ROUTED.get(key);
  if (found === undefined) {
    const target = parseTarget(url);
    found = target ? { target, match: route(method, target.rawPath, target.query) } : null;
    if (url.length <= MAX_ROUTED_TARGET) {
      if (ROUTED.size >= MAX_ROUTED) ROUTED.clear();
      ROUTED.set(key, found);
    }
  }
  return found;
}

/**
 * Answers one request as AWS Lambda would (or the control API, under its prefix).
 * @example handleHttp(emulator, { account: '123456789012', region: 'us-east-1' }, { method: 'GET', url: '/2019-09-25/functions/f/event-invoke-config', headers: {}, body: Buffer.alloc(0) }).status // 404
 */
export function handleHttp(emulator: Emulator, defaults: HandlerDefaults, request: HttpRequestLike): WireResponse {
  if (isControl(request.url)) return handleControl(emulator, request, defaults.controlToken);
  const requestId = randomUUID();
  const found = routed(request.method, request.url);
  if (!found) return emulator.wire(encodeError(fail('unknownOperation', request.method, request.url), requestId));
  const { target, match } = found;
  return emulator.wire(answerLambda(emulator, defaults, request, target, match, requestId), match.kind === 'operation' ? match.operation : undefined);
}

function answerLambda(emulator: Emulator, defaults: HandlerDefaults, request: HttpRequestLike, target: Target, match: RouteMatch, requestId: string): WireResponse {
  try {
    if (match.kind === 'unknown') return encodeError(fail('unknownOperation', request.method, target.pathname()), requestId);
    if (match.kind === 'unsupported') return encodeError(fail('unsupportedOperation', match.operation), requestId);
    const refused = emulator.layer?.authenticate?.(request);
    if (refused) return encodeError(refused, requestId);
    const region = regionOf(request.headers, target.query) ?? defaults.region;
    const context = contextFor(defaults, region);
    const input = decodeRequest({ operation: match.operation, labels: match.labels, query: target.query, body: request.body });
    return encodeOutcome(emulator.invoke(match.operation, input, context), requestId);
  } catch (error) {
    if (error instanceof AwsError) return encodeError(error, requestId);
    const message = error instanceof Error ? error.message : String(error);
    return encodeError(new AwsError('ServiceException', `lambda-eic-conformance internal error: ${message}`), requestId);
  }
}
