/**
 * A request handler that remembers each raw answer (status, headers, body) before the SDK parses
 * it, so the runner can check the wire as well as the parsed result. It also bounds every call:
 * headers and body must arrive within the request timeout (the SDK's own `requestTimeout` stops
 * counting once headers arrive, so a body that stalls would hang without this).
 */
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { withDeadline } from './deadline.js';
import type { WireExchange } from './target.js';

type Handle = NodeHttpHandler['handle'];

const toBytes = async (body: unknown): Promise<Uint8Array> => {
  if (body instanceof Uint8Array) return body;
  if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
  return new Uint8Array();
};

export interface WireCaptureOptions {
  /** Connecting may take this long (ms). */
  readonly connectionTimeout?: number;
  /** A whole call, headers and body, may take this long (ms); 0 for no limit. */
  readonly requestTimeout?: number;
}

/**
 * Wraps the SDK's Node handler; `take()` returns the last raw answer and forgets it.
 * @example const capture = new WireCapture({ requestTimeout: 15_000 }); new LambdaClient({ requestHandler: capture });
 */
export class WireCapture extends NodeHttpHandler {
  private last: WireExchange | undefined;
  private readonly timeoutMs: number;

  constructor(options: WireCaptureOptions = {}) {
    super({ ...options, throwOnRequestTimeout: true });
    this.timeoutMs = options.requestTimeout ?? 0;
  }

  override async handle(...[request, options = {}]: Parameters<Handle>): ReturnType<Handle> {
    const stop = new AbortController();
    const outer = options.abortSignal as AbortSignal | undefined;
    const abortSignal = outer ? AbortSignal.any([stop.signal, outer]) : stop.signal;
    const until = Date.now() + this.timeoutMs;
    const result = await withDeadline(super.handle(request, { ...options, abortSignal }), this.timeoutMs, () => stop.abort());
    const body = result.response.body as { destroy?: () => void } | undefined;
    const left = this.timeoutMs > 0 ? Math.max(1, until - Date.now()) : 0;
    const bytes = await withDeadline(toBytes(body), left, () => body?.destroy?.(), outer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(result.response.headers)) headers[k.toLowerCase()] = String(v);
    this.last = { status: result.response.statusCode, headers, bodyText: Buffer.from(bytes).toString('utf8') };
    result.response.body = bytes;
    return result;
  }

  take(): WireExchange | undefined {
    const last = this.last;
    this.last = undefined;
    return last;
  }
}
