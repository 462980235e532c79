/**
 * Small builders that keep scenario files readable. Expected messages come from the spec table's
 * catalogue (`MESSAGES`), which a test holds against the recorded fixtures.
 */
import { ERROR_CODES, MESSAGES, type ErrorCode, type Evidence, type MessageArgs, type MessageName } from '../src/spec/errors.js';
import type { OperationName } from '../src/spec/operations.js';
import type { Expectation, Given, GivenConfig, GivenFunction, Matcher, Scenario, SdkRequest, Step, SuiteName } from '../cases/scenario.js';
import { cite } from '../cases/sources.js';

/** The qualified or unqualified ARN of a placeholder function. */
export const arnOf = (fn = '{fn}', qualifier?: string): string => `arn:{partition}:lambda:{region}:{account}:function:${fn}${qualifier === undefined ? '' : `:${qualifier}`}`;

/** A message of the catalogue, placeholders and all. */
export const msg = <N extends MessageName>(name: N, ...args: MessageArgs<N>): string => (MESSAGES[name].text as (...a: unknown[]) => string)(...args);

export const call = (operation: OperationName, input: Record<string, unknown>): SdkRequest => ({ operation, input });
export const put = (input: Record<string, unknown>) => call('PutFunctionEventInvokeConfig', { FunctionName: '{fn}', ...input });
export const update = (input: Record<string, unknown>) => call('UpdateFunctionEventInvokeConfig', { FunctionName: '{fn}', ...input });
export const get = (input: Record<string, unknown> = {}) => call('GetFunctionEventInvokeConfig', { FunctionName: '{fn}', ...input });
export const del = (input: Record<string, unknown> = {}) => call('DeleteFunctionEventInvokeConfig', { FunctionName: '{fn}', ...input });
export const list = (input: Record<string, unknown> = {}) => call('ListFunctionEventInvokeConfigs', { FunctionName: '{fn}', ...input });

export const status = (code: number, evidence: Evidence): Expectation => ({ at: 'status', equals: code, evidence });
export const field = (path: string, value: unknown, evidence: Evidence): Expectation => ({ at: `output.${path}`, equals: value, evidence });
export const absent = (path: string, evidence: Evidence): Expectation => ({ at: `output.${path}`, absent: true, evidence });
export const matches = (path: string, matcher: Matcher, evidence: Evidence): Expectation => ({ at: `output.${path}`, match: matcher, evidence });

/**
 * A success: status and each listed output field.
 * @example ok(200, 'docs', { MaximumRetryAttempts: 0 })
 */
export function ok(code: number, evidence: Evidence, fields: Record<string, unknown> = {}): Expectation[] {
  return [status(code, evidence), ...Object.entries(fields).map(([path, value]) => field(path, value, evidence))];
}

/**
 * An error: its status (from the catalogue), code and, when given, exact message.
 * @example error('ResourceNotFoundException', msg('functionDoesNotExist'), 'recorded')
 */
export function error(code: ErrorCode, message: string | undefined, evidence: Evidence, messageEvidence: Evidence = evidence): Expectation[] {
  return [
    status(ERROR_CODES[code].status, evidence),
    { at: 'error.code', equals: code, evidence },
    ...(message === undefined ? [] : [{ at: 'error.message', equals: message, evidence: messageEvidence } as Expectation]),
  ];
}

/** A config as every answer shows it: FunctionArn, DestinationConfig with both keys, settings only when set. */
export function config(qualifier: string, settings: { retries?: number; age?: number; onSuccess?: string; onFailure?: string }, evidence: Evidence, prefix = ''): Expectation[] {
  const at = (name: string) => `${prefix}${name}`;
  const dest = (arn: string | undefined) => (arn === undefined ? {} : { Destination: arn });
  return [
    field(at('FunctionArn'), arnOf('{fn}', qualifier), evidence),
    settings.retries === undefined ? absent(at('MaximumRetryAttempts'), evidence) : field(at('MaximumRetryAttempts'), settings.retries, evidence),
    settings.age === undefined ? absent(at('MaximumEventAgeInSeconds'), evidence) : field(at('MaximumEventAgeInSeconds'), settings.age, evidence),
    field(at('DestinationConfig'), { OnSuccess: dest(settings.onSuccess), OnFailure: dest(settings.onFailure) }, evidence),
    matches(at('LastModified'), 'date', evidence),
  ];
}

export const step = (request: Step['request'], ...expect: Array<Expectation | Expectation[]>): Step => ({ request, expect: expect.flat() });
export const titled = (title: string, request: Step['request'], ...expect: Array<Expectation | Expectation[]>): Step => ({ title, request, expect: expect.flat() });

/** One function `{fn}` with optional versions, aliases and configs. */
export const withFunction = (fn: Omit<GivenFunction, 'ref'> = {}, second?: Omit<GivenFunction, 'ref'>): Given => ({
  functions: [{ ref: 'fn', ...fn }, ...(second ? [{ ref: 'fn2' as const, ...second }] : [])],
});
export const withConfig = (...configs: GivenConfig[]): Given => withFunction({ configs });

/**
 * A scenario builder bound to one suite. The source names sections of docs/aws-behaviour.md in
 * short form (`§4 Put`) and fixture files (`fixtures/aws/put-overwrites.json`), joined by `; `.
 * @example const scenario = suite('merge'); scenario('merge.put-overwrites', 'Put overwrites', '§4 Put', { steps: [...] })
 */
export const suite =
  (name: SuiteName) =>
  (id: string, title: string, source: string, body: { given?: Given; steps: Step[] }): Scenario => ({
    id,
    suite: name,
    title,
    source: cite(source),
    ...(body.given ? { given: body.given } : {}),
    steps: body.steps,
  });

/**
 * Destination ARNs used across suites: the names are placeholders, filled with the run's own
 * destinations on a real account and with fixed names elsewhere (an emulator checks no IAM).
 */
export const ARNS = {
  sqs: 'arn:{partition}:sqs:{region}:{account}:{queue}',
  sqs2: 'arn:{partition}:sqs:{region}:{account}:{queue2}',
  sns: 'arn:{partition}:sns:{region}:{account}:{topic}',
  events: 'arn:{partition}:events:{region}:{account}:event-bus/{bus}',
  s3: 'arn:{partition}:s3:::{bucket}',
  iam: 'arn:{partition}:iam::{account}:role/eic-role',
} as const;
