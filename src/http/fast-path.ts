/**
 * The fast path of the HTTP server: the plain requests SDKs send (HTTP/1.1, one request line,
 * unique token-named headers of printable characters, a body framed by Content-Length and already
 * received) are read straight from the socket's bytes and answered with the bytes Node's
 * `ServerResponse` would write. Everything else (chunked bodies, `Expect`, `Upgrade`, HTTP/1.0,
 * bodies still arriving, odd characters, anything malformed) is `'node'`: the connection goes to
 * node:http, which answers it exactly as before. The fast path never decides what is malformed.
 */
import { STATUS_CODES } from 'node:http';
import { NO_BODY } from './body.js';
import type { WireResponse } from './codec.js';

/** A request read whole from the bytes at hand. `next` is where the following request starts. */
export interface FastRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  readonly next: number;
}

/** Methods the fast path reads (HEAD and OPTIONS answers differ in framing: node:http takes them). */
const METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'PATCH']);
/** A request target the fast path reads: origin-form, visible ASCII. */
const TARGET = /^\/[\x21-\x7e]*$/;
/** A header name (a token) and a header value (visible characters, spaces and tabs). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\x20-\x7e\t]*$/;
const isSpace = (c: number): boolean => c === 32 || c === 9;
/** Headers that change framing or the connection: node:http handles requests that carry them. */
const NODE_HEADERS = new Set(['transfer-encoding', 'expect', 'upgrade', '__proto__']);
const CONTENT_LENGTH = /^\d{1,15}$/;
/** Heads of this size or more go to node:http, which enforces its header-size limit. */
const MAX_FAST_HEAD_BYTES = 8 * 1024;

/**
 * Reads the request that starts at `offset`: the request, `'incomplete'` when its head or body
 * has not all arrived, or `'node'` when node:http must read it. `maxBody` is the body size past
 * which node:http refuses the request (413) as it streams in. `text` is `bytes` read as latin1
 * (pass it when reading several requests from the same bytes: it is then converted once).
 * @example readRequest(Buffer.from('GET /x HTTP/1.1\r\nHost: a\r\n\r\n'), 0, 1024) // { method: 'GET', url: '/x', headers: { host: 'a' }, body: <empty>, next: 29 }
 */
export function readRequest(bytes: Buffer, offset: number, maxBody: (method: string, url: string) => number, text: string = bytes.toString('latin1')): FastRequest | 'incomplete' | 'node' {
  const headEnd = text.indexOf('\r\n\r\n', offset);
  if (headEnd === -1) return text.length - offset >= MAX_FAST_HEAD_BYTES ? 'node' : 'incomplete';
  if (headEnd - offset >= MAX_FAST_HEAD_BYTES) return 'node';
  let lineEnd = text.indexOf('\r\n', offset);
  const methodEnd = text.indexOf(' ', offset);
  const targetEnd = text.lastIndexOf(' ', lineEnd);
  if (methodEnd === -1 || targetEnd <= methodEnd || text.slice(targetEnd + 1, lineEnd) !== 'HTTP/1.1') return 'node';
  const method = text.slice(offset, methodEnd);
  const url = text.slice(methodEnd + 1, targetEnd);
  if (!METHODS.has(method) || !TARGET.test(url)) return 'node';
  const headers: Record<string, string> = {};
  while (lineEnd < headEnd) {
    const start = lineEnd + 2;
    lineEnd = text.indexOf('\r\n', start);
    const colon = text.indexOf(':', start);
    if (colon === -1 || colon > lineEnd) return 'node';
    const name = text.slice(start, colon);
    let from = colon + 1;
    let to = lineEnd;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    const value = text.slice(from, to);
    if (!TOKEN.test(name) || !FIELD_VALUE.test(value)) return 'node';
    const key = name.toLowerCase();
    if (headers[key] !== undefined || NODE_HEADERS.has(key)) return 'node';
    headers[key] = value;
  }
  const connection = headers.connection;
  if (connection !== undefined && connection.toLowerCase() !== 'keep-alive') return 'node';
  const length = headers['content-length'];
  const bodyStart = headEnd + 4;
  if (length === undefined) return { method, url, headers, body: NO_BODY, next: bodyStart };
  if (!CONTENT_LENGTH.test(length)) return 'node';
  const size = Number(length);
  if (size > maxBody(method, url)) return 'node';
  if (bodyStart + size > bytes.length) return 'incomplete';
  return { method, url, headers, body: size === 0 ? NO_BODY : bytes.subarray(bodyStart, bodyStart + size), next: bodyStart + size };
}

/** Status codes whose answers carry no body (node:http drops it but keeps Content-Length). */
const BODYLESS = new Set([204, 304]);

/**
 * The bytes node:http writes for `writeHead(status, { ...headers, 'Content-Length' })` then
 * `end(body)` on a kept-alive HTTP/1.1 connection: the same header order, `Date`, `Connection`
 * and `Keep-Alive` lines (node:http advertises whole seconds, and none for a keep-alive timeout of 0).
 * @example renderAnswer({ status: 404, headers: { 'x-amzn-RequestId': 'r' }, body: '' }, 'Mon, 30 Nov 2026 16:00:00 GMT', 5_000)
 * // 'HTTP/1.1 404 Not Found\r\nx-amzn-RequestId: r\r\nContent-Length: 0\r\nDate: Mon, 30 Nov 2026 16:00:00 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n'
 */
export function renderAnswer(answer: WireResponse, date: string, keepAliveTimeoutMs: number): string {
  let head = `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'unknown'}\r\n`;
  for (const name in answer.headers) head += `${name}: ${answer.headers[name]}\r\n`;
  head += `Content-Length: ${Buffer.byteLength(answer.body)}\r\nDate: ${date}\r\nConnection: keep-alive\r\n`;
  if (keepAliveTimeoutMs > 0) head += `Keep-Alive: timeout=${Math.floor(keepAliveTimeoutMs / 1000)}\r\n`;
  return BODYLESS.has(answer.status) ? `${head}\r\n` : `${head}\r\n${answer.body}`;
}

let cachedDate = '';
let dateExpires = 0;

/**
 * The `Date` header value, computed at most once a second (as node:http does).
 * @example httpDate() // 'Mon, 30 Nov 2026 16:00:00 GMT'
 */
export function httpDate(): string {
  const now = Date.now();
  if (now >= dateExpires) {
    cachedDate = new Date(now).toUTCString();
    dateExpires = now - (now % 1000) + 1000;
  }
  return cachedDate;
}
