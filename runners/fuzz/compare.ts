/**
 * Compares a target's answer with the reference model's, after normalisation: status, error code
 * and message, body members, required headers. Volatile values (LastModified, request ids, List
 * markers) are matched by kind, never by value; List order is ignored (AWS's is unspecified,
 * `aws-behaviour.md` section 4 List). Each difference names the evidence of the rule that decides it.
 */
import type { Evidence } from '../../src/spec/errors.js';
import { ERROR_CODES, isErrorCode } from '../../src/spec/errors.js';
import { OPERATIONS, type OperationName } from '../../src/spec/operations.js';
import { deepEqual } from '../engine/expectations.js';
import { REQUIRED_HEADERS } from '../engine/required-headers.js';
import type { ModelCall } from './render.js';
import type { Observation } from '../targets/target.js';

export interface Difference {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly evidence: Evidence;
  /** The rule, in a few words, for reports and root-cause grouping. */
  readonly rule: string;
}

/** What the reference model said about its own answer: the evidence of the error it sent. */
export interface ReferenceVerdict {
  readonly errorEvidence?: Evidence;
}

const SETTINGS_EVIDENCE: Evidence = 'docs';

/** A config with its volatile member reduced to its kind. */
function normaliseConfig(config: unknown): unknown {
  if (!config || typeof config !== 'object') return config;
  const { LastModified, ...rest } = config as Record<string, unknown>;
  return { ...rest, LastModified: LastModified instanceof Date && !Number.isNaN(LastModified.getTime()) ? '<date>' : LastModified };
}

const byArn = (a: unknown, b: unknown): number => String((a as { FunctionArn?: unknown }).FunctionArn).localeCompare(String((b as { FunctionArn?: unknown }).FunctionArn));

/** The parsed answer of an event-invoke-config operation, normalised. */
function normaliseOutput(operation: OperationName, output: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const out = Object.fromEntries(Object.entries(output ?? {}).filter(([, v]) => v !== undefined));
  if (operation === 'ListFunctionEventInvokeConfigs') {
    const items = Array.isArray(out.FunctionEventInvokeConfigs) ? [...out.FunctionEventInvokeConfigs].map(normaliseConfig).sort(byArn) : out.FunctionEventInvokeConfigs;
    return {
      ...out,
      FunctionEventInvokeConfigs: items,
      ...(out.NextMarker !== undefined ? { NextMarker: typeof out.NextMarker === 'string' && out.NextMarker !== '' ? '<marker>' : out.NextMarker } : {}),
    };
  }
  return normaliseConfig(out) as Record<string, unknown>;
}

const parseJson = (text: string): unknown => {
  try {
    return text === '' ? '<empty>' : JSON.parse(text);
  } catch {
    return `<not JSON: ${text.slice(0, 60)}>`;
  }
};

