/**
 * The embedded emulator without a socket: the SDK's whole pipeline (serde, SigV4 signing, the
 * middleware stack) with a request handler that hands each request to `handleHttp` in this
 * process, the function the HTTP server calls. What the wire would carry is kept, so every wire
 * check runs; only node:http on both sides is left out. Fast enough to run the whole suite once per
 * quirk in the test suite.
 */
import { DEFAULT_ACCOUNT } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import { handleHttp, type HttpRequestLike } from '../../src/http/handler.js';
import type { WireResponse } from '../../src/http/codec.js';
import { httpTarget, type WireCapturingHandler } from './http-target.js';
import type { RawSend } from './raw-exchange.js';
import type { Target, WireExchange } from './target.js';

/** The origin the SDK is pointed at; nothing listens there, no request leaves the process. */
const ORIGIN = 'http://lambda-eic.in-process';

/** What the SDK hands a request handler (the fields of @smithy/protocol-http's HttpRequest we read). */
interface SdkHttpRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string | readonly string[] | null | undefined>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

const escapeUri = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The request line's target, built as @smithy/node-http-handler builds it (sorted, escaped query). */
function requestTarget(request: SdkHttpRequest): string {
  const parts: string[] = [];
  for (const key of Object.keys(request.query ?? {}).sort()) {
    const value = request.query![key];
    if (Array.isArray(value)) for (const item of value) parts.push(`${escapeUri(key)}=${escapeUri(item)}`);
    else parts.push(value || typeof value === 'string' ? `${escapeUri(key)}=${escapeUri(value as string)}` : escapeUri(key));
  }
  return parts.length > 0 ? `${request.path}?${parts.join('&')}` : request.path;
}

const bodyBytes = (body: unknown): Buffer =>
  body === undefined || body === null
    ? Buffer.alloc(0)
    : typeof body === 'string'
      ? Buffer.from(body, 'utf8')
      : body instanceof Uint8Array
        ? Buffer.from(body.buffer, body.byteOffset, body.byteLength)
        : Buffer.from(String(body), 'utf8');

/** The answer as a client reads it off node:http: header names lower-cased, Content-Length and Date added. */
function asReceived(answer: WireResponse): WireExchange {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) headers[name.toLowerCase()] = value;
  headers['content-length'] = String(Buffer.byteLength(answer.body));
  headers.date = new Date().toUTCString();
  return { status: answer.status, headers, bodyText: answer.body };
}

/**
 * A request handler for the SDK that answers in-process. Each answer comes back on a later turn
 * of the event loop (setImmediate), as a socket's would, so that concurrent calls interleave the
 * way they do over HTTP and `take()` hands each caller its own exchange.
 * @example new LambdaClient({ endpoint: 'http://x.invalid', requestHandler: new InProcessHandler((r) => handleHttp(emulator, defaults, r)) })
 */
export class InProcessHandler implements WireCapturingHandler {
  private last: WireExchange | undefined;

  constructor(private readonly answer: (request: HttpRequestLike) => WireResponse) {}

  handle(request: SdkHttpRequest): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Uint8Array } }> {
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          const wire = asReceived(this.answer({ method: request.method, url: requestTarget(request), headers: request.headers, body: bodyBytes(request.body) }));
          this.last = wire;
          resolve({ response: { statusCode: wire.status, headers: { ...wire.headers }, body: Buffer.from(wire.bodyText, 'utf8') } });
        } catch (error) {
          reject(error);
        }
      }),
    );
  }

  take(): WireExchange | undefined {
    const last = this.last;
    this.last = undefined;
    return last;
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

/**
 * A raw request answered in-process.
 * @example await rawExchange(ORIGIN, 'us-east-1', raw, inProcessRawSend(answer))
 */
export const inProcessRawSend =
  (answer: (request: HttpRequestLike) => WireResponse): RawSend =>
  async (url, method, headers, body) =>
    asReceived(answer({ method, url: `${url.pathname}${url.search}`, headers, body }));

/**
 * The suite's target answered by an emulator in this process, with no socket.
 * @example const target = await inProcessTarget({ region: 'us-east-1', runPrefix: 'eic-ab12', emulator: quirkyEmulator(['html-errors']) });
 */
export async function inProcessTarget(options: { region: string; runPrefix: string; emulator?: Emulator; account?: string }): Promise<Target> {
  const emulator = options.emulator ?? new Emulator();
  const defaults = { account: options.account ?? DEFAULT_ACCOUNT, region: options.region };
  const answer = (request: HttpRequestLike) => handleHttp(emulator, defaults, request);
  const { endpoint: _none, ...target } = httpTarget({
    label: 'in-process',
    endpoint: ORIGIN,
    region: options.region,
    runPrefix: options.runPrefix,
    transport: { handler: new InProcessHandler(answer), sendRaw: inProcessRawSend(answer) },
  });
  // Faults go straight to the emulator's plan (scenario steps with `fault`, fuzz's Fault action).
  return { ...target, armFault: async (operation, fault) => void emulator.faults.add({ operation, times: 1, ...fault }) };
}
