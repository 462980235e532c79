// jest in ESM mode (native ES modules, node --experimental-vm-modules): the README's mock snippets, as a user's test file.
import 'aws-sdk-client-mock-jest';
import { expect, it } from '@jest/globals';
import {
  GetFunctionEventInvokeConfigCommand,
  InvokeCommand,
  LambdaClient,
  PutFunctionEventInvokeConfigCommand,
  ResourceNotFoundException,
  UpdateFunctionEventInvokeConfigCommand,
} from '@aws-sdk/client-lambda';
import { mockLambda } from 'lambda-eic-conformance/client-mock';
import { interceptLambda } from 'lambda-eic-conformance/nock';

it('mockLambda answers the user’s LambdaClient from the model', async () => {
  const lambda = mockLambda();
  try {
    lambda.seedFunction('my-function', { versions: 1, aliases: { live: '1' } });
    const client = new LambdaClient({ region: 'us-east-1' });
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }));
    await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 0 }));
    expect(lambda.configOf('my-function')).toMatchObject({ maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 });
    const error = await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', Qualifier: 'live', MaximumRetryAttempts: 1 })).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(404);
    lambda.failNext('PutFunctionEventInvokeConfig', 'throttle', 1, { retryAfterSeconds: 0 });
    await expect(client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 1 }))).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    await expect(client.send(new InvokeCommand({ FunctionName: 'my-function' }))).rejects.toThrow(/mockLambda does not answer InvokeCommand/);
    expect(lambda.stub).toHaveReceivedCommandWith(UpdateFunctionEventInvokeConfigCommand, { MaximumRetryAttempts: 0 });
  } finally {
    lambda.restore();
  }
});

it('mockLambda({ client }) mocks that client only', async () => {
  const client = new LambdaClient({ region: 'eu-west-1' });
  const lambda = mockLambda({ client, region: 'eu-west-1' });
  try {
    await expect(client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  } finally {
    lambda.restore();
  }
});

it('interceptLambda runs the SDK pipeline with no client config change', async () => {
  const lambda = interceptLambda({ region: 'us-east-1' });
  try {
    lambda.seedFunction('my-function');
    lambda.failNext('GetFunctionEventInvokeConfig', 'service', 2);
    const client = new LambdaClient({});
    const error = await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'my-function' })).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.$metadata.attempts).toBe(3);
    lambda.done();
  } finally {
    lambda.restore();
  }
});
