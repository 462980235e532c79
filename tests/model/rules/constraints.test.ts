/**
 * aws-behaviour.md section 1 [model]: the five operations on the wire, and the constraints table
 * (ranges at min-1/min/max/max+1, lengths, whole-string patterns, several violations joined),
 * with the message form of section 2.
 */
import {
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { arrange } from '../../support/arrange.js';
import { expectAwsError } from '../../support/client.js';
import { useServer } from '../../support/server.js';
import { MSG, PATTERN, WHAT, fnArn, validationMessage, violation } from '../../support/spec-text.js';
import { eicPath, raw } from '../../support/wire.js';

const srv = useServer();
const REGION = 'us-east-1';
const FN = 'my-function';
const ARN = fnArn(REGION, FN);
const ARN_PREFIX = `arn:aws:lambda:${REGION}:123456789012:function:`;

const validation = (...parts: string[]) => ({ status: 400, name: 'ValidationException', message: validationMessage(...parts) });
const put = (lambda: LambdaClient, input: Omit<ConstructorParameters<typeof PutFunctionEventInvokeConfigCommand>[0], 'FunctionName'>, FunctionName = FN) =>
  lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, ...input }));

describe('§1 operations on the wire', () => {
  it('[model] §1 PUT/POST/GET/DELETE on /2019-09-25/functions/{FunctionName}/event-invoke-config and GET .../list, with their success codes', async () => {
    await arrange(srv.client(), FN, { versions: 1 });
    const encodedArn = encodeURIComponent(ARN);
    expect(encodedArn).toContain('arn%3Aaws%3Alambda');
    const putA = await raw(srv.url, 'PUT', `/2019-09-25/functions/${encodedArn}/event-invoke-config?Qualifier=1`, { body: { MaximumRetryAttempts: 1 } });
    expect([putA.status, (putA.json as { FunctionArn: string }).FunctionArn]).toEqual([200, `${ARN}:1`]);
    const postA = await raw(srv.url, 'POST', `/2019-09-25/functions/${encodedArn}/event-invoke-config?Qualifier=1`, { body: { MaximumEventAgeInSeconds: 61 } });
    expect([postA.status, postA.json]).toMatchObject([200, { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 61 }]);
    const getA = await raw(srv.url, 'GET', `/2019-09-25/functions/${FN}%3A1/event-invoke-config`);
    expect([getA.status, getA.json]).toMatchObject([200, { FunctionArn: `${ARN}:1`, MaximumEventAgeInSeconds: 61 }]);
    const listA = await raw(srv.url, 'GET', `/2019-09-25/functions/${FN}/event-invoke-config/list?MaxItems=1`);
    expect(listA.status).toBe(200);
    expect(Object.keys(listA.json as object)).toEqual(['FunctionEventInvokeConfigs']);
    const deleteA = await raw(srv.url, 'DELETE', `/2019-09-25/functions/${FN}/event-invoke-config?Qualifier=1`);
    expect([deleteA.status, deleteA.text]).toEqual([204, '']);
  });

  it('[model] §1 MaximumRetryAttempts, MaximumEventAgeInSeconds and DestinationConfig are each optional', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    expect((await put(lambda, { MaximumRetryAttempts: 0 })).MaximumRetryAttempts).toBe(0);
    expect((await put(lambda, { MaximumEventAgeInSeconds: 90 })).MaximumEventAgeInSeconds).toBe(90);
    expect((await put(lambda, { DestinationConfig: {} })).DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: {} });
  });
});

