/** The config and the errors as they travel on the wire (`aws-behaviour.md` sections 2 and 6). */
import { ARNS, del, get, list, put, status, step, suite, withConfig, withFunction } from './dsl.js';
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
  scenario('shape.function-arn-qualified', 'FunctionArn is qualified with $LATEST when no qualifier was named', '§6', {
    given: withConfig({ MaximumRetryAttempts: 0 }),
    steps: [step(get(), wire('FunctionArn', 'arn:{partition}:lambda:{region}:{account}:function:{fn}:$LATEST', 'docs'), { at: 'wire.body.FunctionArn', match: 'function-arn', evidence: 'model' })],
  }),
  scenario('shape.last-modified-epoch-seconds', 'LastModified is epoch seconds as a JSON number with a fraction', '§6', {
    given: withFunction(),
    steps: [
      step(put({ MaximumRetryAttempts: 0 }), { at: 'wire.body.LastModified', match: 'epoch-seconds-with-fraction', evidence: 'recorded' }, { at: 'output.LastModified', match: 'date', evidence: 'recorded' }),
      step(get(), { at: 'wire.body.LastModified', match: 'epoch-seconds-with-fraction', evidence: 'recorded' }),
    ],
  }),
  scenario('shape.list-items-shape', 'List items have the same shape as Get', '§4 List; §6', {
    given: withConfig({ MaximumEventAgeInSeconds: 600 }),
    steps: [step(
      list(),
      wire('FunctionEventInvokeConfigs.0.DestinationConfig', { OnSuccess: {}, OnFailure: {} }, 'recorded'),
      wire('FunctionEventInvokeConfigs.0.FunctionArn', 'arn:{partition}:lambda:{region}:{account}:function:{fn}:$LATEST', 'recorded'),
      { at: 'wire.body.FunctionEventInvokeConfigs.0.LastModified', match: 'epoch-seconds', evidence: 'recorded' },
      wireAbsent('FunctionEventInvokeConfigs.0.MaximumRetryAttempts', 'recorded'),
      wireAbsent('NextMarker', 'recorded'),
    )],
  }),
  scenario('shape.delete-204-empty-body', 'Delete answers 204 with an empty body', '§1; §4 Delete', {
    given: withConfig({ MaximumRetryAttempts: 0 }),
    steps: [step(del(), status(204, 'recorded'), { at: 'wire.bodyText', equals: '', evidence: 'recorded' }, requestId)],
  }),
  scenario('shape.not-found-body', 'ResourceNotFoundException: x-amzn-errortype, Type User and a capital-M Message', '§2', {
    given: withFunction(),
    steps: [step(get(), status(404, 'recorded'), header('x-amzn-errortype', 'ResourceNotFoundException', 'model'), wire('Type', 'User', 'recorded'), { at: 'wire.body.Message', match: 'non-empty-string', evidence: 'recorded' }, wireAbsent('message', 'recorded'), requestId, json)],
  }),
  scenario('shape.invalid-parameter-body', 'InvalidParameterValueException: Type User and a lower-case message', '§2', {
    given: withFunction(),
    steps: [step(put({}), status(400, 'recorded'), header('x-amzn-errortype', 'InvalidParameterValueException', 'model'), wire('Type', 'User', 'recorded'), { at: 'wire.body.message', match: 'non-empty-string', evidence: 'recorded' }, wireAbsent('Message', 'recorded'), requestId)],
  }),
  scenario('shape.validation-body', 'ValidationException: no Type member, the message in "message"', '§2', {
    given: withFunction(),
    steps: [step(put({ MaximumRetryAttempts: 9 }), status(400, 'recorded'), header('x-amzn-errortype', 'ValidationException', 'model'), wireAbsent('Type', 'recorded'), { at: 'wire.body.message', match: 'non-empty-string', evidence: 'recorded' }, requestId)],
  }),
  scenario('shape.list-not-found-body', "List's 404 carries Type User and Message", '§2; §4 List', {
    steps: [step(list(), status(404, 'recorded'), header('x-amzn-errortype', 'ResourceNotFoundException', 'model'), wire('Type', 'User', 'recorded'), { at: 'wire.body.Message', match: 'non-empty-string', evidence: 'recorded' })],
  }),
];
