/** Put overwrites, Update merges (`aws-behaviour.md` section 4). */
import { ARNS, config, error, get, msg, arnOf, ok, put, step, suite, update, withConfig, withFunction } from './dsl.js';

const scenario = suite('merge');
const SRC = '§4';

export const merge = [
  scenario('merge.put-creates', 'Put on a function without a config creates it', `${SRC} Put; fixtures/docs/boto3-put-example.json`, {
    given: withFunction(),
    steps: [step(put({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 3600 }), ok(200, 'docs'), config('$LATEST', { retries: 0, age: 3600 }, 'docs'))],
  }),
  scenario('merge.put-removes-omitted-settings', 'Put overwrites: a setting left out is removed', `${SRC} Put (step 5); fixtures/aws/put-overwrites.json`, {
    given: withConfig({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }),
    steps: [step(put({ MaximumRetryAttempts: 1 }), ok(200, 'docs'), config('$LATEST', { retries: 1 }, 'docs')), step(get(), ok(200, 'recorded'), config('$LATEST', { retries: 1 }, 'recorded'))],
  }),
  scenario('merge.put-removes-omitted-destinations', 'Put without DestinationConfig removes stored destinations', `${SRC} Put (step 5)`, {
    given: withConfig({ MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: ARNS.sqs } } }),
    steps: [step(put({ MaximumEventAgeInSeconds: 300 }), ok(200, 'docs'), config('$LATEST', { age: 300 }, 'docs'))],
  }),
  scenario('merge.put-replaces-destinations', 'Put with one destination drops the other stored one', `${SRC} Put (step 5)`, {
    given: withConfig({ DestinationConfig: { OnSuccess: { Destination: ARNS.sqs }, OnFailure: { Destination: ARNS.sns } } }),
    steps: [step(put({ DestinationConfig: { OnFailure: { Destination: ARNS.sqs2 } } }), ok(200, 'docs'), config('$LATEST', { onFailure: ARNS.sqs2 }, 'docs'))],
  }),
  scenario('merge.update-keeps-age', 'Update {retries 0} on {retries 2, age 60} gives {retries 0, age 60}', `${SRC} Update (merge); fixtures/aws/update-merges.json`, {
    given: withConfig({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }),
    steps: [
      step(update({ MaximumRetryAttempts: 0 }), ok(200, 'recorded'), config('$LATEST', { retries: 0, age: 60 }, 'recorded')),
      step(get(), ok(200, 'recorded'), config('$LATEST', { retries: 0, age: 60 }, 'recorded')),
    ],
  }),
  scenario('merge.update-keeps-retries', 'Update of the age keeps the stored retries', `${SRC} Update (merge)`, {
    given: withConfig({ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600 }),
    steps: [step(update({ MaximumEventAgeInSeconds: 120 }), ok(200, 'recorded'), config('$LATEST', { retries: 1, age: 120 }, 'recorded'))],
  }),
  scenario('merge.update-keeps-destinations', 'Update without DestinationConfig keeps a stored OnFailure destination', `${SRC} Update (merge); fixtures/aws/update-keeps-both-destinations.json`, {
    given: withConfig({ MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: ARNS.sqs } } }),
    steps: [step(update({ MaximumEventAgeInSeconds: 300 }), ok(200, 'recorded'), config('$LATEST', { retries: 1, age: 300, onFailure: ARNS.sqs }, 'recorded'))],
  }),
  scenario('merge.update-adds-destination-keeps-settings', 'Update with only a destination keeps retries and age', `${SRC} Update; fixtures/docs/boto3-update-example.json`, {
    given: withConfig({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 3600 }),
    steps: [step(update({ DestinationConfig: { OnSuccess: { Destination: ARNS.sns } } }), ok(200, 'docs'), config('$LATEST', { retries: 0, age: 3600, onSuccess: ARNS.sns }, 'docs'))],
  }),
  scenario('merge.update-replaces-destination-config-whole', 'Update carrying only OnFailure replaces the stored DestinationConfig as a whole', `${SRC} Update (not recorded)`, {
    given: withConfig({ DestinationConfig: { OnSuccess: { Destination: ARNS.sqs }, OnFailure: { Destination: ARNS.sqs2 } } }),
    steps: [step(update({ DestinationConfig: { OnFailure: { Destination: ARNS.sns } } }), ok(200, 'recorded'), config('$LATEST', { onFailure: ARNS.sns }, 'inferred'))],
  }),
  scenario('merge.update-never-creates', 'Update without a stored config is a 404 and creates nothing', `${SRC} Update; fixtures/aws/update-without-config.json`, {
    given: withFunction(),
    steps: [
      step(update({ MaximumRetryAttempts: 1 }), error('ResourceNotFoundException', msg('noEventInvokeConfig', arnOf('{fn}', '$LATEST')), 'recorded')),
      step(get(), error('ResourceNotFoundException', msg('noEventInvokeConfig', arnOf('{fn}', '$LATEST')), 'recorded')),
    ],
  }),
  scenario('merge.update-never-creates-for-version', "Update of a version without a config is a 404 naming the version's ARN", `${SRC} Update`, {
    given: withFunction({ versions: 1, configs: [{ MaximumRetryAttempts: 0 }] }),
    steps: [step(update({ Qualifier: '1', MaximumRetryAttempts: 1 }), error('ResourceNotFoundException', msg('noEventInvokeConfig', arnOf('{fn}', '1')), 'recorded'))],
  }),
  scenario('merge.put-update-put-sequence', 'Put, Update, Put: merge then overwrite', `${SRC} Put (step 5); ${SRC} Update (merge)`, {
    given: withFunction(),
    steps: [
      step(put({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }), ok(200, 'docs'), config('$LATEST', { retries: 2, age: 60 }, 'docs')),
      step(update({ MaximumRetryAttempts: 0 }), ok(200, 'recorded'), config('$LATEST', { retries: 0, age: 60 }, 'recorded')),
      step(put({ MaximumEventAgeInSeconds: 120 }), ok(200, 'docs'), config('$LATEST', { age: 120 }, 'docs')),
    ],
  }),
  scenario('merge.update-touches-one-qualifier', 'Update of $LATEST leaves the config of version 1 alone', `${SRC} Update; §3 (separate configs)`, {
    given: withFunction({ versions: 1, configs: [{ MaximumRetryAttempts: 2 }, { qualifier: '1', MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 90 }] }),
    steps: [
      step(update({ MaximumRetryAttempts: 0 }), ok(200, 'recorded'), config('$LATEST', { retries: 0 }, 'recorded')),
      step(get({ Qualifier: '1' }), ok(200, 'recorded'), config('1', { retries: 1, age: 90 }, 'recorded')),
    ],
  }),
  scenario('merge.put-overwrites-alias-config', 'Put on an alias overwrites only that alias config', `${SRC} Put (step 5); §3 (separate configs)`, {
    given: withFunction({
      versions: 1,
      aliases: [{ name: 'live', version: '1' }],
      configs: [
        { qualifier: 'live', MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 },
        { qualifier: '1', MaximumRetryAttempts: 2 },
      ],
    }),
    steps: [
      step(put({ Qualifier: 'live', MaximumEventAgeInSeconds: 60 }), ok(200, 'docs'), config('live', { age: 60 }, 'docs')),
      step(get({ Qualifier: '1' }), ok(200, 'recorded'), config('1', { retries: 2 }, 'recorded')),
    ],
  }),
];
