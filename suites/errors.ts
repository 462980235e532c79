/** Error codes, statuses, messages and the order of checks (`aws-behaviour.md` sections 2 and 4). */
import type { Expectation } from '../cases/scenario.js';
import { ARNS, arnOf, config, del, error, get, list, msg, ok, put, status, step, suite, update, withConfig, withFunction } from './dsl.js';

const scenario = suite('errors');
const EIC_PATH = '/2019-09-25/functions/{fn}/event-invoke-config';
/** What any rest-json error is on the wire: a 4xx for the caller's fault, x-amzn-ErrorType, a JSON body [model]. */
const jsonClientError = (): Expectation[] => [
  { at: 'status', match: 'client-error', evidence: 'model' },
  { at: 'wire.header.x-amzn-errortype', match: 'non-empty-string', evidence: 'model' },
  { at: 'wire.header.content-type', match: 'json-content-type', evidence: 'model' },
];
const noConfig = (qualifier = '$LATEST') => msg('noEventInvokeConfig', arnOf('{fn}', qualifier));
const LONG_NAME = 'f'.repeat(65);

export const errors = [
  scenario('errors.put-null-settings-are-absent', 'Put whose settings are all null counts as none', '§4 Put (step 1)', {
    given: withFunction(),
    steps: [step(put({ MaximumRetryAttempts: null, DestinationConfig: null }), error('InvalidParameterValueException', msg('atLeastOneSetting'), 'inferred'))],
  }),
  scenario('errors.update-requires-a-setting', 'Update with no setting is a 400 like Put', '§4 Update', {
    given: withConfig({ MaximumRetryAttempts: 1 }),
    // The at-least-one rule applies to Update as to Put [docs][recorded]; only its order against the qualifier check is not recorded.
    steps: [step(update({}), error('InvalidParameterValueException', msg('atLeastOneSetting'), 'recorded'))],
  }),
  scenario('errors.get-missing-config', 'Get on a function without a config', '§4 Get', {
    given: withFunction(),
    steps: [step(get(), error('ResourceNotFoundException', noConfig(), 'recorded'))],
  }),
  scenario('errors.delete-missing-function', 'Delete on a missing function answers the Get-style 404', '§4 Delete', {
    steps: [step(del(), error('ResourceNotFoundException', noConfig(), 'recorded'))],
  }),
  scenario('errors.delete-is-not-idempotent', 'Delete answers 204, a second Delete the 404', '§4 Delete; fixtures/aws/delete-existing.json; fixtures/aws/delete-without-config.json', {
    given: withConfig({ MaximumRetryAttempts: 1 }),
    steps: [step(del(), status(204, 'recorded')), step(del(), error('ResourceNotFoundException', noConfig(), 'recorded')), step(get(), error('ResourceNotFoundException', noConfig(), 'recorded'))],
  }),
  scenario('errors.bare-name-over-64', 'A bare function name of 65 characters is refused', '§1 Constraints (FunctionName: 64 for a bare name)', {
    steps: [step(get({ FunctionName: LONG_NAME }), status(400, 'docs'), error('InvalidParameterValueException', msg('bareNameTooLong', LONG_NAME, 64), 'inferred'))],
  }),
  scenario('errors.validation-before-lookup', 'An out-of-range value on a missing function is a ValidationException, not a 404', '§1 Constraints; §2; fixtures/aws/validation-exception-no-type.json', {
    steps: [
      step(
        put({ MaximumRetryAttempts: 3 }),
        error('ValidationException', msg('validation', ["Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2"]), 'recorded'),
      ),
    ],
  }),
  scenario('errors.validation-before-at-least-one', 'A bad Qualifier with no setting is a ValidationException', '§1 Constraints; §2', {
    given: withFunction(),
    // Certain: a Qualifier outside its pattern is refused with a 4xx [model]; which code, before the at-least-one rule, is not recorded.
    steps: [step(put({ Qualifier: 'v!1' }), { at: 'status', match: 'client-error', evidence: 'model' }, error('ValidationException', undefined, 'inferred'))],
  }),
  scenario('errors.validation-errors-joined', 'Two violations are counted and joined with "; "', '§2 (constraint message form)', {
    given: withFunction(),
    steps: [
      step(
        put({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 59 }),
        error(
          'ValidationException',
          msg('validation', [
            "Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2",
            "Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60",
          ]),
          'recorded',
        ),
      ),
    ],
  }),
  scenario('errors.wrong-json-type', 'A string where an integer belongs is refused with a 400', '§9', {
    given: withFunction(),
    // Certain: a value the model cannot read as an integer is refused with a 4xx [model]; the exact 400 is not recorded.
    steps: [step(put({ MaximumRetryAttempts: 'two' }), { at: 'status', match: 'client-error', evidence: 'model' }, status(400, 'inferred'))],
  }),
  scenario('errors.put-missing-function-with-settings-and-destination', 'Put with a destination on a missing function is the 404 before destinations are checked', '§4 Put (steps 3-4)', {
    steps: [step(put({ DestinationConfig: { OnSuccess: { Destination: ARNS.iam } } }), error('ResourceNotFoundException', msg('functionDoesNotExist'), 'recorded'))],
  }),
  scenario('errors.name-prefix-of-another-function', 'A missing function whose name is a prefix of an existing one is missing', '§4 Put; §4 Get; §4 List', {
    // {fn2} is {fn}-b: only {fn2} exists.
    given: { functions: [{ ref: 'fn2', configs: [{ MaximumRetryAttempts: 1 }] }] },
    steps: [
      step(get(), error('ResourceNotFoundException', noConfig(), 'recorded')),
      step(put({ MaximumRetryAttempts: 0 }), error('ResourceNotFoundException', msg('functionDoesNotExist'), 'recorded')),
      step(list(), error('ResourceNotFoundException', msg('functionDoesNotExist'), 'recorded')),
      step(
        get({ FunctionName: '{fn2}' }),
        ok(200, 'recorded'),
        config('$LATEST', { retries: 1 }, 'docs', '').map((e) => (e.at === 'output.FunctionArn' ? { ...e, equals: arnOf('{fn2}', '$LATEST') } : e)),
      ),
    ],
  }),
  scenario('errors.delete-then-put-recreates', 'After Delete, Put creates a fresh config and Update works again', '§4 Delete; §4 Put', {
    given: withConfig({ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 100 }),
    steps: [
      step(del(), status(204, 'recorded')),
      step(update({ MaximumRetryAttempts: 0 }), error('ResourceNotFoundException', noConfig(), 'recorded')),
      step(put({ MaximumEventAgeInSeconds: 200 }), ok(200, 'docs'), config('$LATEST', { age: 200 }, 'docs')),
    ],
  }),
  scenario('errors.malformed-json-body', 'A body that is not JSON is a client error with a JSON answer, never a 5xx or a page', '§9; §2', {
    given: withFunction(),
    steps: [step({ raw: { method: 'PUT', path: EIC_PATH, body: '{"MaximumRetryAttempts": 1,' } }, jsonClientError(), status(400, 'inferred'))],
  }),
  scenario('errors.non-object-body', 'A JSON body that is not an object is a client error with a JSON answer', '§9; §2', {
    given: withFunction(),
    steps: [step({ raw: { method: 'POST', path: EIC_PATH, body: '[1, 2]' } }, jsonClientError(), status(400, 'inferred'))],
  }),
  scenario('errors.unknown-body-member', 'A body member the API does not have is refused', '§9', {
    given: withFunction(),
    steps: [step({ raw: { method: 'PUT', path: EIC_PATH, body: '{"MaximumRetryAttempts": 1, "MaximumRetries": 1}' } }, status(400, 'inferred'))],
  }),
];
