/**
 * The client mock's short way for the five event-invoke-config operations: the command's input
 * goes to the model as the SDK's serializer and the HTTP exchange would deliver it, and the model's
 * output comes back as the SDK's schema deserializer builds it (members in schema order, epoch
 * seconds as a Date, `$metadata` last). It is taken only where that equivalence is certain: plain
 * values of the declared types, nothing the SDK would refuse, drop or re-encode. Anything else, and
 * every error answer, goes through the SDK's own middleware (`sdk-wire.ts`).
 * tests/adapters/direct-call.test.ts holds both ways equal, member order included.
 */
import { EIC_OPERATIONS, OPERATIONS, type OperationName } from '../spec/operations.js';
import type { MemberSpec } from '../spec/shapes.js';
import { OFFLINE_DROPS, type ClientLike, type CommandLike } from './sdk-wire.js';

/** Strings longer than this take the SDK's way (the HTTP exchange refuses oversized bodies). */
const MAX_DIRECT_STRING = 4096;

const DIRECT = new Set<string>(EIC_OPERATIONS);

/**
 * Whether an operation has a short way.
 * @example hasDirectCall('GetFunctionEventInvokeConfig') // true
 */
export const hasDirectCall = (operation: string): operation is OperationName => DIRECT.has(operation);

/** A lone surrogate (in unicode mode a pair is one code point, so only unpaired halves match). */
const LONE_SURROGATE = /\p{Cs}/u;

const isPlainRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** A value as the wire would deliver it to the model, or undefined when only the SDK's way is certain. */
function plainValue(member: MemberSpec, v: unknown): unknown {
  const shape = member.shape;
  switch (shape.type) {
    case 'string':
      // Empty strings, lone surrogates and huge strings are what the SDK refuses, mangles or the wire limits.
      return typeof v === 'string' && v.length > 0 && v.length <= MAX_DIRECT_STRING && !LONE_SURROGATE.test(v) ? v : undefined;
    case 'integer':
      return Number.isSafeInteger(v) && !Object.is(v, -0) ? v : undefined;
    case 'structure':
      return isPlainRecord(v) ? plainStructure(shape.members, v) : undefined;
    default:
      return undefined;
  }
}

const REFUSED = Symbol('only the SDK way is certain');

function plainStructure(members: Readonly<Record<string, MemberSpec>>, value: Record<string, unknown>): Record<string, unknown> | undefined {
  const out = membersOf(members, value);
  return out === REFUSED ? undefined : out;
}

/** The members of `value` in model order, undefined ones left out (as the serializer leaves them out). */
function membersOf(members: Readonly<Record<string, MemberSpec>>, value: Record<string, unknown>): Record<string, unknown> | typeof REFUSED {
  let known = 0;
  const out: Record<string, unknown> = {};
  for (const name in members) {
    const v = value[name];
    if (!Object.hasOwn(value, name)) continue;
    known++;
    if (v === undefined) continue;
    const plain = plainValue(members[name]!, v);
    if (plain === undefined) return REFUSED;
    out[name] = plain;
  }
  // A member the model does not know: the SDK would drop it; its way decides.
  return Object.keys(value).length === known ? out : REFUSED;
}

/** Middleware a client has of its own, by name: none of it changes what a call returns. */
const STANDARD_MIDDLEWARE = new Set<string>(['loggerMiddleware', 'serializerMiddleware', 'deserializerMiddleware', ...OFFLINE_DROPS]);
const PLAIN_CLIENTS = new WeakMap<object, boolean>();

/**
 * Whether the short way answers this client as its middleware would: no middleware of the user's,
 * no logger to call, the SDK's own protocol. Decided at the first call, as the offline route
 * takes the client's stack at its first call.
 * @example isPlainClient(new LambdaClient({ region: 'us-east-1' })) // true
 */
