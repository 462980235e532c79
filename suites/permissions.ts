/**
 * The execution role's permission to deliver (`aws-behaviour.md` section 5, "Permissions, real
 * accounts only"): AWS refuses a destination the function's role may not deliver to. Each run
 * creates a queue and a topic its delivery policy does not cover (`{deniedQueue}`,
 * `{deniedTopic}`); on a target without IAM these scenarios are skipped with the reason.
 */
import type { Scenario } from '../cases/scenario.js';
import { error, msg, put, step, suite, update, withConfig, withFunction } from './dsl.js';

const scenario = suite('permissions');
const SRC = '§5 (Permissions, real accounts only)';
const DENIED_QUEUE = 'arn:{partition}:sqs:{region}:{account}:{deniedQueue}';
const DENIED_TOPIC = 'arn:{partition}:sns:{region}:{account}:{deniedTopic}';
const needsIam = (s: Scenario): Scenario => ({ ...s, requires: 'iam' });

export const permissions = [
  scenario('permissions.sqs-not-allowed', 'Put refuses a queue the role may not SendMessage to', SRC, {
    given: withFunction(),
    steps: [
      step(put({ DestinationConfig: { OnFailure: { Destination: DENIED_QUEUE } } }), ...error('InvalidParameterValueException', msg('noDeliveryPermission', 'SendMessage', DENIED_QUEUE), 'recorded')),
    ],
  }),
  scenario('permissions.sns-not-allowed', 'Put refuses a topic the role may not Publish to', SRC, {
    given: withFunction(),
    steps: [
      step(put({ DestinationConfig: { OnSuccess: { Destination: DENIED_TOPIC } } }), ...error('InvalidParameterValueException', msg('noDeliveryPermission', 'Publish', DENIED_TOPIC), 'recorded')),
    ],
  }),
  scenario('permissions.update-sqs-not-allowed', 'Update refuses a queue the role may not SendMessage to', SRC, {
    given: withConfig({ MaximumRetryAttempts: 1 }),
    steps: [
      step(
        update({ DestinationConfig: { OnFailure: { Destination: DENIED_QUEUE } } }),
        ...error('InvalidParameterValueException', msg('noDeliveryPermission', 'SendMessage', DENIED_QUEUE), 'recorded'),
      ),
    ],
  }),
].map(needsIam);
