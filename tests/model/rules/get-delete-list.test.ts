/**
 * aws-behaviour.md section 4, Get [recorded], Delete [recorded] and List [recorded][model],
 * through @aws-sdk/client-lambda against the running emulator.
 */
import {
  CreateAliasCommand,
  DeleteFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { arrange } from '../../support/arrange.js';
import { expectAwsError } from '../../support/client.js';
import { useServer } from '../../support/server.js';
import { MSG, fnArn } from '../../support/spec-text.js';

const srv = useServer();
const REGION = 'us-east-1';
const FN = 'my-function';
const ARN = fnArn(REGION, FN);

const put = (lambda: LambdaClient, Qualifier: string, MaximumEventAgeInSeconds = 60) => lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier, MaximumEventAgeInSeconds }));
const get = (lambda: LambdaClient, FunctionName: string, Qualifier?: string) =>
  lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName, ...(Qualifier !== undefined ? { Qualifier } : {}) }));
const del = (lambda: LambdaClient, FunctionName: string, Qualifier?: string) =>
  lambda.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName, ...(Qualifier !== undefined ? { Qualifier } : {}) }));
const list = (lambda: LambdaClient, FunctionName: string, MaxItems?: number, Marker?: string) =>
  lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName, ...(MaxItems !== undefined ? { MaxItems } : {}), ...(Marker !== undefined ? { Marker } : {}) }));

/** Every page of a List, following NextMarker. */
async function allPages(lambda: LambdaClient, MaxItems?: number) {
  const pages = [];
  let marker: string | undefined;
  do {
    const page = await list(lambda, FN, MaxItems, marker);
    pages.push(page);
    marker = page.NextMarker;
  } while (marker !== undefined && pages.length < 100);
  return pages;
}

describe('§4 Get', () => {
  it('[recorded] §4 Get on a missing function -> 404 "The function <arn>:<qualifier or $LATEST> doesn\'t have an EventInvokeConfig"', async () => {
    const lambda = srv.client();
    const ghost = fnArn(REGION, 'no-such-function');
    await expectAwsError(get(lambda, 'no-such-function'), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ghost}:$LATEST`) });
    await expectAwsError(get(lambda, 'no-such-function', '3'), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ghost}:3`) });
    await expectAwsError(get(lambda, `${ghost}:live`), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ghost}:live`) });
  });

  it('[recorded] §4 Get on an existing function without a config -> the same 404', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1 });
    await put(lambda, '1');
    await expectAwsError(get(lambda, FN), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:$LATEST`) });
    expect((await get(lambda, FN, '1')).FunctionArn).toBe(`${ARN}:1`);
  });

  it('[recorded] §4 Get does not check that the version or alias exists (Qualifier 1221 gives the EventInvokeConfig 404)', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await put(lambda, '$LATEST');
    await expectAwsError(get(lambda, FN, '1221'), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:1221`) });
    await expectAwsError(get(lambda, `${FN}:no-such-alias`), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:no-such-alias`) });
  });
});

describe('§4 Delete', () => {
  it('[recorded] §4 Delete answers 204 and the config is gone', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await put(lambda, '$LATEST');
    const out = await del(lambda, FN);
    expect(out.$metadata.httpStatusCode).toBe(204);
    await expectAwsError(get(lambda, FN), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:$LATEST`) });
  });

  it('[recorded] §4 Delete is not idempotent: a second Delete answers the Get-style 404', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1, aliases: { live: '1' } });
    await put(lambda, 'live');
    expect((await del(lambda, `${ARN}:live`)).$metadata.httpStatusCode).toBe(204);
    await expectAwsError(del(lambda, `${ARN}:live`), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:live`) });
    await expectAwsError(del(lambda, FN, '1'), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ARN}:1`) });
  });

  it('[recorded] §4 Delete on a function that does not exist answers the Get-style 404', async () => {
    const lambda = srv.client();
    const ghost = fnArn(REGION, 'no-such-function');
    await expectAwsError(del(lambda, 'no-such-function'), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ghost}:$LATEST`) });
    await expectAwsError(del(lambda, 'no-such-function', '4'), { status: 404, name: 'ResourceNotFoundException', message: MSG.noConfig(`${ghost}:4`) });
  });
});

