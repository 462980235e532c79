/**
 * aws-behaviour.md section 4, Put [docs][recorded] and Update [docs][recorded], through
 * @aws-sdk/client-lambda against the running emulator.
 */
import {
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type DestinationConfig,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { arrange } from '../../support/arrange.js';
import { expectAwsError } from '../../support/client.js';
import { useServer } from '../../support/server.js';
import { MSG, dest, fnArn } from '../../support/spec-text.js';

const srv = useServer();
const REGION = 'us-east-1';
const FN = 'my-function';
const ARN = fnArn(REGION, FN);
const D = dest(REGION);

interface Settings {
  Qualifier?: string;
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig?: DestinationConfig;
}
const put = (lambda: LambdaClient, settings: Settings, FunctionName = FN) => lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, ...settings }));
const update = (lambda: LambdaClient, settings: Settings, FunctionName = FN) => lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName, ...settings }));
const get = (lambda: LambdaClient, Qualifier?: string) => lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN, ...(Qualifier !== undefined ? { Qualifier } : {}) }));
/** The parts of a config answer that rules talk about (LastModified and metadata aside). */
const settingsOf = (out: { FunctionArn?: string; MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number; DestinationConfig?: DestinationConfig }) => ({
  FunctionArn: out.FunctionArn,
  MaximumRetryAttempts: out.MaximumRetryAttempts,
  MaximumEventAgeInSeconds: out.MaximumEventAgeInSeconds,
  DestinationConfig: out.DestinationConfig,
});

describe('§4 Put', () => {
  it('[recorded] §4 Put with none of MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig -> 400 InvalidParameterValueException', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await expectAwsError(put(lambda, {}), { status: 400, name: 'InvalidParameterValueException', message: MSG.atLeastOne });
    await expectAwsError(get(lambda), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:$LATEST`) });
  });

  it('[recorded] §4 Put checks the at-least-one rule before the function is looked up (a missing function still gets the 400)', async () => {
    const lambda = srv.client();
    await expectAwsError(put(lambda, {}, 'no-such-function'), { status: 400, name: 'InvalidParameterValueException', message: MSG.atLeastOne });
    await expectAwsError(put(lambda, { Qualifier: '9' }, fnArn(REGION, 'no-such-function')), {
      status: 400,
      name: 'InvalidParameterValueException',
      message: MSG.atLeastOne,
    });
  });

  it('[recorded] §4 Put counts DestinationConfig {"OnSuccess": {}} as a setting', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    const out = await put(lambda, { DestinationConfig: { OnSuccess: {} } });
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(settingsOf(out)).toEqual({
      FunctionArn: `${ARN}:$LATEST`,
      MaximumRetryAttempts: undefined,
      MaximumEventAgeInSeconds: undefined,
      DestinationConfig: { OnSuccess: {}, OnFailure: {} },
    });
  });

  it('[recorded] §4 Put qualifier conflict (section 3) -> 400 InvalidParameterValueException', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1 });
    await expectAwsError(put(lambda, { Qualifier: '1', MaximumRetryAttempts: 0 }, `${FN}:$LATEST`), {
      status: 400,
      name: 'InvalidParameterValueException',
      message: MSG.qualifierMismatch,
    });
  });

  it('[recorded] §4 Put on a missing function -> 404 ResourceNotFoundException "The function doesn\'t exist." (no ARN in the message)', async () => {
    const lambda = srv.client();
    for (const name of ['no-such-function', `${FN}:1`, fnArn(REGION, 'no-such-function'), `123456789012:function:no-such-function:live`])
      await expectAwsError(put(lambda, { MaximumRetryAttempts: 1 }, name), { status: 404, name: 'ResourceNotFoundException', message: MSG.functionDoesNotExist });
  });

  it('[recorded] §4 Put with a qualifier naming no existing version or alias -> 404 "The function doesn\'t exist."', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1, aliases: { live: '1' } });
    for (const Qualifier of ['2', '1221', 'no-such-alias'])
      await expectAwsError(put(lambda, { Qualifier, MaximumRetryAttempts: 1 }), { status: 404, name: 'ResourceNotFoundException', message: MSG.functionDoesNotExist });
    await expectAwsError(put(lambda, { MaximumRetryAttempts: 1 }, `${ARN}:beta`), { status: 404, name: 'ResourceNotFoundException', message: MSG.functionDoesNotExist });
    // The existing ones are fine.
    for (const Qualifier of ['1', 'live']) expect((await put(lambda, { Qualifier, MaximumRetryAttempts: 1 })).FunctionArn).toBe(`${ARN}:${Qualifier}`);
  });

  it('[recorded] §4 Put checks destinations (section 5) after the function: a bad one stores nothing', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await expectAwsError(put(lambda, { MaximumRetryAttempts: 0, DestinationConfig: { OnSuccess: { Destination: D.iam } } }), {
      status: 400,
      name: 'InvalidParameterValueException',
      message: MSG.destinationConfigInvalid(D.iam, null),
    });
    await expectAwsError(get(lambda), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:$LATEST`) });
    // On a missing function the 404 comes first.
    await expectAwsError(put(lambda, { DestinationConfig: { OnSuccess: { Destination: D.iam } } }, 'no-such-function'), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.functionDoesNotExist,
    });
  });

  it('[docs] §4 Put overwrites: the new config replaces the old one entirely and a field left out is removed', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await put(lambda, { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 120, DestinationConfig: { OnSuccess: { Destination: D.sns }, OnFailure: { Destination: D.sqs } } });
    const second = await put(lambda, { MaximumEventAgeInSeconds: 300 });
    const expected = {
      FunctionArn: `${ARN}:$LATEST`,
      MaximumRetryAttempts: undefined,
      MaximumEventAgeInSeconds: 300,
      DestinationConfig: { OnSuccess: {}, OnFailure: {} },
    };
    expect(settingsOf(second)).toEqual(expected);
    expect(settingsOf(await get(lambda))).toEqual(expected);
    const third = await put(lambda, { DestinationConfig: { OnFailure: { Destination: D.sqs } } });
    expect(settingsOf(third)).toEqual({ ...expected, MaximumEventAgeInSeconds: undefined, DestinationConfig: { OnSuccess: {}, OnFailure: { Destination: D.sqs } } });
    const list = await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN }));
    expect(list.FunctionEventInvokeConfigs).toHaveLength(1);
  });

  it('[docs] §4 Put answers the stored config (section 6): the same as a later Get, LastModified included', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1 });
    const out = await put(lambda, { Qualifier: '1', MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21600, DestinationConfig: { OnFailure: { Destination: D.s3 } } });
    const read = await get(lambda, '1');
    expect(settingsOf(out)).toEqual({
      FunctionArn: `${ARN}:1`,
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
      DestinationConfig: { OnSuccess: {}, OnFailure: { Destination: D.s3 } },
    });
    expect(settingsOf(read)).toEqual(settingsOf(out));
    expect(read.LastModified?.getTime()).toBe(out.LastModified?.getTime());
  });
});

