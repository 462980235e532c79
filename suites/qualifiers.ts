/** Naming the function and the qualifier (`aws-behaviour.md` section 3) [recorded]. */
import { arnOf, call, config, del, error, get, list, msg, ok, put, status, step, suite, update, withFunction } from './dsl.js';

const scenario = suite('qualifiers');
const SRC = '§3';
const mismatch = () => error('InvalidParameterValueException', msg('qualifierMismatch'), 'recorded');
const VERSIONED = withFunction({ versions: 2, aliases: [{ name: 'live', version: '1' }] });

export const qualifiers = [
  scenario('qualifiers.name-defaults-to-latest', 'A bare name with no Qualifier means $LATEST', `${SRC}; §6 (FunctionArn)`, {
    given: withFunction(),
    steps: [step(put({ MaximumRetryAttempts: 1 }), ok(200, 'recorded'), config('$LATEST', { retries: 1 }, 'recorded'))],
  }),
  scenario('qualifiers.explicit-latest', 'Qualifier $LATEST is the same config as none', SRC, {
    given: withFunction({ configs: [{ MaximumRetryAttempts: 1 }] }),
    steps: [step(get({ Qualifier: '$LATEST' }), ok(200, 'recorded'), config('$LATEST', { retries: 1 }, 'recorded'))],
  }),
  scenario('qualifiers.partial-arn', 'A partial ARN (<acct>:function:<fn>) names the function', SRC, {
    given: withFunction(),
    steps: [step(put({ FunctionName: '{account}:function:{fn}', MaximumRetryAttempts: 0 }), ok(200, 'recorded'), config('$LATEST', { retries: 0 }, 'recorded'))],
  }),
  scenario('qualifiers.full-arn', 'A full ARN names the function', SRC, {
    given: withFunction(),
    steps: [step(put({ FunctionName: arnOf(), MaximumEventAgeInSeconds: 100 }), ok(200, 'recorded'), config('$LATEST', { age: 100 }, 'recorded'))],
  }),
  scenario('qualifiers.version-in-name', 'A version in the name (<fn>:1) is the qualifier', SRC, {
    given: VERSIONED,
    steps: [step(put({ FunctionName: '{fn}:1', MaximumRetryAttempts: 2 }), ok(200, 'recorded'), config('1', { retries: 2 }, 'recorded'))],
  }),
  scenario('qualifiers.alias-in-full-arn', 'An alias at the end of a full ARN is the qualifier', SRC, {
    given: VERSIONED,
    steps: [
      step(put({ FunctionName: arnOf('{fn}', 'live'), MaximumRetryAttempts: 1 }), ok(200, 'recorded'), config('live', { retries: 1 }, 'recorded')),
      step(get({ Qualifier: 'live' }), ok(200, 'recorded'), config('live', { retries: 1 }, 'recorded')),
    ],
  }),
  scenario('qualifiers.version-in-partial-arn', 'A version at the end of a partial ARN is the qualifier', SRC, {
    given: withFunction({ versions: 2, configs: [{ qualifier: '2', MaximumEventAgeInSeconds: 61 }] }),
    steps: [step(get({ FunctionName: '{account}:function:{fn}:2' }), ok(200, 'recorded'), config('2', { age: 61 }, 'recorded'))],
  }),
  scenario('qualifiers.conflict-before-existence', 'The conflict is found before the function is looked up', SRC, {
    steps: [step(put({ FunctionName: '{fn}:1', Qualifier: '2', MaximumRetryAttempts: 1 }), mismatch())],
  }),
  scenario('qualifiers.conflict-on-get', 'Get with conflicting qualifiers is a 400', SRC, {
    given: VERSIONED,
    steps: [step(get({ FunctionName: arnOf('{fn}', 'live'), Qualifier: '1' }), mismatch())],
  }),
  scenario('qualifiers.conflict-on-delete', 'Delete with conflicting qualifiers is a 400', SRC, {
    given: VERSIONED,
    steps: [step(del({ FunctionName: '{fn}:2', Qualifier: '$LATEST' }), mismatch())],
  }),
  scenario('qualifiers.conflict-on-update', 'Update with conflicting qualifiers is a 400', `${SRC}; §4 Update (order not recorded)`, {
    given: withFunction({ versions: 2, configs: [{ qualifier: '1', MaximumRetryAttempts: 1 }] }),
    // The conflict applies to Update as to Put [docs][recorded]; only its order against the at-least-one rule is not recorded (settings are given here).
    steps: [step(update({ FunctionName: '{fn}:1', Qualifier: '2', MaximumRetryAttempts: 0 }), error('InvalidParameterValueException', msg('qualifierMismatch'), 'recorded'))],
  }),
  scenario('qualifiers.other-region-arn', 'A full ARN in another region is not reachable', `${SRC}; §8; fixtures/aws/other-region-arn.json; fixtures/aws/put-other-region-arn.json`, {
    given: withFunction(),
    steps: [
      step(
        get({ FunctionName: 'arn:{partition}:lambda:{otherRegion}:{account}:function:{fn}' }),
        error('ResourceNotFoundException', msg('regionUnreachable', '{otherRegion}', '{region}'), 'recorded'),
      ),
      step(
        put({ FunctionName: 'arn:{partition}:lambda:{otherRegion}:{account}:function:{fn}', MaximumRetryAttempts: 1 }),
        error('ResourceNotFoundException', msg('regionUnreachable', '{otherRegion}', '{region}'), 'recorded'),
      ),
    ],
  }),
  scenario('qualifiers.separate-configs', '$LATEST, a version and an alias hold separate configs', SRC, {
    given: VERSIONED,
    steps: [
      step(put({ MaximumRetryAttempts: 0 }), ok(200, 'recorded')),
      step(put({ Qualifier: '1', MaximumRetryAttempts: 1 }), ok(200, 'recorded')),
      step(put({ Qualifier: 'live', MaximumRetryAttempts: 2 }), ok(200, 'recorded')),
      step(get(), config('$LATEST', { retries: 0 }, 'recorded')),
      step(get({ Qualifier: '1' }), config('1', { retries: 1 }, 'recorded')),
      step(get({ Qualifier: 'live' }), config('live', { retries: 2 }, 'recorded')),
    ],
  }),
  scenario('qualifiers.publish-does-not-copy', "Publishing a version does not copy $LATEST's config", SRC, {
    given: withFunction({ configs: [{ MaximumRetryAttempts: 0 }] }),
    steps: [
      step(call('PublishVersion', { FunctionName: '{fn}' }), status(201, 'model')),
      step(get({ Qualifier: '1' }), error('ResourceNotFoundException', msg('noEventInvokeConfig', arnOf('{fn}', '1')), 'recorded')),
    ],
  }),
  scenario('qualifiers.delete-latest-leaves-others', "Deleting $LATEST's config leaves the version's", SRC, {
    given: withFunction({ versions: 1, configs: [{ MaximumRetryAttempts: 0 }, { qualifier: '1', MaximumRetryAttempts: 1 }] }),
    steps: [step(del(), status(204, 'recorded')), step(get({ Qualifier: '1' }), ok(200, 'recorded'), config('1', { retries: 1 }, 'recorded'))],
  }),
  scenario('qualifiers.delete-does-not-check-qualifier', 'Delete with an alias naming nothing is the config 404', '§4 Delete', {
    given: withFunction(),
    steps: [step(del({ Qualifier: 'nothing' }), error('ResourceNotFoundException', msg('noEventInvokeConfig', arnOf('{fn}', 'nothing')), 'recorded'))],
  }),
  scenario('qualifiers.put-missing-alias', 'Put on an alias that does not exist', '§4 Put (step 3)', {
    given: withFunction(),
    steps: [step(put({ Qualifier: 'staging', MaximumRetryAttempts: 1 }), error('ResourceNotFoundException', msg('functionDoesNotExist'), 'recorded'))],
  }),
  scenario('qualifiers.update-missing-alias', 'Update on an alias that does not exist', '§4 Update (qualifier case inferred)', {
    given: withFunction(),
    steps: [step(update({ Qualifier: 'staging', MaximumRetryAttempts: 1 }), error('ResourceNotFoundException', msg('functionDoesNotExist'), 'inferred'))],
  }),
  scenario('qualifiers.list-every-qualifier', "List holds every qualifier's config with its qualified ARN", '§4 List', {
    given: withFunction({
      versions: 1,
      aliases: [{ name: 'live', version: '1' }],
      configs: [{ MaximumRetryAttempts: 0 }, { qualifier: '1', MaximumRetryAttempts: 1 }, { qualifier: 'live', MaximumRetryAttempts: 2 }],
    }),
    steps: [
      {
        ...step(list(), ok(200, 'recorded')),
        collect: { into: 'arns', from: 'output.FunctionEventInvokeConfigs.*.FunctionArn' },
      },
      step(list(), { at: 'collected.arns', sameMembers: [arnOf('{fn}', '$LATEST'), arnOf('{fn}', '1'), arnOf('{fn}', 'live')], evidence: 'recorded' }),
    ],
  }),
  scenario('qualifiers.alias-config-outlives-alias', "Deleting an alias does not remove the alias's config", '§9 (a config outlives its alias)', {
    given: withFunction({ versions: 1, aliases: [{ name: 'live', version: '1' }], configs: [{ qualifier: 'live', MaximumRetryAttempts: 1 }] }),
    steps: [step(call('DeleteAlias', { FunctionName: '{fn}', Name: 'live' }), status(204, 'model')), step(get({ Qualifier: 'live' }), ok(200, 'inferred'), config('live', { retries: 1 }, 'inferred'))],
  }),
];
