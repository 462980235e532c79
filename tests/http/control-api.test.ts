/**
 * The emulator's control API (/_lambda-eic/...): reset, injectable faults (aws-behaviour.md
 * section 7 [model][inferred]) with their wire form, `times` counting, the '*' operation, SDK
 * retries seen in $metadata.attempts, state inspection, and refusals of bad control input.
 */
import {
  CreateFunctionCommand,
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { ROLE, arrange } from '../support/arrange.js';
import { expectAwsError } from '../support/client.js';
import { useServer } from '../support/server.js';
import { MSG, fnArn } from '../support/spec-text.js';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';
import { eicPath, raw } from '../support/wire.js';

const srv = useServer();
const FN = 'my-function';
const control = (method: string, what: string, body?: unknown) => raw(srv.url, method, `/_lambda-eic${what}`, { headers: { 'x-lambda-eic-control': '1' }, ...(body === undefined ? {} : { body }) });
const arm = (fault: Record<string, unknown>) => control('POST', '/faults', fault);

describe('control API: reset and state', () => {
  it('GET /_lambda-eic/health answers {"status":"ok"}', async () => {
    const a = await control('GET', '/health');
    expect([a.status, a.json]).toEqual([200, { status: 'ok' }]);
  });

  it('POST /_lambda-eic/reset forgets every function, config and armed fault', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 1 }));
    await arm({ operation: 'GetFunctionEventInvokeConfig', kind: 'service', times: 5 });
    const a = await control('POST', '/reset');
    expect([a.status, a.json]).toEqual([200, { reset: true }]);
    expect((await control('GET', '/faults')).json).toEqual({ faults: [] });
    expect((await control('GET', '/state')).json).toEqual({ regions: [] });
    await expectAwsError(lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN })), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.functionDoesNotExist,
    });
  });

  it('GET /_lambda-eic/state shows functions, versions, aliases and configs per account and region', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN, { versions: 1, aliases: { live: '1' } });
    await lambda.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: FN,
        Qualifier: 'live',
        MaximumRetryAttempts: 1,
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:q' } },
      }),
    );
    await arrange(srv.client({ region: 'eu-west-1' }), 'west-function');
    const a = await control('GET', '/state');
    expect(a.status).toBe(200);
    const state = a.json as { regions: Array<{ account: string; region: string; functions: Array<Record<string, unknown>> }> };
    const east = state.regions.find((r) => r.region === 'us-east-1')!;
    expect(east.account).toBe('123456789012');
    expect(east.functions).toEqual([
      {
        name: FN,
        versions: ['1'],
        aliases: [{ name: 'live', functionVersion: '1' }],
        configs: [{ qualifier: 'live', maximumRetryAttempts: 1, onFailure: 'arn:aws:sqs:us-east-1:123456789012:q', lastModified: expect.any(Number) }],
      },
    ]);
    expect(state.regions.find((r) => r.region === 'eu-west-1')?.functions.map((f) => f.name)).toEqual(['west-function']);
  });
});

