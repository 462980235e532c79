import 'aws-sdk-client-mock-vitest/extend';
import {
  CreateFunctionCommand,
  DeleteFunctionEventInvokeConfigCommand,
  GetFunctionCommand,
  GetFunctionEventInvokeConfigCommand,
  InvalidParameterValueException,
  InvokeCommand,
  LambdaClient,
  LambdaServiceException,
  ListAliasesCommand,
  ListFunctionEventInvokeConfigsCommand,
  ListVersionsByFunctionCommand,
  PutFunctionEventInvokeConfigCommand,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateFunctionEventInvokeConfigCommand,
} from '@aws-sdk/client-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockLambda, type LambdaMock } from '../../src/adapters/client-mock.js';
import { rejectionOf, SNS, SQS } from './support.js';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
let lambda: LambdaMock;
let client: LambdaClient;

beforeEach(() => {
  lambda = mockLambda({ now: () => T0 });
  lambda.seedFunction('my-function', { versions: 1, aliases: { live: '1' } });
  client = new LambdaClient({ region: 'us-east-1' });
});
afterEach(() => lambda.restore());

describe('mockLambda: semantics come from the model', () => {
  it('Put overwrites: a member left out is removed', async () => {
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }));
    const out = await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 0 }));
    expect(out.MaximumRetryAttempts).toBe(0);
    expect(out.MaximumEventAgeInSeconds).toBeUndefined();
    expect(lambda.configOf('my-function')).toEqual({ qualifier: '$LATEST', maximumRetryAttempts: 0, lastModified: T0 });
  });

  it('Update merges: a member left out keeps its stored value', async () => {
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }));
    const out = await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 0 }));
    expect(out).toMatchObject({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 });
  });

  it('answers the docs example of Update with exactly the SDK output (Date, both destination keys, $metadata)', async () => {
    lambda.seedConfig('my-function', { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 0 });
    const out = await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', DestinationConfig: { OnFailure: { Destination: SQS } } }));
    expect(out).toEqual({
      $metadata: { httpStatusCode: 200, requestId: expect.any(String), extendedRequestId: undefined, cfId: undefined, attempts: 1, totalRetryDelay: 0 },
      DestinationConfig: { OnFailure: { Destination: SQS }, OnSuccess: {} },
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST',
      LastModified: new Date(T0),
      MaximumEventAgeInSeconds: 3600,
      MaximumRetryAttempts: 0,
    });
    expect(out.LastModified).toBeInstanceOf(Date);
  });

  it('keeps FunctionConfiguration.LastModified a string, as the SDK does', async () => {
    const out = await client.send(new GetFunctionCommand({ FunctionName: 'my-function' }));
    expect(typeof out.Configuration?.LastModified).toBe('string');
    expect(out.Configuration?.Version).toBe('$LATEST');
  });

  it('Delete resolves to $metadata only (204)', async () => {
    lambda.seedConfig('my-function', { MaximumRetryAttempts: 1 });
    const out = await client.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: 'my-function' }));
    expect(out).toEqual({ $metadata: expect.objectContaining({ httpStatusCode: 204, attempts: 1, totalRetryDelay: 0 }) });
    expect(lambda.configOf('my-function')).toBeUndefined();
  });

  it('serialises like the SDK: a qualified ARN in the path, a zip as bytes', async () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:my-function:live';
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: arn, DestinationConfig: { OnSuccess: { Destination: SNS } } }));
    expect(lambda.configOf('my-function', 'live')).toMatchObject({ onSuccess: SNS });
    const zip = deploymentPackage();
    const created = await client.send(
      new CreateFunctionCommand({ FunctionName: 'other', Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: zip } }),
    );
    expect(created.CodeSize).toBe(zip.byteLength);
  });
});

describe('mockLambda: errors are the SDK exceptions', () => {
  it('ResourceNotFoundException with Type, $fault and $metadata', async () => {
    const error = await rejectionOf(client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', Qualifier: '1221' })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toBeInstanceOf(LambdaServiceException);
    expect(error).toMatchObject({
      name: 'ResourceNotFoundException',
      $fault: 'client',
      Type: 'User',
      message: "The function arn:aws:lambda:us-east-1:123456789012:function:my-function:1221 doesn't have an EventInvokeConfig",
      $metadata: { httpStatusCode: 404, requestId: expect.any(String), attempts: 1, totalRetryDelay: 0 },
    });
  });

  it('InvalidParameterValueException reads the lower-case message member', async () => {
    const error = await rejectionOf(client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'missing' })));
    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect(error.message).toBe('You must specify at least one of error handling or destination setting.');
  });

  it('ValidationException, unmodelled, is a LambdaServiceException named after the code', async () => {
    const error = await rejectionOf(client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 3 })));
    expect(error).toBeInstanceOf(LambdaServiceException);
    expect(error.constructor).toBe(LambdaServiceException);
    expect(error).toMatchObject({ name: 'ValidationException', $fault: 'client', $metadata: { httpStatusCode: 400, attempts: 1 } });
    expect(error.message).toBe("1 validation error detected: Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2");
  });

  it('rejects a command it does not answer, naming it', async () => {
    const error = await rejectionOf(client.send(new InvokeCommand({ FunctionName: 'my-function' })));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(LambdaServiceException);
    expect(error.message).toMatch(/^mockLambda does not answer InvokeCommand/);
  });

  it('rejects a client configured for another region instead of answering from the wrong state', async () => {
    const elsewhere = new LambdaClient({ region: 'eu-west-1' });
    const error = await rejectionOf(elsewhere.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: 'my-function' })));
    expect(error.message).toMatch(/answers for us-east-1 but the client is configured for eu-west-1/);
  });
});

