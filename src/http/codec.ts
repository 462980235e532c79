/**
 * The rest-json codec: an HTTP request to (operation, input) and an outcome to an HTTP answer,
 * both as AWS Lambda does them. No behaviour lives here: the model decides, the codec translates.
 */
import { OPERATIONS, OPERATION_NAMES, inputMembers, type OperationName } from '../spec/operations.js';
import type { MemberSpec, Shape } from '../spec/shapes.js';
import { AwsError, fail } from '../model/aws-error.js';
import type { Outcome } from '../model/emulator.js';
import { isPlainObject, unknownMembers } from '../model/validate.js';

export interface WireRequest {
  readonly operation: OperationName;
  readonly labels: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Buffer;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const INTEGER = /^-?\d+$/;

function queryValue(member: MemberSpec, raw: string): unknown {
  return member.shape.type === 'integer' && INTEGER.test(raw) ? Number(raw) : raw;
}

/** Base64 blobs become bytes, recursively, as the SDK hands them to the service. */
function decodeBlobs(shape: Shape, value: unknown): unknown {
  if (shape.type === 'blob' && typeof value === 'string') return new Uint8Array(Buffer.from(value, 'base64'));
  if (shape.type === 'structure' && isPlainObject(value)) {
    const out: Record<string, unknown> = { ...value };
    for (const [name, member] of Object.entries(shape.members)) if (name in out) out[name] = decodeBlobs(member.shape, out[name]);
    return out;
  }
  return value;
}

/** Each operation's input members, listed once (the request path reads them on every call). */
const MEMBERS = Object.fromEntries(
  OPERATION_NAMES.map((operation) => {
    const members = inputMembers(operation);
    return [operation, { members, hasBody: members.some(([, m]) => m.location === 'body') }];
  }),
) as unknown as Record<OperationName, { members: readonly [string, MemberSpec][]; hasBody: boolean }>;

function parseBody(operation: OperationName, body: Buffer): Record<string, unknown> {
  const spec = OPERATIONS[operation];
  if (body.length > spec.bodyLimit) throw fail('bodyTooLarge', spec.bodyLimit, operation);
  if (!MEMBERS[operation].hasBody || body.length === 0) return {};
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw fail('unparseableBody', (error as Error).message);
  }
  if (parsed === null) return {};
  if (!isPlainObject(parsed)) throw fail('unparseableBody', 'the body must be a JSON object');
  if (spec.strictBody) {
    const unknown = unknownMembers(spec.input, parsed);
    if (unknown.length > 0) throw fail('unparseableBody', `Unrecognized field "${unknown[0]}"`);
  }
  return parsed;
}

/**
 * Builds the operation input from path labels, query string and JSON body.
 * @example decodeRequest({ operation: 'GetFunctionEventInvokeConfig', labels: { FunctionName: 'f' }, query: new URLSearchParams('Qualifier=1'), body: Buffer.alloc(0) })
 * // { FunctionName: 'f', Qualifier: '1' }
 */
export function decodeRequest(request: WireRequest): Record<string, unknown> {
  const body = parseBody(request.operation, request.body);
  const input: Record<string, unknown> = {};
  for (const [name, member] of MEMBERS[request.operation].members) {
    if (member.location === 'uri') input[name] = request.labels[name];
    else if (member.location === 'querystring') {
      const raw = request.query.get(name);
      if (raw !== null) input[name] = queryValue(member, raw);
    } else if (name in body) input[name] = decodeBlobs(member.shape, body[name]);
  }
  return input;
}

/** A JSON number member named LastModified, as JSON.stringify prints it (never inside a string: quotes there are escaped). */
const EPOCH_MEMBER = /"LastModified":(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/g;

/**
 * LastModified of a config is epoch seconds with a fraction, always printed with three decimals.
 * JSON.stringify without a replacer (its fast path), then the numbers reprinted: the text of a
 * JSON number parses back to the same double, so `toFixed(3)` sees the value itself.
 */
function toJson(output: Record<string, unknown>): string {
  const text = JSON.stringify(output);
  return text.includes('"LastModified":') ? text.replace(EPOCH_MEMBER, (_, n: string) => `"LastModified":${Number(n).toFixed(3)}`) : text;
}

/**
 * The HTTP answer for an error: `x-amzn-errortype` and the AWS body shape.
 * @example encodeError(fail('functionDoesNotExist'), 'id').status // 404
 */
export function encodeError(error: AwsError, requestId: string): WireResponse {
  const body = JSON.stringify(error.body());
  return {
    status: error.status,
    headers: {
      'Content-Type': 'application/json',
      'x-amzn-RequestId': requestId,
      'x-amzn-ErrorType': error.code,
      ...error.headers,
    },
    body,
  };
}

/**
 * The HTTP answer for an outcome of the model.
 * @example encodeOutcome({ ok: true, status: 204, output: undefined }, 'id') // { status: 204, body: '' }
 */
export function encodeOutcome(outcome: Outcome, requestId: string): WireResponse {
  if (!outcome.ok) return encodeError(outcome.error, requestId);
  if (outcome.output === undefined) return { status: outcome.status, headers: { 'x-amzn-RequestId': requestId }, body: '' };
  return {
    status: outcome.status,
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId },
    body: toJson(outcome.output),
  };
}

export { AwsError };
