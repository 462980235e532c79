/** Destination rules (`aws-behaviour.md` section 5). */
import { PATTERNS } from '../src/spec/shapes.js';
import { ARNS, arnOf, config, error, msg, ok, put, step, suite, update, withConfig, withFunction } from './dsl.js';

const scenario = suite('destinations');
const SRC = '§5';
/** A function of an account that is not the caller's, in the caller's region. */
const OTHER_ACCOUNT_FN = 'arn:{partition}:lambda:{region}:000000001111:function:{fn}';
const badPattern = (arn: string, outcome: 'onSuccess' | 'onFailure') =>
  `Value '${arn}' at 'destinationConfig.${outcome}.destination' failed to satisfy constraint: Member must satisfy regular expression pattern: ${PATTERNS.destination}`;
const accepted = (name: string, title: string, destinations: { onSuccess?: string; onFailure?: string }, given = withFunction()) =>
  scenario(`destinations.${name}`, title, `${SRC}; §6`, {
    given,
    steps: [
      step(
        put({
          DestinationConfig: {
            ...(destinations.onSuccess ? { OnSuccess: { Destination: destinations.onSuccess } } : {}),
            ...(destinations.onFailure ? { OnFailure: { Destination: destinations.onFailure } } : {}),
          },
        }),
        ok(200, 'docs'),
        config('$LATEST', destinations, 'docs'),
      ),
    ],
  });

export const destinations = [
  accepted('sqs-on-failure', 'An SQS queue on failure', { onFailure: ARNS.sqs }),
  accepted('sqs-on-success', 'An SQS queue on success', { onSuccess: ARNS.sqs }),
  accepted('sns-on-both', 'SNS topics on success and failure', { onSuccess: ARNS.sns, onFailure: ARNS.sns }),
  accepted('eventbridge-on-success', 'An EventBridge bus on success', { onSuccess: ARNS.events }),
  accepted('s3-on-failure', 'An S3 bucket on failure', { onFailure: ARNS.s3 }),
  accepted('lambda-existing', 'Another existing function on success', { onSuccess: arnOf('{fn2}') }, withFunction({}, {})),
  scenario('destinations.s3-on-success-refused', 'An S3 bucket on success alone is refused as a destination config', `${SRC} (S3 for OnFailure only); fixtures/aws/destination-s3-on-success.json`, {
    given: withFunction(),
    steps: [
      step(
        put({ DestinationConfig: { OnSuccess: { Destination: ARNS.s3 } } }),
        // The form is recorded (with S3 on both outcomes); the exact rendering of the ARN is not.
        error('InvalidParameterValueException', msg('destinationConfigInvalid', `DestinationConfig(onSuccess=OnSuccess(destination=${ARNS.s3}), onFailure=null)`), 'recorded', 'inferred'),
        { at: 'error.message', match: 'provided-destination-config-invalid', evidence: 'recorded' },
      ),
    ],
  }),
  scenario('destinations.lambda-other-region-refused', 'A Lambda function of another region on success: the "provided destination config" form', `${SRC} (recorded 2022-09)`, {
    given: withFunction({}, {}),
    steps: [
      step(
        put({ DestinationConfig: { OnSuccess: { Destination: 'arn:{partition}:lambda:{otherRegion}:{account}:function:{fn2}' } } }),
        error(
          'InvalidParameterValueException',
          msg('destinationConfigInvalid', 'DestinationConfig(onSuccess=OnSuccess(destination=arn:{partition}:lambda:{otherRegion}:{account}:function:{fn2}), onFailure=null)'),
          'recorded',
        ),
      ),
    ],
  }),
  scenario('destinations.iam-on-failure-refused', 'A service that is no destination type (IAM) on failure', SRC, {
    given: withFunction(),
    steps: [
      step(
        put({ DestinationConfig: { OnFailure: { Destination: ARNS.iam } } }),
        error('InvalidParameterValueException', msg('destinationConfigInvalid', `DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=${ARNS.iam}))`), 'recorded'),
      ),
    ],
  }),
  scenario('destinations.two-malformed-arns', 'Two malformed destinations give two joined validation errors', `${SRC}; §2`, {
    given: withFunction(),
    steps: [
      step(
        put({ DestinationConfig: { OnSuccess: { Destination: 'queue' }, OnFailure: { Destination: 'topic' } } }),
        error('ValidationException', msg('validation', [badPattern('queue', 'onSuccess'), badPattern('topic', 'onFailure')]), 'recorded'),
      ),
    ],
  }),
  scenario('destinations.lambda-other-account', 'A Lambda function ARN of another account is the "provided destination config" error', `${SRC}; fixtures/aws/destination-lambda-other-region.json`, {
    given: withFunction(),
    steps: [
      step(
        put({ DestinationConfig: { OnFailure: { Destination: OTHER_ACCOUNT_FN } } }),
        error('InvalidParameterValueException', msg('destinationConfigInvalid', `DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=${OTHER_ACCOUNT_FN}))`), 'recorded'),
      ),
    ],
  }),
  scenario('destinations.update-checks-service', 'Update checks destinations as Put does', SRC, {
    given: withConfig({ MaximumRetryAttempts: 1 }),
    steps: [
      step(
        update({ DestinationConfig: { OnFailure: { Destination: ARNS.iam } } }),
        error('InvalidParameterValueException', msg('destinationConfigInvalid', `DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=${ARNS.iam}))`), 'recorded'),
      ),
    ],
  }),
  scenario('destinations.update-checks-self', 'Update refuses the function as its own destination', SRC, {
    given: withConfig({ MaximumRetryAttempts: 1 }),
    steps: [step(update({ DestinationConfig: { OnSuccess: { Destination: arnOf() } } }), error('InvalidParameterValueException', msg('destinationIsSelf'), 'recorded'))],
  }),
  scenario('destinations.refused-leaves-config', 'A refused destination leaves the stored config unchanged', `${SRC}; §4`, {
    given: withConfig({ MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: ARNS.sqs } } }),
    steps: [
      step(put({ DestinationConfig: { OnSuccess: { Destination: arnOf('{fn2}') } } }), error('InvalidParameterValueException', msg('destinationArnInvalid', arnOf('{fn2}')), 'recorded')),
      step({ operation: 'GetFunctionEventInvokeConfig', input: { FunctionName: '{fn}' } }, ok(200, 'recorded'), config('$LATEST', { retries: 1, onFailure: ARNS.sqs }, 'recorded')),
    ],
  }),
];