/** A raw body with epoch numbers, markers and list order reduced to their kind (LastModified: seconds, with a fraction as sent). */
function normaliseBody(text: string): unknown {
  const body = parseJson(text);
  const fraction = /"LastModified"\s*:\s*\d+\.\d+/.test(text);
  const walk = (value: unknown, key?: string): unknown => {
    if (key === 'LastModified') return typeof value === 'number' && value > 1e9 && value < 1e10 ? (fraction ? '<epoch-seconds.fraction>' : '<epoch-seconds>') : value;
    if (key === 'NextMarker') return typeof value === 'string' && value !== '' ? '<marker>' : value;
    if (Array.isArray(value)) return value.map((v) => walk(v)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(body);
}

function headerView(observation: Observation): Record<string, unknown> {
  const wire = observation.wire!;
  const view: Record<string, unknown> = {};
  // A throttle tells the caller when to retry [model].
  if (wire.status === 429) view['retry-after'] = wire.headers['retry-after'] !== undefined ? '<present>' : undefined;
  for (const rule of REQUIRED_HEADERS) {
    const value = wire.headers[rule.header];
    if (rule.when === 'error' && wire.status < 400) continue;
    if (rule.when === 'json-body' && wire.bodyText === '') continue;
    view[rule.header] =
      rule.header === 'x-amzn-errortype'
        ? value?.split(':')[0]
        : rule.header === 'content-type'
          ? value !== undefined && /^application\/(x-amz-)?json/.test(value)
            ? '<json>'
            : value
          : value !== undefined && value !== ''
            ? '<present>'
            : value;
  }
  return view;
}

/** Evidence of the message of an error the model sent, refined where the catalogue is coarser than the spec. */
function messageEvidence(reference: Observation, verdict: ReferenceVerdict): Evidence {
  const code = reference.error?.code;
  if (code === 'ValidationException') {
    const message = reference.error?.message ?? '';
    // Only the bad-destination-ARN text is recorded word for word; ranges and several violations follow the form [inferred].
    return /^1 validation error detected: .* at 'destinationConfig\.on(Success|Failure)\.destination'/.test(message) ? 'recorded' : 'inferred';
  }
  if (reference.error?.message.startsWith('The provided destination config') && reference.error.message.includes(':s3:')) return 'inferred';
  return verdict.errorEvidence ?? 'inferred';
}

/** Evidence that a request of this shape is answered as the model answers it (refinements of section 4). */
function answerEvidence(request: ModelCall, reference: Observation, verdict: ReferenceVerdict): Evidence {
  if (!OPERATIONS[request.operation].eventInvokeConfig) return 'inferred';
  if (reference.error) return codeEvidence(reference, verdict);
  return 'recorded';
}

/** The answers only a fault produces: their status and code are [model] (§7), whatever their message's evidence. */
const FAULT_CODES = ['TooManyRequestsException', 'ServiceException', 'ResourceConflictException'];

function codeEvidence(reference: Observation, verdict: ReferenceVerdict): Evidence {
  const code = reference.error!.code;
  if (FAULT_CODES.includes(code)) return 'model';
  return verdict.errorEvidence ?? (isErrorCode(code) ? ERROR_CODES[code].evidence : 'inferred');
}

/** Update replaces DestinationConfig as a whole [inferred] when it carries one with a missing key. */
function outputEvidence(request: ModelCall, member: string): Evidence {
  if (member === 'DestinationConfig' && request.operation === 'UpdateFunctionEventInvokeConfig') {
    const dc = request.input.DestinationConfig as Record<string, unknown> | undefined;
    if (dc && Object.keys(dc).length < 2) return 'inferred';
  }
  if (member === 'LastModified') return 'recorded';
  return SETTINGS_EVIDENCE;
}

/**
 * The differences between a target's answer and the model's for one call.
 * @example compareAnswers(request, modelAnswer, { errorEvidence: 'recorded' }, targetAnswer) // [{ path: 'status', expected: 404, actual: 400, ... }]
 */
export function compareAnswers(request: ModelCall, reference: Observation, verdict: ReferenceVerdict, actual: Observation): Difference[] {
  const diffs: Difference[] = [];
  const eic = OPERATIONS[request.operation].eventInvokeConfig;
  const add = (path: string, expected: unknown, got: unknown, evidence: Evidence, rule: string) => {
    if (!deepEqual(expected, got)) diffs.push({ path, expected, actual: got, evidence, rule });
  };
  const answered = answerEvidence(request, reference, verdict);
  add('status', reference.status, actual.status, answered, reference.error ? `${request.operation} answers ${reference.error.code}` : `${request.operation} succeeds`);
  add('error.code', reference.error?.code, actual.error?.code, answered, reference.error ? `${request.operation} answers ${reference.error.code}` : `${request.operation} succeeds`);
  if (diffs.length > 0) return diffs;
  if (!eic) return diffs;
  if (reference.error) {
    const count = (m: string | undefined) => /^(\d+) validation errors? detected: /.exec(m ?? '')?.[1];
    // How many violations a ValidationException counts is recorded; the wording of each part mostly is not.
    if (reference.error.code === 'ValidationException' && actual.error?.code === 'ValidationException')
      add('error.message.count', count(reference.error.message), count(actual.error.message), 'recorded', 'ValidationException counts its violations');
    add('error.message', reference.error.message, actual.error?.message, messageEvidence(reference, verdict), `${reference.error.code} message`);
  } else {
    const expected = normaliseOutput(request.operation, reference.output);
    const got = normaliseOutput(request.operation, actual.output);
    for (const member of new Set([...Object.keys(expected), ...Object.keys(got)]))
      add(
        `output.${member}`,
        expected[member],
        got[member],
        request.operation === 'ListFunctionEventInvokeConfigs' ? 'recorded' : outputEvidence(request, member),
        `${request.operation} answer ${member}`,
      );
  }
  if (reference.wire && actual.wire) {
    const expectedHeaders = headerView(reference);
    const gotHeaders = headerView(actual);
    for (const name of Object.keys(expectedHeaders)) add(`wire.header.${name}`, expectedHeaders[name], gotHeaders[name], 'model', `${name} header`);
    const code = reference.error?.code;
    const bodyEvidence: Evidence = code === undefined ? 'recorded' : isErrorCode(code) ? ERROR_CODES[code].evidence : 'inferred';
    const expectedBody = normaliseBody(reference.wire.bodyText);
    const gotBody = normaliseBody(actual.wire.bodyText);
    if (reference.error && expectedBody && typeof expectedBody === 'object' && gotBody && typeof gotBody === 'object') {
      // Error bodies: the member names and Type; the message text is compared above.
      const keys = (v: object) => Object.keys(v).sort();
      add('wire.body.$keys', keys(expectedBody), keys(gotBody), bodyEvidence, `${reference.error.code} body members`);
      add(
        'wire.body.Type',
        (expectedBody as Record<string, unknown>).Type,
        (gotBody as Record<string, unknown>).Type,
        reference.error.code === 'ServiceException' ? 'inferred' : bodyEvidence,
        `${reference.error.code} body Type`,
      );
    } else add('wire.body', expectedBody, gotBody, bodyEvidence, `${request.operation} raw body`);
  }
  return diffs;
}