describe('§1 constraints (message form of §2)', () => {
  it('[model] §1 MaximumRetryAttempts is an integer 0-2: -1 and 3 refused, 0 and 2 accepted', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await expectAwsError(put(lambda, { MaximumRetryAttempts: -1 }), validation(violation(-1, 'maximumRetryAttempts', WHAT.minValue(0))));
    await expectAwsError(put(lambda, { MaximumRetryAttempts: 3 }), validation(violation(3, 'maximumRetryAttempts', WHAT.maxValue(2))));
    for (const v of [0, 2]) expect((await put(lambda, { MaximumRetryAttempts: v })).MaximumRetryAttempts).toBe(v);
    await expectAwsError(lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 3 })), validation(violation(3, 'maximumRetryAttempts', WHAT.maxValue(2))));
  });

  it('[model] §1 MaximumEventAgeInSeconds is an integer 60-21600: 59 and 21601 refused, 60 and 21600 accepted', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await expectAwsError(put(lambda, { MaximumEventAgeInSeconds: 59 }), validation(violation(59, 'maximumEventAgeInSeconds', WHAT.minValue(60))));
    await expectAwsError(put(lambda, { MaximumEventAgeInSeconds: 21601 }), validation(violation(21601, 'maximumEventAgeInSeconds', WHAT.maxValue(21600))));
    for (const v of [60, 21600]) expect((await put(lambda, { MaximumEventAgeInSeconds: v })).MaximumEventAgeInSeconds).toBe(v);
  });

  it('[model] §1 MaxItems (List) is an integer 1-50: 0 and 51 refused, 1 and 50 accepted', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    const list = (MaxItems: number) => lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN, MaxItems }));
    await expectAwsError(list(0), validation(violation(0, 'maxItems', WHAT.minValue(1))));
    await expectAwsError(list(51), validation(violation(51, 'maxItems', WHAT.maxValue(50))));
    for (const v of [1, 50]) expect((await list(v)).FunctionEventInvokeConfigs).toEqual([]);
  });

  it('[model] §1 Qualifier has length 1-128: 128 accepted, 129 refused; the empty value fails length and pattern', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    const q128 = 'q'.repeat(128);
    await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: q128 })), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.noConfig(`${ARN}:${q128}`),
    });
    const q129 = 'q'.repeat(129);
    await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: q129 })), validation(violation(q129, 'qualifier', WHAT.maxLength(128))));
    const empty = await raw(srv.url, 'GET', eicPath(FN, '?Qualifier='));
    expect([empty.status, empty.headers.get('x-amzn-errortype')]).toEqual([400, 'ValidationException']);
    expect((empty.json as { message: string }).message).toBe(validationMessage(violation('', 'qualifier', WHAT.minLength(1)), violation('', 'qualifier', WHAT.pattern(PATTERN.qualifier))));
  });

  it('[model] §1 Qualifier pattern is a whole-string match: "live!" and "v.1" refused, "$LATEST" and "my_alias-1" accepted', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    for (const bad of ['live!', 'v.1', 'a b'])
      await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: bad })), validation(violation(bad, 'qualifier', WHAT.pattern(PATTERN.qualifier))));
    for (const good of ['$LATEST', 'my_alias-1'])
      await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: good })), {
        status: 404,
        name: 'ResourceNotFoundException',
        message: MSG.noConfig(`${ARN}:${good}`),
      });
  });

  it('[model] §1 FunctionName has length 1-256: a 256-character ARN passes validation, 257 characters are refused', async () => {
    const lambda = srv.client();
    const name256 = `${ARN_PREFIX}${'f'.repeat(256 - ARN_PREFIX.length)}`;
    expect(name256).toHaveLength(256);
    await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: name256 })), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.noConfig(`${name256}:$LATEST`),
    });
    const name257 = `${name256}f`;
    await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: name257 })), validation(violation(name257, 'functionName', WHAT.maxLength(256))));
    const empty = await raw(srv.url, 'GET', '/2019-09-25/functions//event-invoke-config');
    expect((empty.json as { message: string }).message).toBe(validationMessage(violation('', 'functionName', WHAT.minLength(1)), violation('', 'functionName', WHAT.pattern(PATTERN.functionName))));
  });

  it('[model] §1 FunctionName pattern is a whole-string match', async () => {
    const lambda = srv.client();
    for (const bad of ['my-function!', 'my function', 'arn:aws:lambda:us-east-1:123456789012:function:f:v:1', 'f/g'])
      await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: bad })), validation(violation(bad, 'functionName', WHAT.pattern(PATTERN.functionName))));
  });

  it('[docs] §1 a bare name is limited to 64 characters (AWS sends InvalidParameterValueException with the validation text); ARNs are not', async () => {
    // Real AWS answers this with InvalidParameterValueException (aws/aws-cdk#13264, cloud-custodian#3352);
    // aws-behaviour.md gives the limit [docs] and the message form, not the code.
    const lambda = srv.client();
    const bare64 = 'b'.repeat(64);
    await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: bare64 })), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.noConfig(fnArn(REGION, bare64, '$LATEST')),
    });
    const bare65 = 'b'.repeat(65);
    for (const name of [bare65, `${bare65}:live`])
      await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: name })), {
        status: 400,
        name: 'InvalidParameterValueException',
        message: validationMessage(violation(name, 'functionName', WHAT.maxLength(64))),
      });
    await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: `123456789012:function:${bare65}` })), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.noConfig(fnArn(REGION, bare65, '$LATEST')),
    });
  });

  it('[model] §1 Destination has length 0-350: 350 accepted, 351 refused', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    const prefix = `arn:aws:sqs:${REGION}:123456789012:`;
    const d350 = `${prefix}${'q'.repeat(350 - prefix.length)}`;
    expect((await put(lambda, { DestinationConfig: { OnFailure: { Destination: d350 } } })).DestinationConfig?.OnFailure?.Destination).toBe(d350);
    const d351 = `${d350}q`;
    await expectAwsError(put(lambda, { DestinationConfig: { OnFailure: { Destination: d351 } } }), validation(violation(d351, 'destinationConfig.onFailure.destination', WHAT.maxLength(350))));
  });

  it('[model] §1 Destination pattern is a whole-string match (its leading "$|" alternative must not accept everything)', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    for (const bad of ['xarn:aws:sqs:us-east-1:123456789012:q', 'sqs-queue', 'kafka://.starts-with-dot'])
      await expectAwsError(
        put(lambda, { DestinationConfig: { OnSuccess: { Destination: bad } } }),
        validation(violation(bad, 'destinationConfig.onSuccess.destination', WHAT.pattern(PATTERN.destination))),
      );
  });

  it('[recorded] §2 several violations: "N validation errors detected: " and the parts joined by "; ", in model member order', async () => {
    const lambda = srv.client();
    const bad = 'bad name!';
    await expectAwsError(
      lambda.send(
        new PutFunctionEventInvokeConfigCommand({
          FunctionName: bad,
          Qualifier: 'q'.repeat(129),
          MaximumRetryAttempts: 3,
          MaximumEventAgeInSeconds: 59,
          DestinationConfig: { OnSuccess: { Destination: 'nope' }, OnFailure: { Destination: 'nope-either' } },
        }),
      ),
      validation(
        violation(bad, 'functionName', WHAT.pattern(PATTERN.functionName)),
        violation('q'.repeat(129), 'qualifier', WHAT.maxLength(128)),
        violation(3, 'maximumRetryAttempts', WHAT.maxValue(2)),
        violation(59, 'maximumEventAgeInSeconds', WHAT.minValue(60)),
        violation('nope', 'destinationConfig.onSuccess.destination', WHAT.pattern(PATTERN.destination)),
        violation('nope-either', 'destinationConfig.onFailure.destination', WHAT.pattern(PATTERN.destination)),
      ),
    );
    const two = await raw(srv.url, 'PUT', eicPath(FN), { body: { MaximumRetryAttempts: -5, MaximumEventAgeInSeconds: 99999 } });
    expect((two.json as { message: string }).message).toMatch(/^2 validation errors detected: Value '-5' at 'maximumRetryAttempts' .*; Value '99999' at 'maximumEventAgeInSeconds' /);
  });

  it('[recorded] §2 constraint violations come before the operation runs: a missing function with retries 3 gets the ValidationException', async () => {
    const lambda = srv.client();
    await expectAwsError(put(lambda, { MaximumRetryAttempts: 3 }, 'no-such-function'), validation(violation(3, 'maximumRetryAttempts', WHAT.maxValue(2))));
  });
});
