// A plain Node ES module script: the README's mock snippets with node:assert.
import assert from 'node:assert/strict';
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
import { Emulator, systemContext } from 'lambda-eic-conformance';

const lambda = mockLambda();
lambda.seedFunction('my-function', { versions: 1, aliases: { live: '1' } });
const client = new LambdaClient({ region: 'us-east-1' });
await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }));
await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 0 }));
assert.equal(lambda.configOf('my-function')?.maximumEventAgeInSeconds, 60);
const error = await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', Qualifier: 'live', MaximumRetryAttempts: 1 })).catch((e) => e);
assert.ok(error instanceof ResourceNotFoundException, `expected ResourceNotFoundException, got ${error}`);
assert.equal(error.$metadata.httpStatusCode, 404);
await assert.rejects(client.send(new InvokeCommand({ FunctionName: 'my-function' })), /mockLambda does not answer InvokeCommand/);
assert.equal(lambda.stub.commandCalls(UpdateFunctionEventInvokeConfigCommand).length, 2);
lambda.restore();

const nocked = interceptLambda({ region: 'us-east-1' });
nocked.seedFunction('my-function');
nocked.failNext('GetFunctionEventInvokeConfig', 'service', 2);
const viaNock = await new LambdaClient({}).send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'my-function' })).catch((e) => e);
assert.ok(viaNock instanceof ResourceNotFoundException, `expected ResourceNotFoundException, got ${viaNock}`);
assert.equal(viaNock.$metadata.attempts, 3);
nocked.done();
nocked.restore();

assert.equal(new Emulator().invoke('GetFunctionEventInvokeConfig', { FunctionName: 'f' }, systemContext()).ok, false);
console.log('node ESM: mock snippets passed');