describe('§4 List', () => {
  it('[recorded] §4 List on a missing function -> 404 "The function doesn\'t exist." (unlike Get and Delete)', async () => {
    const lambda = srv.client();
    for (const name of ['no-such-function', fnArn(REGION, 'no-such-function'), '123456789012:function:no-such-function'])
      await expectAwsError(list(lambda, name), { status: 404, name: 'ResourceNotFoundException', message: MSG.functionDoesNotExist });
  });

  it('[recorded] §4 List holds the configs of every qualifier, each with its qualified FunctionArn', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 2, aliases: { live: '2', beta: '$LATEST' } });
    const qualifiers = ['$LATEST', '1', '2', 'live', 'beta'];
    for (const [i, q] of qualifiers.entries()) await put(lambda, q, 100 + i);
    const out = await list(lambda, FN);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.NextMarker).toBeUndefined();
    const seen = (out.FunctionEventInvokeConfigs ?? []).map((c) => [c.FunctionArn, c.MaximumEventAgeInSeconds]);
    expect(seen.sort()).toEqual(qualifiers.map((q, i) => [`${ARN}:${q}`, 100 + i]).sort());
    for (const c of out.FunctionEventInvokeConfigs ?? []) {
      expect(c.DestinationConfig).toEqual({ OnSuccess: {}, OnFailure: {} });
      expect(c.LastModified).toBeInstanceOf(Date);
    }
  });

  it('[recorded] §4 List with no configs -> 200 {"FunctionEventInvokeConfigs": []}', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1 });
    const out = await list(lambda, FN);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.FunctionEventInvokeConfigs).toEqual([]);
    expect(out.NextMarker).toBeUndefined();
  });

  it('[model] §4 List MaxItems cuts a page; NextMarker only when more remain; Marker gives the next page; pages hold every config once', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 2, aliases: { live: '1', beta: '2' } });
    const qualifiers = ['$LATEST', '1', '2', 'live', 'beta'];
    for (const q of qualifiers) await put(lambda, q);
    const expected = qualifiers.map((q) => `${ARN}:${q}`).sort();
    for (const maxItems of [1, 2, 3, 4, 5, 50]) {
      const pages = await allPages(lambda, maxItems);
      expect(
        pages.map((p) => p.FunctionEventInvokeConfigs?.length),
        `MaxItems ${maxItems}`,
      ).toEqual(Array.from({ length: Math.ceil(5 / maxItems) }, (_, i) => Math.min(maxItems, 5 - i * maxItems)));
      expect(pages.slice(0, -1).every((p) => typeof p.NextMarker === 'string')).toBe(true);
      expect(pages.at(-1)?.NextMarker).toBeUndefined();
      expect(
        pages
          .flatMap((p) => p.FunctionEventInvokeConfigs ?? [])
          .map((c) => c.FunctionArn)
          .sort(),
      ).toEqual(expected);
    }
  });

  it('[model] §4 List MaxItems defaults to 50', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await put(lambda, '$LATEST');
    for (let i = 0; i < 50; i++) {
      await lambda.send(new CreateAliasCommand({ FunctionName: FN, Name: `alias-${i}`, FunctionVersion: '$LATEST' }));
      await put(lambda, `alias-${i}`);
    }
    const first = await list(lambda, FN);
    expect(first.FunctionEventInvokeConfigs).toHaveLength(50);
    expect(typeof first.NextMarker).toBe('string');
    const second = await list(lambda, FN, undefined, first.NextMarker);
    expect(second.FunctionEventInvokeConfigs).toHaveLength(1);
    expect(second.NextMarker).toBeUndefined();
    const arns = new Set([...first.FunctionEventInvokeConfigs!, ...second.FunctionEventInvokeConfigs!].map((c) => c.FunctionArn));
    expect(arns.size).toBe(51);
  });

  it('[recorded] §4 List markers are opaque strings, not qualifiers or offsets', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1 });
    await put(lambda, '$LATEST');
    await put(lambda, '1');
    const first = await list(lambda, FN, 1);
    const marker = first.NextMarker!;
    expect(typeof marker).toBe('string');
    expect(marker.length).toBeGreaterThan(0);
    expect(marker).not.toMatch(/^\d+$/);
    expect(marker).not.toContain(ARN);
    expect(marker).not.toBe('$LATEST');
    // The same marker gives the same page twice (markers are stable references, not cursors that move).
    const a = await list(lambda, FN, 1, marker);
    const b = await list(lambda, FN, 1, marker);
    expect(a.FunctionEventInvokeConfigs?.map((c) => c.FunctionArn)).toEqual(b.FunctionEventInvokeConfigs?.map((c) => c.FunctionArn));
    expect(a.FunctionEventInvokeConfigs?.[0]?.FunctionArn).not.toBe(first.FunctionEventInvokeConfigs?.[0]?.FunctionArn);
  });
});