describe('mockLambda: handle', () => {
  it('seeds versions and aliases through the model', async () => {
    const versions = await client.send(new ListVersionsByFunctionCommand({ FunctionName: 'my-function' }));
    expect(versions.Versions?.map((v) => v.Version)).toEqual(['$LATEST', '1']);
    const aliases = await client.send(new ListAliasesCommand({ FunctionName: 'my-function' }));
    expect(aliases.Aliases).toEqual([expect.objectContaining({ Name: 'live', FunctionVersion: '1' })]);
    expect(() => lambda.seedFunction('my-function')).toThrow(/CreateFunction answered ResourceConflictException/);
  });

  it('seeds only AWS-valid configs', () => {
    expect(() => lambda.seedConfig('my-function', { MaximumRetryAttempts: 9 })).toThrow(/ValidationException/);
    expect(() => lambda.seedConfig('my-function', { Qualifier: '7', MaximumRetryAttempts: 1 })).toThrow(/ResourceNotFoundException/);
    expect(lambda.seedConfig('my-function', { Qualifier: undefined, MaximumRetryAttempts: 1 })).toMatchObject({ qualifier: '$LATEST' });
  });

  it('failNext answers the next call with the fault, once, with attempts 1 (no retries in a client mock)', async () => {
    lambda.failNext('GetFunctionEventInvokeConfig', 'throttle');
    lambda.seedConfig('my-function', { MaximumRetryAttempts: 1 }); // seeding does not spend the fault
    const error = await rejectionOf(client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'my-function' })));
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error).toMatchObject({ Reason: 'CallerRateLimitExceeded', $metadata: { httpStatusCode: 429, attempts: 1, totalRetryDelay: 0 } });
    await expect(client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'my-function' }))).resolves.toMatchObject({ MaximumRetryAttempts: 1 });
    expect(() => lambda.failNext('Invoke' as never, 'service')).toThrow(TypeError);
  });

  it('works with aws-sdk-client-mock-vitest matchers on .stub', async () => {
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 0 }));
    await rejectionOf(client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'nope' })));
    expect(lambda.stub).toHaveReceivedCommandWith(PutFunctionEventInvokeConfigCommand, { FunctionName: 'my-function', MaximumRetryAttempts: 0 });
    expect(lambda.stub).toHaveReceivedCommandTimes(GetFunctionEventInvokeConfigCommand, 1);
    expect(lambda.stub).not.toHaveReceivedCommand(UpdateFunctionEventInvokeConfigCommand);
  });

  it("lets the test's own stub behaviour take precedence over the model", async () => {
    lambda.stub.on(GetFunctionCommand, { FunctionName: 'scripted' }).resolves({ Configuration: { FunctionName: 'scripted' }, $metadata: {} });
    await expect(client.send(new GetFunctionCommand({ FunctionName: 'scripted' }))).resolves.toMatchObject({ Configuration: { FunctionName: 'scripted' } });
    await expect(client.send(new GetFunctionCommand({ FunctionName: 'my-function' }))).resolves.toMatchObject({ Configuration: { FunctionName: 'my-function' } });
  });

  it('reset() forgets state, faults and call history', async () => {
    lambda.failNext('*', 'service');
    await rejectionOf(client.send(new GetFunctionCommand({ FunctionName: 'my-function' })));
    lambda.reset();
    expect(lambda.state().regions.flatMap((r) => r.functions)).toEqual([]);
    expect(lambda.emulator.faults.list()).toEqual([]);
    expect(lambda.stub).not.toHaveReceivedAnyCommand();
  });

  it('restore() puts the real send back', () => {
    const stubbed = LambdaClient.prototype.send;
    lambda.restore();
    expect(LambdaClient.prototype.send).not.toBe(stubbed);
    expect('restore' in LambdaClient.prototype.send).toBe(false);
    lambda = mockLambda(); // for afterEach
  });

  it('mocks only the given client when options.client is set', async () => {
    lambda.restore();
    const original = LambdaClient.prototype.send;
    const mine = new LambdaClient({ region: 'us-east-1' });
    lambda = mockLambda({ client: mine });
    expect(LambdaClient.prototype.send).toBe(original);
    expect(new LambdaClient({}).send).toBe(original);
    lambda.seedFunction('f');
    await expect(mine.send(new GetFunctionCommand({ FunctionName: 'f' }))).resolves.toMatchObject({ Configuration: { FunctionName: 'f' } });
    lambda.restore();
    expect(mine.send).toBe(original);
    lambda = mockLambda();
  });
});
