/**
 * aws-behaviour.md section 5, "Destinations" [recorded unless marked], on Put and Update, through
 * @aws-sdk/client-lambda against the running emulator.
 */
import { PutFunctionEventInvokeConfigCommand, UpdateFunctionEventInvokeConfigCommand, type DestinationConfig, type LambdaClient } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { arrange } from '../../support/arrange.js';
import { expectAwsError } from '../../support/client.js';
import { useServer } from '../../support/server.js';
import { MSG, PATTERN, WHAT, dest, fnArn, validationMessage, violation } from '../../support/spec-text.js';

const srv = useServer();
const REGION = 'us-east-1';
const FN = 'my-function';
const D = dest(REGION);

const put = (lambda: LambdaClient, DestinationConfig: DestinationConfig, FunctionName = FN) => lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, DestinationConfig }));
const update = (lambda: LambdaClient, DestinationConfig: DestinationConfig, FunctionName = FN) => lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName, DestinationConfig }));

/** Arranges the function with a config, so that both Put and Update reach the destination check. */
async function ready(lambda: LambdaClient) {
  await arrange(lambda, FN);
  await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 1 }));
}
const both = (lambda: LambdaClient) => ({ Put: (c: DestinationConfig) => put(lambda, c), Update: (c: DestinationConfig) => update(lambda, c) });

describe('§5 destinations', () => {
  it('[recorded] §5 a malformed destination ARN -> 400 ValidationException with the recorded pattern message (Put and Update)', async () => {
    const lambda = srv.client();
    await ready(lambda);
    for (const bad of ['not-an-arn', 'arn:aws:sqs:us-east-1:1234:queue', 'arn:aws:sqs:Virginia:123456789012:queue']) {
      for (const call of Object.values(both(lambda))) {
        await expectAwsError(call({ OnFailure: { Destination: bad } }), {
          status: 400,
          name: 'ValidationException',
          message: `1 validation error detected: Value '${bad}' at 'destinationConfig.onFailure.destination' failed to satisfy constraint: Member must satisfy regular expression pattern: ${PATTERN.destination}`,
        });
        await expectAwsError(call({ OnSuccess: { Destination: bad } }), {
          status: 400,
          name: 'ValidationException',
          message: validationMessage(violation(bad, 'destinationConfig.onSuccess.destination', WHAT.pattern(PATTERN.destination))),
        });
      }
    }
  });

  it('[recorded] §5 the destination pattern accepts the (eusc-) region group AWS sent in 2025-11', async () => {
    const lambda = srv.client();
    await ready(lambda);
    const eusc = 'arn:aws:sqs:eusc-de-east-1:123456789012:destination';
    const out = await put(lambda, { OnFailure: { Destination: eusc } });
    expect(out.DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: { Destination: eusc } });
  });

  it('[recorded] §5 a Lambda function ARN that does not exist -> 400 InvalidParameterValueException "The destination ARN <arn> is invalid."', async () => {
    const lambda = srv.client();
    await ready(lambda);
    await arrange(lambda, 'other-function');
    const missing = [fnArn(REGION, 'no-such-function'), fnArn(REGION, 'other-function', '7'), fnArn(REGION, 'other-function', 'no-such-alias')];
    for (const arn of missing)
      for (const call of Object.values(both(lambda)))
        await expectAwsError(call({ OnSuccess: { Destination: arn } }), { status: 400, name: 'InvalidParameterValueException', message: MSG.destinationArnInvalid(arn) });
  });

  it('[recorded] §5 the function\'s own ARN -> 400 InvalidParameterValueException "You can\'t specify the function as a destination for itself."', async () => {
    const lambda = srv.client();
    await ready(lambda);
    for (const own of [fnArn(REGION, FN), fnArn(REGION, FN, '$LATEST')])
      for (const call of Object.values(both(lambda))) {
        await expectAwsError(call({ OnFailure: { Destination: own } }), { status: 400, name: 'InvalidParameterValueException', message: MSG.destinationIsSelf });
        await expectAwsError(call({ OnSuccess: { Destination: own } }), { status: 400, name: 'InvalidParameterValueException', message: MSG.destinationIsSelf });
      }
  });

  it('[recorded] §5 a service that is not a destination type (iam) -> 400 "The provided destination config DestinationConfig(...) is invalid."', async () => {
    const lambda = srv.client();
    await ready(lambda);
    for (const call of Object.values(both(lambda))) {
      await expectAwsError(call({ OnSuccess: { Destination: D.iam } }), {
        status: 400,
        name: 'InvalidParameterValueException',
        message: `The provided destination config DestinationConfig(onSuccess=OnSuccess(destination=${D.iam}), onFailure=null) is invalid.`,
      });
      await expectAwsError(call({ OnFailure: { Destination: D.iam } }), {
        status: 400,
        name: 'InvalidParameterValueException',
        message: `The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=${D.iam})) is invalid.`,
      });
      await expectAwsError(call({ OnSuccess: { Destination: D.sqs }, OnFailure: { Destination: D.iam } }), {
        status: 400,
        name: 'InvalidParameterValueException',
        message: MSG.destinationConfigInvalid(D.sqs, D.iam),
      });
    }
  });

  it('[docs] §5 SQS, SNS, EventBridge and Lambda are allowed for OnSuccess and OnFailure; S3 for OnFailure', async () => {
    const lambda = srv.client();
    await ready(lambda);
    const target = await arrange(lambda, 'destination-function', { versions: 1, aliases: { live: '1' } });
    const lambdaDestinations = [target.arn, `${target.arn}:1`, `${target.arn}:live`, `${target.arn}:$LATEST`];
    for (const arn of [D.sqs, D.sns, D.events, ...lambdaDestinations]) {
      const viaPut = await put(lambda, { OnSuccess: { Destination: arn }, OnFailure: { Destination: arn } });
      expect(viaPut.DestinationConfig, arn).toEqual({ OnSuccess: { Destination: arn }, OnFailure: { Destination: arn } });
      const viaUpdate = await update(lambda, { OnSuccess: { Destination: arn } });
      expect(viaUpdate.DestinationConfig, arn).toEqual({ OnSuccess: { Destination: arn }, OnFailure: {} });
    }
    const s3 = await put(lambda, { OnFailure: { Destination: D.s3 } });
    expect(s3.DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: { Destination: D.s3 } });
  });

  it('[inferred] §5 S3 for OnSuccess is refused with the "provided destination config ... is invalid" form', async () => {
    const lambda = srv.client();
    await ready(lambda);
    for (const call of Object.values(both(lambda)))
      await expectAwsError(call({ OnSuccess: { Destination: D.s3 }, OnFailure: { Destination: D.s3 } }), {
        status: 400,
        name: 'InvalidParameterValueException',
        message: MSG.destinationConfigInvalid(D.s3, D.s3),
      });
  });

  it('[recorded] §5 the same SQS queue may serve both OnSuccess and OnFailure', async () => {
    const lambda = srv.client();
    await ready(lambda);
    const out = await update(lambda, { OnSuccess: { Destination: D.sqs }, OnFailure: { Destination: D.sqs } });
    expect(out.DestinationConfig).toEqual({ OnSuccess: { Destination: D.sqs }, OnFailure: { Destination: D.sqs } });
    expect(out.MaximumRetryAttempts).toBe(1);
  });

  it('[recorded] §5 destinations are checked only when a Destination is non-empty: {} and "" store nothing', async () => {
    const lambda = srv.client();
    await ready(lambda);
    const out = await put(lambda, { OnSuccess: {}, OnFailure: { Destination: '' } });
    expect(out.DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: {} });
  });
});
