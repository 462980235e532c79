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
  'two-validation-errors': 'a ValidationException message counting two violations in the recorded form, in either order (§2)',
} as const;

export type Matcher = keyof typeof MATCHER_MEANINGS;

/**
 * The "provided destination config" message in any rendering of the destinations.
 * @example PROVIDED_DESTINATION_CONFIG_INVALID.test('The provided destination config DestinationConfig(onSuccess=null, onFailure=null) is invalid.') // true
 */
export const PROVIDED_DESTINATION_CONFIG_INVALID = /^The provided destination config DestinationConfig\(onSuccess=.*, onFailure=.*\) is invalid\.$/;

/**
 * The message of a ValidationException with two violations (§2 [recorded]; their order is [inferred]).
 * @example TWO_VALIDATION_ERRORS.test("2 validation errors detected: Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2; Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60") // true
 */
export const TWO_VALIDATION_ERRORS =
  /^2 validation errors detected: Value '[^']*' at '[a-zA-Z.]+' failed to satisfy constraint: [^;]+; Value '[^']*' at '[a-zA-Z.]+' failed to satisfy constraint: [^;]+$/;

/**
 * A volatile value in a fixture: `{"$match": "epoch-seconds"}`.
 * @example isMatcher({ $match: 'epoch-seconds' }) // true
 */
export const isMatcher = (v: unknown): v is { $match: Matcher } => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $match?: unknown }).$match === 'string';
