/**
 * The AWS SDK's own rest-json serde around one HTTP exchange: the command input becomes the HTTP
 * request the SDK would send, and the answer becomes the output or exception the SDK would
 * return, by calling the client's protocol (`client.config.protocol`, the SDK's
 * AwsRestJsonProtocol). No mapping of our own: dates, empty members and error classes are the
 * SDK's. What the client mock skips is only the transport: signing, retries and the network.
 */
import type { HttpRequestLike } from '../http/handler.js';
import type { WireResponse } from '../http/codec.js';

/** A command's static operation schema: `[9, namespace, name, traits, input, output]`. */
type StaticOperationSchema = readonly [number, string, string, unknown, unknown, unknown];

interface OperationSchema {
  readonly namespace: string;
  readonly name: string;
  readonly traits: unknown;
  readonly input: unknown;
  readonly output: unknown;
}

interface SerializedRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string | readonly string[] | null | undefined>;
  readonly headers: Record<string, string>;
  readonly body?: Uint8Array | string;
}

interface SdkResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/** The two calls of the SDK protocol this bridge uses (stable across schema-based SDK releases). */
interface WireProtocol {
  serializeRequest(operation: OperationSchema, input: object, context: object): Promise<SerializedRequest>;
  deserializeResponse(operation: OperationSchema, context: object, response: SdkResponse): Promise<Record<string, unknown>>;
}

/** What the bridge needs of a resolved client config. */
export interface SerdeConfig {
  readonly protocol: unknown;
}

function protocolOf(config: SerdeConfig): WireProtocol {
  const protocol = config.protocol as Partial<WireProtocol> | undefined;
  if (typeof protocol?.serializeRequest !== 'function' || typeof protocol.deserializeResponse !== 'function')
    throw new Error('lambda-eic-conformance: this LambdaClient has no schema-based protocol (config.protocol); @aws-sdk/client-lambda >= 3.9xx is required');
  return protocol as WireProtocol;
}

/**
 * The operation schema of a command class, as the SDK's serde middleware builds it.
 * @example operationSchemaOf(GetFunctionEventInvokeConfigCommand).name // 'GetFunctionEventInvokeConfig'
 */
export function operationSchemaOf(Command: new (input: never) => unknown): OperationSchema {
  const schema = (new Command({} as never) as { schema?: StaticOperationSchema | OperationSchema }).schema;
  if (schema === undefined) throw new Error(`lambda-eic-conformance: ${Command.name} carries no operation schema`);
  if (!Array.isArray(schema)) return schema as OperationSchema;
  const [, namespace, name, traits, input, output] = schema as StaticOperationSchema;
  return { namespace, name, traits, input, output };
}

/**
 * Serialises a command input exactly as the SDK would put it on the wire (unsigned).
 * @example await toHttpRequest(client.config, schema, { FunctionName: 'f' }, 'lambda.us-east-1.amazonaws.com') // { method: 'GET', url: '/2019-09-25/functions/f/event-invoke-config', ... }
 */
export async function toHttpRequest(config: SerdeConfig, operation: OperationSchema, input: object, hostname: string): Promise<HttpRequestLike> {
  const endpoint = async () => ({ protocol: 'https:', hostname, path: '/' });
  const request = await protocolOf(config).serializeRequest(operation, input, { ...config, endpoint });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {}))
    for (const item of Array.isArray(value) ? value : [value]) if (item !== null && item !== undefined) query.append(key, String(item));
  const search = query.size > 0 ? `?${query}` : '';
  // Byte views, not Buffer.from(body): the SDK's JSON body adapter warns when read as a string.
  const raw = request.body;
  const body = raw === undefined ? Buffer.alloc(0) : typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  return { method: request.method, url: `${request.path}${search}`, headers: { ...request.headers }, body };
}

/**
 * Turns an HTTP answer into the SDK's result: the output with `$metadata`, or a thrown SDK
 * exception (`ResourceNotFoundException`, or `LambdaServiceException` named after an unmodelled
 * code such as ValidationException), with `$metadata` and a hidden `$response` as the SDK sets them.
 * @example await fromHttpResponse(client.config, schema, { status: 204, headers: {}, body: '' }) // { $metadata: { httpStatusCode: 204, ... } }
 */
export async function fromHttpResponse<Output extends object = Record<string, unknown>>(config: SerdeConfig, operation: OperationSchema, answer: WireResponse): Promise<Output> {
  const headers = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const response: SdkResponse = { statusCode: answer.status, headers, body: new Uint8Array(Buffer.from(answer.body, 'utf8')) };
  const single = { attempts: 1, totalRetryDelay: 0 };
  try {
    const output = await protocolOf(config).deserializeResponse(operation, { ...config }, response);
    Object.assign(output.$metadata as object, single);
    return output as Output;
  } catch (error) {
    if (error && typeof error === 'object') {
      Object.defineProperty(error, '$response', { value: response, enumerable: false, writable: false, configurable: false });
      const metadata = (error as { $metadata?: object }).$metadata;
      if (metadata) Object.assign(metadata, single);
    }
    throw error;
  }
}
