/**
 * The reference emulator answered in this process without a socket: the real SDK client (serialise,
 * sign, parse) with a request handler that hands each request to `handleHttp`, the exchange the
 * embedded server uses. Same answers as the embedded target, raw answers included, at a fraction
 * of the cost; the fuzzer's oracle and the quirk matrix use it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { DEFAULT_ACCOUNT, systemContext } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import { handleHttp } from '../../src/http/handler.js';
import type { RawRequest, SdkRequest } from '../../cases/scenario.js';
import { observeWire } from './raw-exchange.js';
import { observeCall } from './sdk-calls.js';
import type { Target, WireExchange } from './target.js';

interface SdkHttpRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string | readonly string[] | null | undefined>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

const bodyBytes = (body: unknown): Buffer =>
  body === undefined || body === null
    ? Buffer.alloc(0)
    : typeof body === 'string'
      ? Buffer.from(body, 'utf8')
      : body instanceof Uint8Array
        ? Buffer.from(body.buffer, body.byteOffset, body.byteLength)
        : Buffer.alloc(0);

/**
 * A request handler for LambdaClient that answers with the emulator. Each call's raw answer goes
 * to the slot of the `send` it belongs to (async-local), so concurrent calls never swap answers.
 */
class InProcessHandler {
  private readonly slot = new AsyncLocalStorage<{ wire?: WireExchange }>();
  constructor(
    private readonly emulator: Emulator,
    private readonly defaults: { account: string; region: string },
  ) {}

  async handle(request: SdkHttpRequest): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Uint8Array } }> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {}))
      for (const item of Array.isArray(value) ? value : [value]) if (item !== null && item !== undefined) query.append(key, String(item));
    const search = query.size > 0 ? `?${query}` : '';
    const answer = handleHttp(
      this.emulator,
      { ...this.defaults, context: (region, account) => systemContext({ region, account }) },
      { method: request.method, url: `${request.path}${search}`, headers: request.headers, body: bodyBytes(request.body) },
    );
    const headers = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const slot = this.slot.getStore();
    if (slot) slot.wire = { status: answer.status, headers, bodyText: answer.body };
    return { response: { statusCode: answer.status, headers, body: new Uint8Array(Buffer.from(answer.body, 'utf8')) } };
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
  destroy(): void {}

  /** Runs `call` with its own slot for the raw answer, which `take` reads. */
  observe<T>(call: (take: () => WireExchange | undefined) => Promise<T>): Promise<T> {
    const slot: { wire?: WireExchange } = {};
    return this.slot.run(slot, () => call(() => slot.wire));
  }

  /** Answers a raw request (what the SDK will not send) directly. */
  raw(request: RawRequest): WireExchange {
    const answer = handleHttp(
      this.emulator,
      { ...this.defaults, context: (region, account) => systemContext({ region, account }) },
      { method: request.method, url: request.path, headers: { 'content-type': 'application/json', ...(request.headers ?? {}) }, body: Buffer.from(request.body ?? '', 'utf8') },
    );
    return { status: answer.status, headers: Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v])), bodyText: answer.body };
  }
}

/**
 * A target answered by an emulator in this process (default: a fresh one without quirks).
 * @example const target = inProcessTarget({ region: 'us-east-1', emulator: new Emulator({ quirks: ['put-merges'] }) });
 */
export function inProcessTarget(options: { region: string; emulator?: Emulator; account?: string; label?: string }): Target & { readonly emulator: Emulator } {
  const emulator = options.emulator ?? new Emulator();
  const account = options.account ?? DEFAULT_ACCOUNT;
  const handler = new InProcessHandler(emulator, { account, region: options.region });
  const client = new LambdaClient({
    region: options.region,
    endpoint: `https://lambda.${options.region}.amazonaws.com`,
    credentials: { accessKeyId: 'AKIDINPROCESS', secretAccessKey: 'in-process' },
    maxAttempts: 1,
    requestHandler: handler as never,
    // Nothing here checks signatures: skip signing (the costliest step of a call in this process).
    httpAuthSchemes: [{ schemeId: 'aws.auth#sigv4', identityProvider: () => async () => ({ accessKeyId: 'AKIDINPROCESS', secretAccessKey: 'in-process' }), signer: { sign: async (request: unknown) => request } }] as never,
  });
  return {
    label: options.label ?? 'in-process',
    emulator,
    observesWire: true,
    connect: async () => ({ account, region: options.region, partition: 'aws' }),
    send: (request: SdkRequest) => handler.observe((take) => observeCall(client, request, take)),
    sendRaw: async (request: RawRequest) => observeWire(handler.raw(request)),
    armFault: async (operation, fault) => void emulator.faults.add({ operation, times: 1, ...fault }),
    roleArn: async () => `arn:aws:iam::${account}:role/lambda-eic-conformance`,
    async dispose() {
      client.destroy();
    },
  };
}
