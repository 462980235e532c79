/**
 * Expected messages and patterns, typed from `/work/shared/aws-behaviour.md` (the specification),
 * deliberately NOT imported from `src/spec/errors.ts`: the tests are an independent oracle.
 */
export const ACCOUNT = '123456789012';

export const MSG = {
  /** §4 Put rule 1 [recorded]. */
  atLeastOne: 'You must specify at least one of error handling or destination setting.',
  /** §3 [recorded]. */
  qualifierMismatch: 'The derived qualifier from the function name does not match the specified qualifier.',
  /** §3 [recorded]. */
  unreachable: (arnRegion: string, region: string) => `Functions from '${arnRegion}' are not reachable in this region ('${region}')`,
  /** §4 Put rule 3, Update, List [recorded]. */
  functionDoesNotExist: "The function doesn't exist.",
  /** §4 Update, Get, Delete [recorded]. */
  noConfig: (qualifiedArn: string) => `The function ${qualifiedArn} doesn't have an EventInvokeConfig`,
  /** §5 [recorded]. */
  destinationArnInvalid: (arn: string) => `The destination ARN ${arn} is invalid.`,
  destinationIsSelf: "You can't specify the function as a destination for itself.",
  destinationConfigInvalid: (onSuccess: string | null, onFailure: string | null) =>
    `The provided destination config DestinationConfig(onSuccess=${onSuccess === null ? 'null' : `OnSuccess(destination=${onSuccess})`}, onFailure=${onFailure === null ? 'null' : `OnFailure(destination=${onFailure})`}) is invalid.`,
  /** §7 [inferred]. */
  conflict: 'The resource already exists, or another operation is in progress.',
} as const;

/** §1 patterns, exactly as the spec prints them (backslashes single). */
export const PATTERN = {
  functionName: String.raw`(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?`,
  qualifier: String.raw`\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+`,
  destination: String.raw`$|kafka://([^.]([a-zA-Z0-9\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1})?:(\d{12})?:(.*)`,
  functionArn: String.raw`arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?`,
} as const;

/** §2 constraint message form. */
export const violation = (value: string | number, path: string, what: string): string => `Value '${value}' at '${path}' failed to satisfy constraint: ${what}`;
export const validationMessage = (...parts: string[]): string => `${parts.length} validation error${parts.length === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
export const WHAT = {
  maxValue: (n: number) => `Member must have value less than or equal to ${n}`,
  minValue: (n: number) => `Member must have value greater than or equal to ${n}`,
  maxLength: (n: number) => `Member must have length less than or equal to ${n}`,
  minLength: (n: number) => `Member must have length greater than or equal to ${n}`,
  pattern: (p: string) => `Member must satisfy regular expression pattern: ${p}`,
} as const;

/** A function ARN in the test account, qualified when a qualifier is given. */
export const fnArn = (region: string, name: string, qualifier?: string): string => `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}${qualifier === undefined ? '' : `:${qualifier}`}`;

/** Destination ARNs of each service type, in the test account and a region. */
export const dest = (region = 'us-east-1') => ({
  sqs: `arn:aws:sqs:${region}:${ACCOUNT}:destination`,
  sqs2: `arn:aws:sqs:${region}:${ACCOUNT}:other-queue`,
  sns: `arn:aws:sns:${region}:${ACCOUNT}:topic`,
  events: `arn:aws:events:${region}:${ACCOUNT}:event-bus/default`,
  s3: 'arn:aws:s3:::failed-invocations-bucket',
  iam: `arn:aws:iam::${ACCOUNT}:role/not-a-destination`,
});
