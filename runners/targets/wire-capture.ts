/**
 * A request handler that remembers each raw answer (status, headers, body) before the SDK parses
 * it, so the runner can check the wire as well as the parsed result.
 */
import { NodeHttpHandler } from '@smithy/node-http-handler';
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

/**
 * Wraps the SDK's Node handler; `take()` returns the last raw answer and forgets it.
 * @example const capture = new WireCapture(); new LambdaClient({ requestHandler: capture });
 */
export class WireCapture extends NodeHttpHandler {
  private last: WireExchange | undefined;

  override async handle(...args: Parameters<Handle>): ReturnType<Handle> {
    const result = await super.handle(...args);
    const bytes = await toBytes(result.response.body);
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
