/**
 * The error half of the spec table: every error code the emulator sends (status, fault, `Type`,
 * the casing of its message member) and every message template (`aws-behaviour.md` sections 2-7).
 * Handlers name an entry of `MESSAGES`; they never type a message or a status code.
 */

import type { Evidence } from '../../cases/evidence.js';
import { OPERATIONS } from './operations.js';

export type { Evidence };

export interface ErrorCodeSpec {
  readonly status: number;
  readonly fault: 'client' | 'server';
  /** The `Type` member of the body; absent for ValidationException [recorded]. */
  readonly type?: 'User' | 'Service';
  /** `Message` (ResourceNotFoundException, ServiceException) or `message` (the others). */
  readonly messageKey: 'Message' | 'message';
  readonly evidence: Evidence;
}

export const ERROR_CODES = {
  ValidationException: { status: 400, fault: 'client', messageKey: 'message', evidence: 'recorded' },
  InvalidParameterValueException: { status: 400, fault: 'client', type: 'User', messageKey: 'message', evidence: 'recorded' },
  ResourceNotFoundException: { status: 404, fault: 'client', type: 'User', messageKey: 'Message', evidence: 'recorded' },
  ResourceConflictException: { status: 409, fault: 'client', type: 'User', messageKey: 'message', evidence: 'model' },
  TooManyRequestsException: { status: 429, fault: 'client', type: 'User', messageKey: 'message', evidence: 'model' },
  ServiceException: { status: 500, fault: 'server', type: 'Service', messageKey: 'Message', evidence: 'inferred' },
  InvalidRequestContentException: { status: 400, fault: 'client', type: 'User', messageKey: 'message', evidence: 'model' },
  RequestTooLargeException: { status: 413, fault: 'client', type: 'User', messageKey: 'message', evidence: 'model' },
  /** A request that did not fully arrive within the server's time limits (the emulator's, not an AWS code). */
  RequestTimeoutException: { status: 408, fault: 'client', type: 'User', messageKey: 'message', evidence: 'inferred' },
  /** SigV4 failures (the realism profile only): AWS's signature errors, without `Type`. */
  InvalidSignatureException: { status: 403, fault: 'client', messageKey: 'message', evidence: 'inferred' },
  UnrecognizedClientException: { status: 403, fault: 'client', messageKey: 'message', evidence: 'inferred' },
  MissingAuthenticationTokenException: { status: 403, fault: 'client', messageKey: 'message', evidence: 'inferred' },
  /** A Lambda operation this emulator does not implement (not an AWS code: a clear refusal). */
  UnsupportedOperationException: { status: 400, fault: 'client', type: 'User', messageKey: 'message', evidence: 'inferred' },
  /** No Lambda operation has this method and path. */
  UnknownOperationException: { status: 404, fault: 'client', messageKey: 'message', evidence: 'inferred' },
} as const satisfies Record<string, ErrorCodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Whether a code (as a target answered it) is one the spec table knows.
 * @example isErrorCode('ResourceNotFoundException') // true
 */
export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);

/** What `Reason` a 429 carries, and how long `Retry-After` asks the caller to wait [model]. */
export const THROTTLE_DEFAULTS = { reason: 'CallerRateLimitExceeded', retryAfterSeconds: 1 } as const;

/** The `<what>` part of a constraint violation, per rule [recorded: patterns, ranges and lengths]. */
export const CONSTRAINT_TEXT = {
  required: () => 'Member must not be null',
  minLength: (n: number) => `Member must have length greater than or equal to ${n}`,
  maxLength: (n: number) => `Member must have length less than or equal to ${n}`,
  pattern: (pattern: string) => `Member must satisfy regular expression pattern: ${pattern}`,
  min: (n: number) => `Member must have value greater than or equal to ${n}`,
  max: (n: number) => `Member must have value less than or equal to ${n}`,
  enum: (values: string) => `Member must satisfy enum value set: [${values}]`,
} as const;

/**
 * One violation as AWS words it.
 * @example violationText(3, 'maximumRetryAttempts', CONSTRAINT_TEXT.max(2))
 * // "Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2"
 */
export const violationText = (value: unknown, memberPath: string, what: string): string =>
  `Value ${value === null || value === undefined ? 'null' : `'${String(value)}'`} at '${memberPath}' failed to satisfy constraint: ${what}`;

const template = <A extends unknown[]>(code: ErrorCode, evidence: Evidence, text: (...args: A) => string) => ({
  code,
  evidence,
  text,
});

/** The control-plane operations the spec table implements to arrange state, in table order. */
const ARRANGE_OPERATIONS = Object.entries(OPERATIONS)
  .filter(([, spec]) => !spec.eventInvokeConfig)
  .map(([name]) => name);

