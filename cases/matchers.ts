/**
 * Named matchers: an expectation (`{ at, match }`) or a fixture value (`{"$match": name}`) that
 * stands for a value which varies between runs or is recorded only in its form. The runner
 * checks them (runners/engine/expectations.ts); the contracts turn them into Pact matchers
 * (contracts/matchers.ts).
 */

/** Each matcher and what it accepts. */
export const MATCHER_MEANINGS = {
  date: 'a Date, as the SDK parses LastModified',
  'epoch-seconds': 'a JSON number of epoch seconds',
  'epoch-seconds-with-fraction': 'epoch seconds written with a fraction on the wire (1573687896.493)',
  'non-empty-string': 'any non-empty string (request ids, markers, messages recorded only in form)',
  'function-arn': 'a Lambda function ARN (the FunctionArn pattern of docs/aws-behaviour.md §1 Constraints)',
  'client-error': 'an HTTP status 400-499',
  'json-content-type': 'a JSON content type (application/json, application/x-amz-json-1.1)',
  'provided-destination-config-invalid': 'the "The provided destination config DestinationConfig(...) is invalid." form (§5)',
} as const;

export type Matcher = keyof typeof MATCHER_MEANINGS;

/**
 * The "provided destination config" message in any rendering of the destinations.
 * @example PROVIDED_DESTINATION_CONFIG_INVALID.test('The provided destination config DestinationConfig(onSuccess=null, onFailure=null) is invalid.') // true
 */
export const PROVIDED_DESTINATION_CONFIG_INVALID = /^The provided destination config DestinationConfig\(onSuccess=.*, onFailure=.*\) is invalid\.$/;

/**
 * A volatile value in a fixture: `{"$match": "epoch-seconds"}`.
 * @example isMatcher({ $match: 'epoch-seconds' }) // true
 */
export const isMatcher = (v: unknown): v is { $match: Matcher } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $match?: unknown }).$match === 'string';