describe('control API: faults (§7)', () => {
  it('[model] §7 throttle -> 429 TooManyRequestsException with Retry-After and Reason: CallerRateLimitExceeded', async () => {
    const armed = await arm({ operation: 'GetFunctionEventInvokeConfig', kind: 'throttle' });
    expect(armed.status).toBe(201);
    expect(armed.json).toMatchObject({ fault: { operation: 'GetFunctionEventInvokeConfig', kind: 'throttle', times: 1, remaining: 1, retryAfterSeconds: 1, reason: 'CallerRateLimitExceeded' } });
    const a = await raw(srv.url, 'GET', eicPath(FN));
    expect([a.status, a.headers.get('x-amzn-errortype'), a.headers.get('retry-after')]).toEqual([429, 'TooManyRequestsException', '1']);
    expect(a.json).toMatchObject({ Type: 'User', Reason: 'CallerRateLimitExceeded' });
    expect(typeof (a.json as { message: unknown }).message).toBe('string');
  });

  it('[model] §7 throttle with retryAfterSeconds and reason chosen by the caller', async () => {
    await arm({ operation: 'PutFunctionEventInvokeConfig', kind: 'throttle', retryAfterSeconds: 7, reason: 'ConcurrentInvocationLimitExceeded' });
    const a = await raw(srv.url, 'PUT', eicPath(FN), { body: { MaximumRetryAttempts: 1 } });
    expect(a.headers.get('retry-after')).toBe('7');
    expect((a.json as { Reason: string }).Reason).toBe('ConcurrentInvocationLimitExceeded');
    const err = await expectAwsError(srv.client().send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN })), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.noConfig(fnArn('us-east-1', FN, '$LATEST')),
    });
    expect(err.$metadata.attempts).toBe(1);
  });

  it('[inferred] §7 service -> 500 ServiceException {"Type": "Service", "Message": ...}', async () => {
    await arm({ operation: 'ListFunctionEventInvokeConfigs', kind: 'service' });
    const a = await raw(srv.url, 'GET', eicPath(FN, '/list'));
    expect([a.status, a.headers.get('x-amzn-errortype')]).toEqual([500, 'ServiceException']);
    expect(a.json).toEqual({ Type: 'Service', Message: expect.stringMatching(/.+/) });
  });

  it('[inferred] §7 conflict -> 409 ResourceConflictException "The resource already exists, or another operation is in progress."', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await arm({ operation: 'PutFunctionEventInvokeConfig', kind: 'conflict' });
    const err = await expectAwsError(lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 1 })), {
      status: 409,
      name: 'ResourceConflictException',
      message: MSG.conflict,
    });
    expect(err.$metadata.attempts).toBe(1);
    // The faulted call changed nothing.
    expect(((await control('GET', '/state')).json as { regions: Array<{ functions: Array<{ configs: unknown[] }> }> }).regions[0]!.functions[0]!.configs).toEqual([]);
  });

  it('a fault message chosen by the caller replaces the catalogue text', async () => {
    await arm({ operation: 'GetFunctionEventInvokeConfig', kind: 'conflict', message: 'Simulated conflict for test' });
    const a = await raw(srv.url, 'GET', eicPath(FN));
    expect(a.json).toEqual({ Type: 'User', message: 'Simulated conflict for test' });
  });

  it('times N fails the next N matching calls, then the fault is spent; GET /faults shows what remains', async () => {
    const lambda = srv.client();
    await arrange(lambda, FN);
    await arm({ operation: 'GetFunctionEventInvokeConfig', kind: 'service', times: 3 });
    for (let i = 3; i >= 1; i--) {
      const listed = (await control('GET', '/faults')).json as { faults: Array<{ remaining: number; times: number }> };
      expect(listed.faults.map((f) => [f.times, f.remaining])).toEqual([[3, i]]);
      await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN })), { status: 500, name: 'ServiceException', message: /.+/ });
      // Other operations are not affected.
      expect((await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN }))).FunctionEventInvokeConfigs).toEqual([]);
    }
    expect((await control('GET', '/faults')).json).toEqual({ faults: [] });
    await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN })), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.noConfig(fnArn('us-east-1', FN, '$LATEST')),
    });
  });

  it("operation '*' fails any operation, control-plane calls included, and counts them all", async () => {
    const lambda = srv.client();
    await arm({ operation: '*', kind: 'throttle', times: 3, retryAfterSeconds: 0 });
    await expectAwsError(lambda.send(new CreateFunctionCommand({ FunctionName: FN, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: deploymentPackage() } })), {
      status: 429,
      name: 'TooManyRequestsException',
      message: /.+/,
    });
    await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN })), { status: 429, name: 'TooManyRequestsException', message: /.+/ });
    await expectAwsError(lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 0 })), { status: 429, name: 'TooManyRequestsException', message: /.+/ });
    await arrange(lambda, FN);
  });

  it('DELETE /_lambda-eic/faults disarms every fault (204)', async () => {
    await arm({ operation: '*', kind: 'service', times: 10 });
    await arm({ operation: 'GetFunctionEventInvokeConfig', kind: 'conflict' });
    expect(((await control('GET', '/faults')).json as { faults: unknown[] }).faults).toHaveLength(2);
    const a = await control('DELETE', '/faults');
    expect([a.status, a.text]).toEqual([204, '']);
    expect((await control('GET', '/faults')).json).toEqual({ faults: [] });
    await arrange(srv.client(), FN);
  });
});

