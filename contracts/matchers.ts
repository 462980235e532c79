/**
 * Fixture values to Pact matchers. A string holding placeholders (`{fn}`, `{region}`, ...)
 * becomes a regex matcher whose example is the contract's fixed value, so a provider run with
 * its own function names, account and region still matches; `{"$match": ...}` markers become
 * type matchers; every other value must be equal.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { PROVIDED_DESTINATION_CONFIG_INVALID, TWO_VALIDATION_ERRORS, isMatcher, type Matcher } from '../cases/matchers.js';
import { PATTERNS } from '../src/spec/shapes.js';
import { PLACEHOLDER, escapeRegExp, fill } from '../cases/placeholders.js';
import { CONTRACT_VARS } from './values.js';

/**
 * What each placeholder may be, as regex fragments of the FunctionArn pattern (src/spec/shapes.ts,
 * PATTERNS.functionArn) written so the Rust regex engine of the Pact core reads them the same way.
 */
export const FRAGMENTS: Readonly<Record<string, string>> = {
  partition: 'aws[a-zA-Z-]*',
  region: '[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}',
  otherRegion: '[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}',
  account: '\\d{12}',
  fn: '[a-zA-Z0-9_-]+',
  fn2: '[a-zA-Z0-9_-]+',
  queue: '[a-zA-Z0-9_-]{1,80}',
  queue2: '[a-zA-Z0-9_-]{1,80}',
  topic: '[a-zA-Z0-9_-]{1,256}',
  bucket: '[a-z0-9.-]{3,63}',
  bus: '[a-zA-Z0-9._-]{1,256}',
};

/** A fixed example LastModified (epoch seconds with a fraction, as AWS sends it). */
export const EXAMPLE_LAST_MODIFIED = 1573687896.493;

/**
 * Whether a fixture string holds a placeholder.
 * @example hasPlaceholder('arn:{partition}:sqs') // true
 */
export const hasPlaceholder = (text: string): boolean => [...text.matchAll(PLACEHOLDER)].some((m) => Object.hasOwn(FRAGMENTS, m[1]!));

/**
 * The anchored regex a placeholder template stands for.
 * @example templateRegex('{fn}:$LATEST') // '^[a-zA-Z0-9_-]+:\\$LATEST$'
 */
export function templateRegex(template: string): string {
  let out = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const fragment = FRAGMENTS[m[1]!];
    if (fragment === undefined) continue;
    out += `${escapeRegExp(template.slice(last, m.index))}(${fragment})`;
    last = m.index + m[0].length;
  }
  return `^${out}${escapeRegExp(template.slice(last))}$`;
}

/**
 * A number whose decimal form matches `pattern` (the Pact core applies a regex to a number's text):
 * unlike a type matcher it bounds the magnitude, so epoch milliseconds do not pass for seconds.
 * @example numberMatching('^\\d{10}\\.\\d+$', 1573687896.493)
 */
export const numberMatching = (pattern: string, example: number) => ({ 'pact:matcher:type': 'regex', regex: pattern, value: example });

/** Epoch seconds (§6): ten digits before the point, today and for centuries; a fraction when sent with one. */
export const EPOCH_SECONDS = '^\\d{10}(\\.\\d+)?$';
export const EPOCH_SECONDS_WITH_FRACTION = '^\\d{10}\\.\\d+$';

const BY_MARKER: Record<Matcher, () => unknown> = {
  'epoch-seconds': () => numberMatching(EPOCH_SECONDS, EXAMPLE_LAST_MODIFIED),
  'epoch-seconds-with-fraction': () => numberMatching(EPOCH_SECONDS_WITH_FRACTION, EXAMPLE_LAST_MODIFIED),
  'non-empty-string': () => MatchersV3.regex('^.+$', 'example'),
  'function-arn': () => MatchersV3.regex(`^(${PATTERNS.functionArn})$`, fill('arn:{partition}:lambda:{region}:{account}:function:{fn}', CONTRACT_VARS)),
  'provided-destination-config-invalid': () =>
    MatchersV3.regex(
      PROVIDED_DESTINATION_CONFIG_INVALID.source,
      fill(
        'The provided destination config DestinationConfig(onSuccess=OnSuccess(destination=arn:{partition}:s3:::{bucket}), onFailure=OnFailure(destination=arn:{partition}:s3:::{bucket})) is invalid.',
        CONTRACT_VARS,
      ),
    ),
  'two-validation-errors': () =>
    MatchersV3.regex(
      TWO_VALIDATION_ERRORS.source,
      "2 validation errors detected: Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2; Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60",
    ),
  date: unsupported('date'),
  'client-error': unsupported('client-error'),
  'json-content-type': unsupported('json-content-type'),
};

function unsupported(marker: string) {
  return () => {
    throw new Error(`fixture marker {"$match": "${marker}"} has no Pact matcher`);
  };
}

/**
 * A fixture answer body with Pact matchers in place of placeholders and `$match` markers.
 * @example responseBody({ FunctionArn: 'arn:{partition}:lambda:{region}:{account}:function:{fn}:$LATEST' })
 * // { FunctionArn: regex('^arn:(aws[a-zA-Z-]*):lambda:...:\\$LATEST$', 'arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST') }
 */
export function responseBody(value: unknown): unknown {
  if (isMatcher(value)) return BY_MARKER[value.$match]();
  if (typeof value === 'string') return hasPlaceholder(value) ? MatchersV3.regex(templateRegex(value), fill(value, CONTRACT_VARS)) : value;
  if (Array.isArray(value)) return value.map(responseBody);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'FunctionEventInvokeConfigs' && Array.isArray(v) && v.length > 1 ? configsInAnyOrder(v) : responseBody(v)]));
  return value;
}

/**
 * A List page of several configs, whose order is unspecified (§4 List [recorded]): exactly that
 * many configs, each shaped like the first and with the FunctionArn of one of them, in any order.
 * @example configsInAnyOrder([{ FunctionArn: '...:{fn}:$LATEST' }, { FunctionArn: '...:{fn}:1' }])
 * // { 'pact:matcher:type': 'type', min: 2, max: 2, value: [...] }, each FunctionArn matching either
 */
export function configsInAnyOrder(items: readonly unknown[]): unknown {
  const arns = items.map((item) => String((item as { FunctionArn?: unknown }).FunctionArn));
  const anyArn = `^(?:${arns.map((arn) => templateRegex(arn).slice(1, -1)).join('|')})$`;
  // The first example carries the matchers (Pact applies them to every item); the others are plain examples.
  const [first, ...rest] = items.map((item) => responseBody(item) as Record<string, unknown>);
  const value = [{ ...first, FunctionArn: MatchersV3.regex(anyArn, fill(arns[0]!, CONTRACT_VARS)) }, ...rest.map(exampleOf)];
  return { 'pact:matcher:type': 'type', min: items.length, max: items.length, value };
}

/** A value with its Pact matchers replaced by their examples. */
function exampleOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(exampleOf);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return 'pact:matcher:type' in record ? exampleOf(record.value) : Object.fromEntries(Object.entries(record).map(([k, v]) => [k, exampleOf(v)]));
  }
  return value;
}
