/**
 * aws-behaviour.md section 3, "Naming the function and the qualifier" [recorded], through
 * @aws-sdk/client-lambda against the running emulator.
 */
import {
  DeleteFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  PublishVersionCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { arrange } from '../../support/arrange.js';
import { expectAwsError } from '../../support/client.js';
import { useServer } from '../../support/server.js';
import { ACCOUNT, MSG, fnArn } from '../../support/spec-text.js';

const srv = useServer();
const REGION = 'us-east-1';
const FN = 'my-function';
const ARN = fnArn(REGION, FN);

const put = (lambda: LambdaClient, FunctionName: string, Qualifier?: string, MaximumRetryAttempts = 1) =>
  lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, ...(Qualifier !== undefined ? { Qualifier } : {}), MaximumRetryAttempts }));
const get = (lambda: LambdaClient, FunctionName: string, Qualifier?: string) =>
  lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName, ...(Qualifier !== undefined ? { Qualifier } : {}) }));

/** The four operations that take a Qualifier, each called with the same target. */
const qualifiedCalls = (lambda: LambdaClient, FunctionName: string, Qualifier: string) => ({
  Put: () => lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, Qualifier, MaximumRetryAttempts: 0 })),
  Update: () => lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName, Qualifier, MaximumRetryAttempts: 0 })),
  Get: () => lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName, Qualifier })),
  Delete: () => lambda.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName, Qualifier })),
});