export function isPlainClient(client: ClientLike): boolean {
  let plain = PLAIN_CLIENTS.get(client);
  if (plain === undefined) {
    const config = client.config as { logger?: object; protocol?: object };
    plain =
      (client.middlewareStack.identify?.() ?? ['?']).every((entry) => STANDARD_MIDDLEWARE.has(entry.split(' ')[0]!)) &&
      config.logger?.constructor?.name === 'NoOpLogger' &&
      config.protocol?.constructor?.name === 'AwsRestJsonProtocol';
    PLAIN_CLIENTS.set(client, plain);
  }
  return plain;
}

/**
 * A command built by the schema-based SDK (its output members in schema order), with no middleware of its own.
 * @example isPlainCommand(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' })) // true
 */
export const isPlainCommand = (command: CommandLike): boolean => typeof (command as { schema?: unknown }).schema === 'object' && command.middlewareStack?.identify?.().length === 0;

/**
 * The model input for a command's input, or undefined when the call must take the SDK's way.
 * @example directInput('GetFunctionEventInvokeConfig', { FunctionName: 'f', Qualifier: undefined }) // { FunctionName: 'f' }
 * @example directInput('GetFunctionEventInvokeConfig', { FunctionName: '' }) // undefined
 */
export function directInput(operation: OperationName, input: unknown): Record<string, unknown> | undefined {
  if (!hasDirectCall(operation) || !isPlainRecord(input)) return undefined;
  const out = membersOf(OPERATIONS[operation].input, input);
  if (out === REFUSED || typeof out.FunctionName !== 'string') return undefined;
  return out;
}

/** `$metadata` as the SDK reports a single attempt answered with this status and request id. */
const metadata = (status: number, requestId: string) => ({
  httpStatusCode: status,
  requestId,
  extendedRequestId: undefined,
  cfId: undefined,
  attempts: 1,
  totalRetryDelay: 0,
});

/** Epoch seconds as printed on the wire (three decimals) and read back by the SDK. */
const epochDate = (seconds: number) => new Date(Math.round(Number(seconds.toFixed(3)) * 1000));

const destination = (value: unknown): Record<string, unknown> => {
  const d = (value as { Destination?: unknown } | undefined)?.Destination;
  return d == null ? {} : { Destination: d };
};

/** A config as the SDK's deserializer builds it: schema member order, absent members left out. */
function sdkConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (config.LastModified != null) out.LastModified = epochDate(config.LastModified as number);
  if (config.FunctionArn != null) out.FunctionArn = config.FunctionArn;
  if (config.MaximumRetryAttempts != null) out.MaximumRetryAttempts = config.MaximumRetryAttempts;
  if (config.MaximumEventAgeInSeconds != null) out.MaximumEventAgeInSeconds = config.MaximumEventAgeInSeconds;
  const destinations = config.DestinationConfig as Record<string, unknown> | null | undefined;
  if (destinations != null) {
    const d: Record<string, unknown> = {};
    if (destinations.OnSuccess != null) d.OnSuccess = destination(destinations.OnSuccess);
    if (destinations.OnFailure != null) d.OnFailure = destination(destinations.OnFailure);
    out.DestinationConfig = d;
  }
  return out;
}

/**
 * The SDK's output for a successful answer of the model.
 * @example sdkOutput('DeleteFunctionEventInvokeConfig', 204, undefined, 'id') // { $metadata: { httpStatusCode: 204, requestId: 'id', ... } }
 */
export function sdkOutput(operation: OperationName, status: number, output: Record<string, unknown> | undefined, requestId: string): Record<string, unknown> {
  let out: Record<string, unknown>;
  if (output === undefined) out = {};
  else if (operation === 'ListFunctionEventInvokeConfigs') {
    out = {};
    const configs = output.FunctionEventInvokeConfigs as Record<string, unknown>[] | undefined;
    if (configs != null) out.FunctionEventInvokeConfigs = configs.map(sdkConfig);
    if (output.NextMarker != null) out.NextMarker = output.NextMarker;
  } else out = sdkConfig(output);
  out.$metadata = metadata(status, requestId);
  return out;
}
