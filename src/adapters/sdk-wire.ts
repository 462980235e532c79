/**
 * Runs a command through the user's own client, minus its transport: the command's own
 * middleware stack (`command.resolveMiddleware`, what `client.send` calls) on a copy of the
 * client's stack without the steps that need credentials or the network (signing, identity
 * resolution, retries), ending in an in-memory request handler that answers from the model.
 * Serialisation, endpoint resolution and parsing are the client's own code, whatever its
 * version (schema-based serde or the older per-command serializers), so outputs and exceptions
 * are the classes of the copy the user imported. The handler never opens a socket: a request
 * can only ever reach the model.
 */
import type { HttpRequestLike } from '../http/handler.js';
import type { WireResponse } from '../http/codec.js';

/**
 * The middleware an in-memory answer must not or need not run, by every name SDK v3 releases gave
 * them: what would reach for credentials, sign, retry or sleep, and the headers only a wire reads
 * (the user agent alone costs as much as the rest of the call).
 */
export const OFFLINE_DROPS = [
  'retryMiddleware',
  'omitRetryHeadersMiddleware',
  'awsAuthMiddleware',
  'httpAuthSchemeMiddleware',
  'httpSigningMiddleware',
  'recursionDetectionMiddleware',
  'getUserAgentMiddleware',
  'hostHeaderMiddleware',
  'contentLengthMiddleware',
] as const;

/** The request the SDK's serializer builds (`@smithy/protocol-http` HttpRequest). */
interface SdkHttpRequest {
  readonly method: string;
  readonly hostname?: string;
  readonly path: string;
  readonly query?: Record<string, string | readonly (string | null)[] | null | undefined>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

interface SdkHttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

interface MiddlewareStackLike {
  clone(): MiddlewareStackLike;
  remove(name: string): boolean;
  identify?(): string[];
}

/** What the bridge needs of an SDK v3 client. */
export interface ClientLike {
  readonly config: object;
  readonly middlewareStack: MiddlewareStackLike;
}

/** What the bridge needs of an SDK v3 command. */
export interface CommandLike {
  readonly input: object;
  readonly middlewareStack?: MiddlewareStackLike;
  resolveMiddleware(stack: unknown, config: unknown, options: unknown): (command: CommandLike) => Promise<{ output: unknown }>;
}

/** Answers one HTTP exchange (the model's `handleHttp`). */
export type Answer = (request: HttpRequestLike) => WireResponse;

function bodyBytes(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  // Byte views, not Buffer.from(body): the SDK's JSON body adapter warns when read as a string.
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new Error(`lambda-eic-conformance: the SDK built a request body the mock cannot read (${Object.prototype.toString.call(body)})`);
}

/**
 * The SDK request as the model's HTTP exchange takes it.
 * @example toRequestLike({ method: 'GET', path: '/2019-09-25/functions/f/event-invoke-config', headers: {} }).url // '/2019-09-25/functions/f/event-invoke-config'
 */
export function toRequestLike(request: SdkHttpRequest): HttpRequestLike {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) for (const item of Array.isArray(value) ? value : [value]) if (item !== null && item !== undefined) query.append(key, String(item));
  const search = query.size > 0 ? `?${query}` : '';
  return { method: request.method, url: `${request.path}${search}`, headers: { ...request.headers }, body: bodyBytes(request.body) };
}

/**
 * The model's answer as the SDK's deserializers take it (lower-case headers, a byte body).
 * @example toSdkResponse({ status: 204, headers: { 'X-Amzn-RequestId': 'r' }, body: '' }).headers // { 'x-amzn-requestid': 'r' }
 */
export function toSdkResponse(answer: WireResponse): SdkHttpResponse {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(answer.headers)) headers[key.toLowerCase()] = value;
  return { statusCode: answer.status, headers, body: new Uint8Array(Buffer.from(answer.body, 'utf8')) };
}

/** A request handler (the SDK's `requestHandler` contract) that answers in memory. */
function memoryHandler(answer: Answer) {
  return {
    metadata: { handlerProtocol: 'lambda-eic-conformance/in-memory' },
    handle: async (request: SdkHttpRequest) => ({ response: toSdkResponse(answer(toRequestLike(request))) }),
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}

type Handler = (command: CommandLike) => Promise<{ output: unknown }>;

interface OfflineRoute {
  readonly stack: MiddlewareStackLike;
  readonly config: object;
  /** Resolved handlers by command class, reused as the SDK's own `cacheMiddleware` does. */
  readonly handlers: WeakMap<object, Handler>;
}

const ROUTES = new WeakMap<object, WeakMap<Answer, OfflineRoute>>();

/** The client's stack without network steps, and its config with the in-memory handler; built once per client and model. */
function routeOf(client: ClientLike, answer: Answer): OfflineRoute {
  let byAnswer = ROUTES.get(client);
  if (!byAnswer) {
    byAnswer = new WeakMap();
    ROUTES.set(client, byAnswer);
  }
  let route = byAnswer.get(answer);
  if (!route) {
    const stack = client.middlewareStack.clone();
    for (const name of OFFLINE_DROPS) stack.remove(name);
    route = { stack, config: { ...client.config, requestHandler: memoryHandler(answer) }, handlers: new WeakMap() };
    byAnswer.set(answer, route);
  }
  return route;
}

/**
 * Why a client or command cannot be answered offline, or undefined when it can.
 * @example unsupportedShape({}, command) // 'the client has no middlewareStack (not an AWS SDK for JavaScript v3 client)'
 */
export function unsupportedShape(client: unknown, command: unknown): string | undefined {
  const c = client as Partial<ClientLike> | undefined;
  if (typeof c?.middlewareStack?.clone !== 'function' || typeof c.middlewareStack.remove !== 'function') return 'the client has no middlewareStack (not an AWS SDK for JavaScript v3 client)';
  if (typeof c.config !== 'object' || c.config === null) return 'the client has no resolved config';
  if (typeof (command as Partial<CommandLike> | undefined)?.resolveMiddleware !== 'function') return 'the command has no resolveMiddleware (not an AWS SDK for JavaScript v3 command)';
  return undefined;
}

/**
 * The command's handler on the offline route. A command with middleware of its own (added to the
 * instance) gets its own handler; the rest share one per class, resolved once.
 */
function handlerOf(route: OfflineRoute, command: CommandLike): Handler {
  const pristine = command.middlewareStack?.identify?.().length === 0;
  if (!pristine) return command.resolveMiddleware(route.stack, route.config, undefined);
  let handler = route.handlers.get(command.constructor);
  if (!handler) {
    handler = command.resolveMiddleware(route.stack, route.config, undefined);
    route.handlers.set(command.constructor, handler);
  }
  return handler;
}

/** `$metadata` as a single attempt reports it (the retry middleware that sets it is not run). */
function markSingleAttempt(target: unknown): void {
  const metadata = (target as { $metadata?: Record<string, unknown> } | null)?.$metadata;
  if (metadata && typeof metadata === 'object') Object.assign(metadata, { attempts: 1, totalRetryDelay: 0 });
}

/**
 * Sends a command through the client's own middleware, answered in memory by `answer`. Resolves
 * with the SDK's output or rejects with the SDK's exception, exactly as `client.send` would.
 * @example const output = await sendOffline(client, new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' }), core.answer);
 */
export async function sendOffline<Output>(client: ClientLike, command: CommandLike, answer: Answer): Promise<Output> {
  const route = routeOf(client, answer);
  const handler = handlerOf(route, command);
  try {
    const { output } = await handler(command);
    markSingleAttempt(output);
    return output as Output;
  } catch (error) {
    markSingleAttempt(error);
    throw error;
  }
}
