/**
 * Unit tests of the example wrapper, once per transport, written as an application's tests would
 * be: the client mock for fast unit tests, nock for the real SDK pipeline, and the embedded HTTP
 * emulator for an endpoint any process can reach.
 */
import 'aws-sdk-client-mock-vitest/extend';
import {
  CreateFunctionCommand,
  GetFunctionEventInvokeConfigCommand,
  LambdaClient,
  PutFunctionEventInvokeConfigCommand,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateFunctionEventInvokeConfigCommand,
} from '@aws-sdk/client-lambda';
import { startServer, type RunningServer } from 'lambda-eic-conformance';
import { mockLambda, type LambdaMock } from 'lambda-eic-conformance/client-mock';
import { interceptLambda, type LambdaInterceptor } from 'lambda-eic-conformance/nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureAsyncConfig } from './ensure-async-config.js';

const DLQ = 'arn:aws:sqs:us-east-1:123456789012:orders-dlq';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:orders-done';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const noSleep = { baseDelayMs: 1, sleep: async () => {} };

describe('ensureAsyncConfig with the client mock', () => {
  let lambda: LambdaMock;
  const client = new LambdaClient({ region: 'us-east-1' });
  beforeEach(() => {
    lambda = mockLambda();
    lambda.seedFunction('orders', { versions: 1, aliases: { live: '1' } });
  });
  afterEach(() => lambda.restore());

  it('creates the config with Put when there is none', async () => {
    const result = await ensureAsyncConfig(client, 'orders', { maximumRetryAttempts: 0, onFailure: DLQ });
    expect(result.action).toBe('created');
    expect(lambda.stub).toHaveReceivedCommandWith(PutFunctionEventInvokeConfigCommand, {
      FunctionName: 'orders',
      MaximumRetryAttempts: 0,
      DestinationConfig: { OnFailure: { Destination: DLQ } },
    });
    expect(lambda.configOf('orders')).toMatchObject({ maximumRetryAttempts: 0, onFailure: DLQ });
  });

  it('updates only the members that differ, and keeps the others', async () => {
    lambda.seedConfig('orders', { Qualifier: 'live', MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
    const result = await ensureAsyncConfig(client, 'orders', { maximumRetryAttempts: 1, maximumEventAgeInSeconds: 3600 }, { qualifier: 'live' });
    expect(result).toMatchObject({ action: 'updated', changed: ['MaximumRetryAttempts'] });
    expect(lambda.stub.commandCalls(UpdateFunctionEventInvokeConfigCommand).map((c) => c.args[0].input)).toEqual([{ FunctionName: 'orders', Qualifier: 'live', MaximumRetryAttempts: 1 }]);
    expect(lambda.configOf('orders', 'live')).toMatchObject({ maximumRetryAttempts: 1, maximumEventAgeInSeconds: 3600 });
    expect(lambda.configOf('orders')).toBeUndefined();
  });

  it('sends the whole DestinationConfig when one destination changes', async () => {
    lambda.seedConfig('orders', { DestinationConfig: { OnSuccess: { Destination: TOPIC } } });
    await ensureAsyncConfig(client, 'orders', { onFailure: DLQ });
    expect(lambda.configOf('orders')).toMatchObject({ onSuccess: TOPIC, onFailure: DLQ });
  });

  it('writes nothing when the config already matches', async () => {
    lambda.seedConfig('orders', { MaximumRetryAttempts: 0 });
    const result = await ensureAsyncConfig(client, 'orders', { maximumRetryAttempts: 0 });
    expect(result.action).toBe('unchanged');
    expect(lambda.stub).not.toHaveReceivedCommand(PutFunctionEventInvokeConfigCommand);
    expect(lambda.stub).not.toHaveReceivedCommand(UpdateFunctionEventInvokeConfigCommand);
  });

  it('backs off and retries on TooManyRequestsException', async () => {
    const delays: number[] = [];
    lambda.failNext('GetFunctionEventInvokeConfig', 'throttle', 2);
    await ensureAsyncConfig(client, 'orders', { maximumRetryAttempts: 1 }, { baseDelayMs: 10, sleep: async (ms) => void delays.push(ms) });
    expect(delays).toEqual([10, 20]);
    expect(lambda.stub).toHaveReceivedCommandTimes(GetFunctionEventInvokeConfigCommand, 3);
  });

  it('gives up after its retries, and does not hide other errors', async () => {
    lambda.failNext('GetFunctionEventInvokeConfig', 'throttle', 3);
    await expect(ensureAsyncConfig(client, 'orders', { maximumRetryAttempts: 1 }, { ...noSleep, throttleRetries: 2 })).rejects.toBeInstanceOf(TooManyRequestsException);
    await expect(ensureAsyncConfig(client, 'no-such-function', { maximumRetryAttempts: 1 })).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('ensureAsyncConfig over the real SDK pipeline (nock)', () => {
  let lambda: LambdaInterceptor;
  beforeEach(() => {
    lambda = interceptLambda({ region: 'us-east-1' });
    lambda.seedFunction('orders');
  });
  afterEach(() => lambda.restore());

  it('creates, then updates only what changed', async () => {
    const client = new LambdaClient({ region: 'us-east-1', credentials });
    expect((await ensureAsyncConfig(client, 'orders', { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 600 })).action).toBe('created');
    const result = await ensureAsyncConfig(client, 'orders', { maximumRetryAttempts: 0, onFailure: DLQ });
    expect(result).toMatchObject({ action: 'updated', changed: ['DestinationConfig'] });
    expect(result.config).toMatchObject({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 600, DestinationConfig: { OnSuccess: {}, OnFailure: { Destination: DLQ } } });
    expect(result.config.LastModified).toBeInstanceOf(Date);
    lambda.done();
  });

  it('retries throttled calls itself when the SDK does not', async () => {
    const client = new LambdaClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
    lambda.failNext('PutFunctionEventInvokeConfig', 'throttle', 2, { retryAfterSeconds: 0 });
    const result = await ensureAsyncConfig(client, 'orders', { maximumRetryAttempts: 2 }, noSleep);
    expect(result.action).toBe('created');
    expect(lambda.emulator.faults.list()).toEqual([]);
  });
});

describe('ensureAsyncConfig against the embedded HTTP emulator', () => {
  let server: RunningServer;
  let client: LambdaClient;
  beforeEach(async () => {
    server = await startServer();
    client = new LambdaClient({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 });
    await client.send(
      new CreateFunctionCommand({
        FunctionName: 'orders',
        Role: 'arn:aws:iam::123456789012:role/orders',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Code: { ZipFile: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]) },
      }),
    );
  });
  afterEach(() => server.close());

  it('converges in one write and then stays unchanged', async () => {
    const desired = { maximumEventAgeInSeconds: 900, onSuccess: TOPIC, onFailure: DLQ };
    expect((await ensureAsyncConfig(client, 'orders', desired)).action).toBe('created');
    expect((await ensureAsyncConfig(client, 'orders', desired)).action).toBe('unchanged');
  });

  it('survives throttling armed on the server', async () => {
    // From another process: POST /_lambda-eic/faults with this body (headers x-lambda-eic-control: 1 and
    // content-type: application/json). In-process, the server's emulator
    // is at hand. (Here fetch would fail anyway: nock 15.0.0, loaded by this file, breaks fetch
    // requests with a body that pass through to localhost.)
    server.emulator.faults.add({ operation: 'GetFunctionEventInvokeConfig', kind: 'throttle', times: 2, retryAfterSeconds: 0 });
    expect((await ensureAsyncConfig(client, 'orders', { maximumRetryAttempts: 1 }, noSleep)).action).toBe('created');
    expect(server.emulator.faults.list()).toEqual([]);
  });
});