describe('control API: SDK retries (§7 "SDKs retry it")', () => {
  it('[model] §7 the SDK retries a 429 and succeeds on the third attempt ($metadata.attempts 3)', async () => {
    await arrange(srv.client(), FN);
    const lambda = srv.client({ maxAttempts: 3, retryDelayMs: 1 });
    await arm({ operation: 'PutFunctionEventInvokeConfig', kind: 'throttle', times: 2, retryAfterSeconds: 0 });
    const out = await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 0 }));
    expect(out.$metadata.attempts).toBe(3);
    expect(out.MaximumRetryAttempts).toBe(0);
  });

  it('[model] §7 the SDK retries a 500 ServiceException and succeeds on the second attempt', async () => {
    await arrange(srv.client(), FN);
    const lambda = srv.client({ maxAttempts: 3, retryDelayMs: 1 });
    await arm({ operation: 'ListFunctionEventInvokeConfigs', kind: 'service', times: 1 });
    const out = await lambda.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN }));
    expect(out.$metadata.attempts).toBe(2);
    expect(out.FunctionEventInvokeConfigs).toEqual([]);
  });

  it('[model] §7 when every attempt is throttled the SDK gives up after maxAttempts with the 429', async () => {
    const lambda = srv.client({ maxAttempts: 3, retryDelayMs: 1 });
    await arm({ operation: 'GetFunctionEventInvokeConfig', kind: 'throttle', times: 5, retryAfterSeconds: 0 });
    const err = await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN })), {
      status: 429,
      name: 'TooManyRequestsException',
      message: /.+/,
    });
    expect(err.$metadata.attempts).toBe(3);
    expect(((await control('GET', '/faults')).json as { faults: Array<{ remaining: number }> }).faults[0]?.remaining).toBe(2);
  });

  it('[inferred] §7 a 409 is not retried by the SDK', async () => {
    await arrange(srv.client(), FN);
    const lambda = srv.client({ maxAttempts: 3, retryDelayMs: 1 });
    await arm({ operation: 'PutFunctionEventInvokeConfig', kind: 'conflict', times: 2 });
    const err = await expectAwsError(lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 0 })), {
      status: 409,
      name: 'ResourceConflictException',
      message: MSG.conflict,
    });
    expect(err.$metadata.attempts).toBe(1);
  });
});

describe('control API: bad input -> 400 JSON', () => {
  const BAD: Array<[string, string | Record<string, unknown> | unknown[]]> = [
    ['malformed JSON', '{"operation": '],
    ['a JSON array', ['*', 'throttle']],
    ['no operation', { kind: 'throttle' }],
    ['an empty operation', { operation: '', kind: 'throttle' }],
    ['a misspelt operation (it would silently never fire)', { operation: 'PutFunctionEventInvokeConfg', kind: 'throttle' }],
    ['an SDK command name instead of an operation', { operation: 'PutFunctionEventInvokeConfigCommand', kind: 'service' }],
    ['no kind', { operation: '*' }],
    ['an unknown kind', { operation: '*', kind: 'explode' }],
    ['times 0', { operation: '*', kind: 'service', times: 0 }],
    ['times 1.5', { operation: '*', kind: 'service', times: 1.5 }],
    ['times as a string', { operation: '*', kind: 'service', times: '2' }],
    ['a negative retryAfterSeconds', { operation: '*', kind: 'throttle', retryAfterSeconds: -1 }],
    ['a numeric reason', { operation: '*', kind: 'throttle', reason: 5 }],
    ['a numeric message', { operation: '*', kind: 'service', message: 5 }],
  ];
  for (const [what, body] of BAD)
    it(`POST /faults with ${what} -> 400 {"message": ...} and nothing armed`, async () => {
      const a = await arm(body as Record<string, unknown>);
      expect(a.status).toBe(400);
      expect(a.headers.get('content-type')).toMatch(/^application\/json/);
      expect(typeof (a.json as { message: unknown }).message).toBe('string');
      expect((await control('GET', '/faults')).json).toEqual({ faults: [] });
    });

  it('unknown control endpoints and wrong methods -> 404 JSON naming the endpoints', async () => {
    for (const [method, what] of [
      ['GET', '/nothing'],
      ['GET', '/reset'],
      ['PUT', '/faults'],
      ['POST', '/state'],
      ['GET', ''],
    ]) {
      const a = await control(method!, what!);
      expect(a.status, `${method} ${what}`).toBe(404);
      expect((a.json as { message: string }).message).toMatch(/\/reset.*\/faults.*\/state/);
    }
  });
});
