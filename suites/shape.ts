/** The config and the errors as they travel on the wire (`aws-behaviour.md` sections 2 and 6). */
import { ARNS, get, put, status, step, suite, withConfig, withFunction } from './dsl.js';
import type { Expectation } from '../cases/scenario.js';

const scenario = suite('shape');
const wire = (path: string, equals: unknown, evidence: Expectation['evidence']): Expectation => ({ at: `wire.body.${path}`, equals, evidence });
const wireAbsent = (path: string, evidence: Expectation['evidence']): Expectation => ({ at: `wire.body.${path}`, absent: true, evidence });
const header = (name: string, equals: unknown, evidence: Expectation['evidence']): Expectation => ({ at: `wire.header.${name}`, equals, evidence });
const requestId: Expectation = { at: 'wire.header.x-amzn-requestid', match: 'non-empty-string', evidence: 'model' };
const json: Expectation = { at: 'wire.header.content-type', match: 'json-content-type', evidence: 'model' };

export const shape = [
  scenario('shape.destination-config-always-both-keys', 'With no destination the answer still carries OnSuccess {} and OnFailure {}', '§6', {
    given: withFunction(),
    steps: [step(put({ MaximumRetryAttempts: 1 }), status(200, 'docs'), wire('DestinationConfig', { OnSuccess: {}, OnFailure: {} }, 'docs'), requestId, json)],
  }),
  scenario('shape.on-failure-only-answers-empty-on-success', 'An OnFailure-only config answers "OnSuccess": {}', '§6', {
    given: withFunction(),
    steps: [step(put({ DestinationConfig: { OnFailure: { Destination: ARNS.sqs } } }), wire('DestinationConfig', { OnSuccess: {}, OnFailure: { Destination: ARNS.sqs } }, 'docs'))],
  }),
  scenario('shape.defaults-not-echoed', 'Retry and age appear only when set; defaults are not echoed', '§6', {
    given: withFunction(),
    steps: [step(put({ DestinationConfig: { OnSuccess: { Destination: ARNS.sns } } }), wireAbsent('MaximumRetryAttempts', 'docs'), wireAbsent('MaximumEventAgeInSeconds', 'docs'))],
  }),
  scenario('shape.last-modified-epoch-seconds', 'LastModified is epoch seconds as a JSON number with a fraction', '§6', {
    given: withFunction(),
    steps: [
      step(
        put({ MaximumRetryAttempts: 0 }),
        { at: 'wire.body.LastModified', match: 'epoch-seconds-with-fraction', evidence: 'recorded' },
        { at: 'output.LastModified', match: 'date', evidence: 'recorded' },
      ),
      step(get(), { at: 'wire.body.LastModified', match: 'epoch-seconds-with-fraction', evidence: 'recorded' }),
    ],
  }),
  scenario('shape.not-found-body', 'ResourceNotFoundException: x-amzn-errortype, Type User and a capital-M Message', '§2', {
    given: withFunction(),
    steps: [
      step(
        get(),
        status(404, 'recorded'),
        header('x-amzn-errortype', 'ResourceNotFoundException', 'model'),
        wire('Type', 'User', 'recorded'),
        { at: 'wire.body.Message', match: 'non-empty-string', evidence: 'recorded' },
        wireAbsent('message', 'recorded'),
        requestId,
        json,
      ),
    ],
  }),
  scenario('shape.validation-body', 'ValidationException: no Type member, the message in "message"', '§2; fixtures/aws/validation-exception-no-type.json', {
    given: withFunction(),
    steps: [
      step(
        put({ MaximumRetryAttempts: 9 }),
        status(400, 'recorded'),
        header('x-amzn-errortype', 'ValidationException', 'model'),
        wireAbsent('Type', 'recorded'),
        { at: 'wire.body.message', match: 'non-empty-string', evidence: 'recorded' },
        requestId,
      ),
    ],
  }),
  scenario('shape.throttled-answer', 'A throttled call: 429 TooManyRequestsException with Retry-After, Reason and message', '§2; §7 (fault injected)', {
    given: withFunction(),
    steps: [
      {
        ...step(
          put({ MaximumRetryAttempts: 1 }),
          status(429, 'model'),
          { at: 'error.code', equals: 'TooManyRequestsException', evidence: 'model' },
          { at: 'wire.header.retry-after', match: 'non-empty-string', evidence: 'model' },
          wire('Reason', 'CallerRateLimitExceeded', 'recorded'),
          wire('Type', 'User', 'recorded'),
          wire('message', 'Rate exceeded', 'recorded'),
          header('x-amzn-errortype', 'TooManyRequestsException', 'model'),
          requestId,
        ),
        fault: { kind: 'throttle', retryAfterSeconds: 0 },
      },
    ],
  }),
  scenario('shape.service-fault-answer', 'An internal error: 500 ServiceException with a JSON body', '§2; §7 (fault injected)', {
    given: withConfig({ MaximumRetryAttempts: 1 }),
    steps: [
      {
        ...step(
          get(),
          status(500, 'model'),
          { at: 'error.code', equals: 'ServiceException', evidence: 'model' },
          header('x-amzn-errortype', 'ServiceException', 'model'),
          wire('Type', 'Service', 'inferred'),
          { at: 'wire.body.Message', match: 'non-empty-string', evidence: 'model' },
          requestId,
          json,
        ),
        fault: { kind: 'service' },
      },
      step(get(), status(200, 'recorded')),
    ],
  }),
  scenario('shape.conflict-fault-answer', 'A conflict: 409 ResourceConflictException, and the config is left as it was', '§2; §7 (fault injected)', {
    given: withConfig({ MaximumRetryAttempts: 1 }),
    steps: [
      {
        ...step(
          put({ MaximumRetryAttempts: 0 }),
          status(409, 'model'),
          { at: 'error.code', equals: 'ResourceConflictException', evidence: 'model' },
          header('x-amzn-errortype', 'ResourceConflictException', 'model'),
          wire('Type', 'User', 'model'),
          requestId,
          json,
        ),
        fault: { kind: 'conflict' },
      },
    ],
  }),
];
