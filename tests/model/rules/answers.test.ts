/**
 * aws-behaviour.md section 6, "The config in answers" [docs][recorded]: through the SDK, and on the
 * wire (raw fetch) where the SDK would hide the difference (absent members, number format).
 */
import { GetFunctionEventInvokeConfigCommand, ListFunctionEventInvokeConfigsCommand, PutFunctionEventInvokeConfigCommand, UpdateFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { arrange } from '../../support/arrange.js';
import { useServer } from '../../support/server.js';
import { PATTERN, dest, fnArn } from '../../support/spec-text.js';
import { eicPath, raw } from '../../support/wire.js';

const srv = useServer();
const REGION = 'us-east-1';
const FN = 'my-function';
const ARN = fnArn(REGION, FN);
const D = dest(REGION);
const FUNCTION_ARN = new RegExp(`^(?:${PATTERN.functionArn})$`);

describe('§6 the config in answers', () => {
  it('[docs] §6 FunctionArn is always qualified: ...:function:<fn>:$LATEST when no qualifier was named', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1, aliases: { live: '1' } });
    for (const FunctionName of [FN, ARN, `123456789012:function:${FN}`]) {
      const out = await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, MaximumRetryAttempts: 0 }));
      expect(out.FunctionArn).toBe(`${ARN}:$LATEST`);
      expect(out.FunctionArn).toMatch(FUNCTION_ARN);
    }
    const viaAlias = await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: `${ARN}:live`, MaximumRetryAttempts: 0 }));
    expect(viaAlias.FunctionArn).toBe(`${ARN}:live`);
    const viaUpdate = await lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 1 }));
    expect(viaUpdate.FunctionArn).toBe(`${ARN}:$LATEST`);
    const viaList = await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN }));
    for (const c of viaList.FunctionEventInvokeConfigs ?? []) expect(c.FunctionArn).toMatch(FUNCTION_ARN);
  });

  it('[docs] §6 DestinationConfig always has both keys: {"OnSuccess": {}, "OnFailure": {}} when none is set (on the wire)', async () => {
    await arrange(srv.client(), FN);
    const putAnswer = await raw(srv.url, 'PUT', eicPath(FN), { body: { MaximumRetryAttempts: 1 } });
    expect(putAnswer.status).toBe(200);
    expect((putAnswer.json as Record<string, unknown>).DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: {} });
    const getAnswer = await raw(srv.url, 'GET', eicPath(FN));
    expect((getAnswer.json as Record<string, unknown>).DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: {} });
    const listAnswer = await raw(srv.url, 'GET', eicPath(FN, '/list'));
    expect(listAnswer.json).toMatchObject({ FunctionEventInvokeConfigs: [{ DestinationConfig: { OnSuccess: {}, OnFailure: {} } }] });
  });

  it('[docs] §6 an OnFailure-only config answers "OnSuccess": {}', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    const out = await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, DestinationConfig: { OnFailure: { Destination: D.sqs } } }));
    expect(out.DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: { Destination: D.sqs } });
    const wire = await raw(srv.url, 'GET', eicPath(FN));
    expect((wire.json as Record<string, unknown>).DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: { Destination: D.sqs } });
  });

  it('[docs] §6 MaximumRetryAttempts and MaximumEventAgeInSeconds appear only when set: the defaults (2, 21600) are not echoed', async () => {
    await arrange(srv.client(), FN);
    const onlyDestination = await raw(srv.url, 'PUT', eicPath(FN), { body: { DestinationConfig: { OnSuccess: { Destination: D.sns } } } });
    expect(Object.keys(onlyDestination.json as object).sort()).toEqual(['DestinationConfig', 'FunctionArn', 'LastModified']);
    const onlyRetries = await raw(srv.url, 'PUT', eicPath(FN), { body: { MaximumRetryAttempts: 2 } });
    expect(Object.keys(onlyRetries.json as object).sort()).toEqual(['DestinationConfig', 'FunctionArn', 'LastModified', 'MaximumRetryAttempts']);
    const withAge = await raw(srv.url, 'POST', eicPath(FN), { body: { MaximumEventAgeInSeconds: 21600 } });
    expect(withAge.json).toMatchObject({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21600 });
    for (const answer of [await raw(srv.url, 'GET', eicPath(FN)), await raw(srv.url, 'GET', eicPath(FN, '/list'))]) expect(answer.text).not.toMatch(/null/);
    const sdk = await srv.client().send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, DestinationConfig: { OnSuccess: {} } }));
    expect('MaximumRetryAttempts' in sdk || 'MaximumEventAgeInSeconds' in sdk).toBe(false);
  });

  it('[docs] §6 LastModified is epoch seconds: the SDK parses it into a Date of this moment', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    const before = Date.now();
    const out = await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 0 }));
    const after = Date.now();
    expect(out.LastModified).toBeInstanceOf(Date);
    expect(out.LastModified!.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(out.LastModified!.getTime()).toBeLessThanOrEqual(after + 1);
    const read = await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN }));
    expect(read.LastModified!.getTime()).toBe(out.LastModified!.getTime());
    const wire = await raw(srv.url, 'GET', eicPath(FN));
    expect((wire.json as { LastModified: number }).LastModified * 1000).toBeCloseTo(out.LastModified!.getTime(), 0);
  });
});