describe('§4 Update', () => {
  it('[recorded] §4 Update on a missing function -> 404 ResourceNotFoundException "The function doesn\'t exist."', async () => {
    const lambda = srv.client();
    for (const name of ['no-such-function', fnArn(REGION, 'no-such-function', '$LATEST')])
      await expectAwsError(update(lambda, { MaximumRetryAttempts: 0 }, name), { status: 404, name: 'ResourceNotFoundException', message: MSG.functionDoesNotExist });
  });

  it('[inferred] §4 Update with a qualifier naming no existing version or alias -> 404 "The function doesn\'t exist."', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1 });
    for (const Qualifier of ['5', 'no-such-alias'])
      await expectAwsError(update(lambda, { Qualifier, MaximumRetryAttempts: 0 }), { status: 404, name: 'ResourceNotFoundException', message: MSG.functionDoesNotExist });
  });

  it('[recorded] §4 Update without a config -> 404 "The function <qualified arn> doesn\'t have an EventInvokeConfig" ($LATEST when none named, the alias for an alias ARN)', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1, aliases: { live: '1' } });
    const cases: Array<[string, string | undefined, string]> = [
      [FN, undefined, `${ARN}:$LATEST`],
      [ARN, undefined, `${ARN}:$LATEST`],
      [FN, '1', `${ARN}:1`],
      [`${ARN}:live`, undefined, `${ARN}:live`],
      [`123456789012:function:${FN}`, 'live', `${ARN}:live`],
    ];
    for (const [name, Qualifier, qualifiedArn] of cases)
      await expectAwsError(update(lambda, { ...(Qualifier ? { Qualifier } : {}), MaximumRetryAttempts: 0 }, name), {
        status: 404,
        name: 'ResourceNotFoundException',
        message: MSG.noConfig(qualifiedArn),
      });
  });

  it('[recorded] §4 Update never creates a config', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await expectAwsError(update(lambda, { MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: D.sqs } } }), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.noConfig(`${ARN}:$LATEST`),
    });
    await expectAwsError(get(lambda), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:$LATEST`) });
    const list = await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN }));
    expect(list.FunctionEventInvokeConfigs).toEqual([]);
  });

  it('[recorded] §4 Update merges: Put {retries 2, age 60} then Update {retries 0} gives {retries 0, age 60}', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await put(lambda, { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 });
    const out = await update(lambda, { MaximumRetryAttempts: 0 });
    const expected = { FunctionArn: `${ARN}:$LATEST`, MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60, DestinationConfig: { OnSuccess: {}, OnFailure: {} } };
    expect(settingsOf(out)).toEqual(expected);
    expect(settingsOf(await get(lambda))).toEqual(expected);
    // A present member replaces, an absent one keeps; destinations keep too when DestinationConfig is absent.
    await update(lambda, { DestinationConfig: { OnSuccess: { Destination: D.events } } });
    const again = await update(lambda, { MaximumEventAgeInSeconds: 7200 });
    expect(settingsOf(again)).toEqual({ ...expected, MaximumEventAgeInSeconds: 7200, DestinationConfig: { OnSuccess: { Destination: D.events }, OnFailure: {} } });
  });

  it('[docs] §4 Update docs example: {age 3600, retries 0} then Update with only an OnFailure SQS destination', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await put(lambda, { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 0 });
    const out = await update(lambda, { DestinationConfig: { OnFailure: { Destination: D.sqs } } });
    expect(settingsOf(out)).toEqual({
      DestinationConfig: { OnFailure: { Destination: D.sqs }, OnSuccess: {} },
      FunctionArn: `${ARN}:$LATEST`,
      MaximumEventAgeInSeconds: 3600,
      MaximumRetryAttempts: 0,
    });
  });

  it('[inferred] §4 Update replaces DestinationConfig as a whole: an Update carrying only OnFailure drops the stored OnSuccess', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await put(lambda, { MaximumRetryAttempts: 1, DestinationConfig: { OnSuccess: { Destination: D.sns }, OnFailure: { Destination: D.sqs } } });
    const out = await update(lambda, { DestinationConfig: { OnFailure: { Destination: D.sqs2 } } });
    expect(settingsOf(out)).toEqual({
      FunctionArn: `${ARN}:$LATEST`,
      MaximumRetryAttempts: 1,
      MaximumEventAgeInSeconds: undefined,
      DestinationConfig: { OnSuccess: {}, OnFailure: { Destination: D.sqs2 } },
    });
  });

  it('[inferred] §4 Update applies the at-least-one rule as Put does, before the lookup', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await put(lambda, { MaximumRetryAttempts: 1 });
    await expectAwsError(update(lambda, {}), { status: 400, name: 'InvalidParameterValueException', message: MSG.atLeastOne });
    await expectAwsError(update(lambda, {}, 'no-such-function'), { status: 400, name: 'InvalidParameterValueException', message: MSG.atLeastOne });
    expect((await get(lambda)).MaximumRetryAttempts).toBe(1);
  });

  it('[inferred] §4 Update applies the qualifier conflict as Put does; the at-least-one rule comes first', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1 });
    await put(lambda, { Qualifier: '1', MaximumRetryAttempts: 1 });
    await expectAwsError(update(lambda, { Qualifier: '$LATEST', MaximumRetryAttempts: 0 }, `${FN}:1`), {
      status: 400,
      name: 'InvalidParameterValueException',
      message: MSG.qualifierMismatch,
    });
    await expectAwsError(update(lambda, { Qualifier: '$LATEST' }, `${FN}:1`), { status: 400, name: 'InvalidParameterValueException', message: MSG.atLeastOne });
  });

  it('[recorded] §4 Update checks destinations as Put does (section 5)', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await put(lambda, { MaximumRetryAttempts: 1 });
    await expectAwsError(update(lambda, { DestinationConfig: { OnFailure: { Destination: fnArn(REGION, FN) } } }), {
      status: 400,
      name: 'InvalidParameterValueException',
      message: MSG.destinationIsSelf,
    });
    expect(settingsOf(await get(lambda)).DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: {} });
  });
});