/** Every message the model sends, by name, with the code it travels under and its evidence. */
export const MESSAGES = {
  atLeastOneSetting: template('InvalidParameterValueException', 'recorded', () => 'You must specify at least one of error handling or destination setting.'),
  qualifierMismatch: template('InvalidParameterValueException', 'recorded', () => 'The derived qualifier from the function name does not match the specified qualifier.'),
  bareNameTooLong: template(
    'InvalidParameterValueException',
    'inferred',
    (value: string, max: number) => `1 validation error detected: ${violationText(value, 'functionName', CONSTRAINT_TEXT.maxLength(max))}`,
  ),
  regionUnreachable: template('ResourceNotFoundException', 'recorded', (arnRegion: string, region: string) => `Functions from '${arnRegion}' are not reachable in this region ('${region}')`),
  functionDoesNotExist: template('ResourceNotFoundException', 'recorded', () => "The function doesn't exist."),
  noEventInvokeConfig: template('ResourceNotFoundException', 'recorded', (qualifiedArn: string) => `The function ${qualifiedArn} doesn't have an EventInvokeConfig`),
  destinationArnInvalid: template('InvalidParameterValueException', 'recorded', (arn: string) => `The destination ARN ${arn} is invalid.`),
  destinationIsSelf: template('InvalidParameterValueException', 'recorded', () => "You can't specify the function as a destination for itself."),
  destinationConfigInvalid: template('InvalidParameterValueException', 'recorded', (rendered: string) => `The provided destination config ${rendered} is invalid.`),
  markerInvalid: template('InvalidParameterValueException', 'inferred', (marker: string) => `The marker ${marker} is not valid.`),
  validation: template('ValidationException', 'recorded', (parts: string[]) => `${parts.length} validation error${parts.length === 1 ? '' : 's'} detected: ${parts.join('; ')}`),
  unparseableBody: template('InvalidRequestContentException', 'inferred', (detail: string) => `Could not parse request body into json: ${detail}`),
  bodyTooLarge: template('RequestTooLargeException', 'inferred', (limit: number, operation: string) => `Request must be smaller than ${limit} bytes for the ${operation} operation`),
  requestTimeout: template('RequestTimeoutException', 'inferred', () => 'The request did not arrive in time.'),
  throttled: template('TooManyRequestsException', 'model', () => 'Rate exceeded'),
  conflict: template('ResourceConflictException', 'inferred', () => 'The resource already exists, or another operation is in progress.'),
  serviceError: template('ServiceException', 'inferred', () => 'The Lambda service encountered an internal error.'),
  unsupportedOperation: template(
    'UnsupportedOperationException',
    'inferred',
    (operation: string) =>
      `${operation} is not supported by lambda-eic-conformance: it emulates the event-invoke-config API and the control-plane calls needed to arrange state (${ARRANGE_OPERATIONS.join(', ')}).`,
  ),
  unknownOperation: template('UnknownOperationException', 'inferred', (method: string, path: string) => `No AWS Lambda operation matches ${method} ${path}`),
  // Control-plane subset (arranging state): messages as AWS prints them in public reports, not in aws-behaviour.md.
  functionNotFound: template('ResourceNotFoundException', 'inferred', (arn: string) => `Function not found: ${arn}`),
  functionAlreadyExists: template('ResourceConflictException', 'inferred', (name: string) => `Function already exist: ${name}`),
  runtimeAndHandlerRequired: template('InvalidParameterValueException', 'inferred', () => 'Runtime and Handler are mandatory parameters for functions created with deployment packages.'),
  codeNotZip: template('InvalidParameterValueException', 'inferred', () => 'Could not unzip uploaded file. Please check your file, then try to upload again.'),
  codeMissing: template('InvalidParameterValueException', 'inferred', () => 'Please provide a source for function code.'),
  cannotDeleteLatest: template('InvalidParameterValueException', 'inferred', () => '$LATEST version cannot be deleted without deleting the function.'),
  aliasAlreadyExists: template('ResourceConflictException', 'inferred', (aliasArn: string) => `Alias already exists: ${aliasArn}`),
  // What a real account answers while arranging (aws-behaviour.md section 8); the realism profile sends these.
  roleCannotBeAssumed: template('InvalidParameterValueException', 'recorded', () => 'The role defined for the function cannot be assumed by Lambda.'),
  updateInProgress: template('ResourceConflictException', 'recorded', (functionArn: string) => `The operation cannot be performed at this time. An update is in progress for resource: ${functionArn}`),
  noDeliveryPermission: template('InvalidParameterValueException', 'recorded', (action: string, arn: string) => `The function's execution role does not have permissions to call ${action} on ${arn}`),
  rateExceeded: template('TooManyRequestsException', 'recorded', () => 'Rate exceeded'),
  signatureMismatch: template(
    'InvalidSignatureException',
    'inferred',
    () => 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  ),
  unknownAccessKey: template('UnrecognizedClientException', 'inferred', () => 'The security token included in the request is invalid.'),
  missingAuthentication: template('MissingAuthenticationTokenException', 'inferred', () => 'Missing Authentication Token'),
  aliasNotFound: template('ResourceNotFoundException', 'inferred', (aliasArn: string) => `Cannot find alias arn: ${aliasArn}`),
} as const;

export type MessageName = keyof typeof MESSAGES;
export type MessageArgs<N extends MessageName> = Parameters<(typeof MESSAGES)[N]['text']>;