describe('§3 naming the function and the qualifier', () => {
  it('[recorded] §3 FunctionName may be a name, a partial ARN or a full ARN: all three name the same function', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    const forms = [FN, `${ACCOUNT}:function:${FN}`, ARN];
    for (const [i, form] of forms.entries()) {
      const out = await put(lambda, form, undefined, i);
      expect(out.FunctionArn).toBe(`${ARN}:$LATEST`);
      expect(out.MaximumRetryAttempts).toBe(i);
      for (const reader of forms) expect((await get(lambda, reader)).MaximumRetryAttempts).toBe(i);
    }
    const list = await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: `${ACCOUNT}:function:${FN}` }));
    expect(list.FunctionEventInvokeConfigs).toHaveLength(1);
  });

  it('[recorded] §3 each form may end in :<qualifier> ($LATEST, a version number or an alias name)', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1, aliases: { live: '1' } });
    const forms = [FN, `${ACCOUNT}:function:${FN}`, ARN];
    let retries = 0;
    for (const form of forms) {
      for (const qualifier of ['$LATEST', '1', 'live']) {
        retries = (retries + 1) % 3;
        const out = await put(lambda, `${form}:${qualifier}`, undefined, retries);
        expect(out.FunctionArn, `${form}:${qualifier}`).toBe(`${ARN}:${qualifier}`);
        const read = await get(lambda, FN, qualifier);
        expect(read.MaximumRetryAttempts, `${form}:${qualifier}`).toBe(retries);
      }
    }
  });

  it('[recorded] §3 effective qualifier: the Qualifier parameter, else the one in the name, else $LATEST', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 2, aliases: { live: '1' } });
    expect((await put(lambda, FN, '2', 2)).FunctionArn).toBe(`${ARN}:2`);
    expect((await put(lambda, `${FN}:live`, undefined, 1)).FunctionArn).toBe(`${ARN}:live`);
    expect((await put(lambda, FN, undefined, 0)).FunctionArn).toBe(`${ARN}:$LATEST`);
    expect((await get(lambda, `${FN}:2`)).MaximumRetryAttempts).toBe(2);
    expect((await get(lambda, FN, 'live')).MaximumRetryAttempts).toBe(1);
    expect((await get(lambda, FN)).MaximumRetryAttempts).toBe(0);
    expect((await get(lambda, FN, '$LATEST')).FunctionArn).toBe(`${ARN}:$LATEST`);
  });

  it('[recorded] §3 qualifier in name and Qualifier differ -> 400 InvalidParameterValueException (Put, Update, Get, Delete)', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 2 });
    await put(lambda, FN, '1');
    await put(lambda, FN, '2');
    for (const [op, call] of Object.entries(qualifiedCalls(lambda, `${FN}:1`, '2'))) {
      await expectAwsError(call(), { status: 400, name: 'InvalidParameterValueException', message: MSG.qualifierMismatch }).catch((e: Error) => {
        throw new Error(`${op}: ${e.message}`);
      });
    }
    // The full-ARN form conflicts the same way, and nothing changed.
    await expectAwsError(put(lambda, `${ARN}:$LATEST`, '1'), { status: 400, name: 'InvalidParameterValueException', message: MSG.qualifierMismatch });
    expect((await get(lambda, FN, '1')).MaximumRetryAttempts).toBe(1);
  });

  it('[recorded] §3 version against alias is a conflict even when the alias points at that version -> 400', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1, aliases: { live: '1' } });
    for (const [name, qualifier] of [
      [`${FN}:1`, 'live'],
      [`${FN}:live`, '1'],
      [`${ARN}:live`, '1'],
    ] as const) {
      for (const call of Object.values(qualifiedCalls(lambda, name, qualifier))) await expectAwsError(call(), { status: 400, name: 'InvalidParameterValueException', message: MSG.qualifierMismatch });
    }
  });

  it('[recorded] §3 equal qualifiers in the name and in Qualifier are accepted', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1, aliases: { live: '1' } });
    for (const qualifier of ['$LATEST', '1', 'live']) {
      expect((await put(lambda, `${FN}:${qualifier}`, qualifier)).FunctionArn).toBe(`${ARN}:${qualifier}`);
      expect((await get(lambda, `${ARN}:${qualifier}`, qualifier)).FunctionArn).toBe(`${ARN}:${qualifier}`);
    }
  });

  it('[recorded] §3 the qualifier conflict is checked before any existence check (missing function still 400)', async () => {
    const lambda = srv.client();
    for (const call of Object.values(qualifiedCalls(lambda, 'no-such-function:1', '2')))
      await expectAwsError(call(), { status: 400, name: 'InvalidParameterValueException', message: MSG.qualifierMismatch });
    // An existing function whose named version does not exist: still the conflict, not the 404.
    await arrange(lambda, FN);
    await expectAwsError(put(lambda, `${FN}:7`, 'ghost-alias'), { status: 400, name: 'InvalidParameterValueException', message: MSG.qualifierMismatch });
  });

  it("[recorded] §3 a full ARN naming another region -> 404 ResourceNotFoundException \"Functions from '<arn-region>' are not reachable in this region ('<region>')\"", async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    const other = fnArn('eu-west-1', FN);
    const message = MSG.unreachable('eu-west-1', REGION);
    for (const call of Object.values(qualifiedCalls(lambda, other, '$LATEST'))) await expectAwsError(call(), { status: 404, name: 'ResourceNotFoundException', message });
    await expectAwsError(lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: other })), { status: 404, name: 'ResourceNotFoundException', message });
    await expectAwsError(put(lambda, `${fnArn('ap-southeast-2', FN)}:1`), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.unreachable('ap-southeast-2', REGION),
    });
    // The same ARN is reachable from its own region (the SDK signs for eu-west-1).
    const west = srv.client({ region: 'eu-west-1' });
    await arrange(west, FN);
    expect((await put(west, other)).FunctionArn).toBe(`${other}:$LATEST`);
  });

  it('[recorded] §3 $LATEST, each published version and each alias hold separate configs', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 2, aliases: { live: '1', beta: '$LATEST' } });
    const qualifiers = ['$LATEST', '1', '2', 'live', 'beta'];
    for (const [i, q] of qualifiers.entries()) await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: q, MaximumEventAgeInSeconds: 60 + i }));
    for (const [i, q] of qualifiers.entries()) {
      const out = await get(lambda, FN, q);
      expect({ arn: out.FunctionArn, age: out.MaximumEventAgeInSeconds }).toEqual({ arn: `${ARN}:${q}`, age: 60 + i });
    }
    // An alias pointing at version 1 does not share version 1's config.
    await lambda.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: '1' }));
    expect((await get(lambda, FN, 'live')).MaximumEventAgeInSeconds).toBe(60 + qualifiers.indexOf('live'));
  });

  it('[recorded] §3 publishing a version does not copy the $LATEST config to it', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await put(lambda, FN);
    const published = await lambda.send(new PublishVersionCommand({ FunctionName: FN }));
    expect(published.Version).toBe('1');
    await expectAwsError(get(lambda, FN, '1'), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:1`) });
    const list = await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN }));
    expect(list.FunctionEventInvokeConfigs?.map((c) => c.FunctionArn)).toEqual([`${ARN}:$LATEST`]);
  });

  it("[recorded] §3 deleting $LATEST's config leaves the configs of versions and aliases", async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1, aliases: { live: '1' } });
    for (const q of ['$LATEST', '1', 'live']) await put(lambda, FN, q);
    const deleted = await lambda.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: FN }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await expectAwsError(get(lambda, FN), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:$LATEST`) });
    const list = await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN }));
    expect(list.FunctionEventInvokeConfigs?.map((c) => c.FunctionArn).sort()).toEqual([`${ARN}:1`, `${ARN}:live`]);
  });
});
