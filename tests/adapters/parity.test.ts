/**
 * The client mock skips signing, retries and the network but must otherwise return what the real
 * SDK pipeline returns: the same scenario through mockLambda and through interceptLambda (nock,
 * full pipeline) gives equal outputs and equal exceptions.
 */
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  DeleteFunctionEventInvokeConfigCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionEventInvokeConfigCommand,
  type LambdaClient,
  ListAliasesCommand,
  ListFunctionEventInvokeConfigsCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionEventInvokeConfigCommand,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { mockLambda } from '../../src/adapters/client-mock.js';
import type { LambdaModelHandle, ModelOptions } from '../../src/adapters/handle.js';
import { interceptLambda } from '../../src/adapters/nock.js';
import { fastClient, SQS } from './support.js';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';

const zip = deploymentPackage;
const FN = 'parity-fn';

type Step = (client: LambdaClient, handle: LambdaModelHandle) => Promise<unknown>;
const STEPS: Array<[string, Step]> = [
  [
    'CreateFunction',
    (c) => c.send(new CreateFunctionCommand({ FunctionName: FN, Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: zip(1) } })),
  ],
  ['PublishVersion', (c) => c.send(new PublishVersionCommand({ FunctionName: FN }))],
  ['CreateAlias', (c) => c.send(new CreateAliasCommand({ FunctionName: FN, Name: 'live', FunctionVersion: '1' }))],
  ['Put', (c) => c.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }))],
  ['Update', (c) => c.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 0 }))],
  [
    'Put alias by ARN',
    (c) => c.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: `arn:aws:lambda:us-east-1:123456789012:function:${FN}:live`, DestinationConfig: { OnFailure: { Destination: SQS } } })),
  ],
  ['Get alias', (c) => c.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: 'live' }))],
  ['List page 1', (c) => c.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN, MaxItems: 1 }))],
  [
    'List page 2',
    async (c) => {
      const first = await c.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN, MaxItems: 1 }));
      return c.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN, MaxItems: 1, Marker: first.NextMarker }));
    },
  ],
  ['Get missing qualifier', (c) => c.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: '1221' }))],
  ['Put out of range', (c) => c.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 30 }))],
  [
    'Put bad destination',
    (c) => c.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, DestinationConfig: { OnSuccess: { Destination: 'arn:aws:lambda:us-east-1:123456789012:function:nope' } } })),
  ],
  ['Put malformed destination', (c) => c.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, DestinationConfig: { OnFailure: { Destination: 'not-an-arn' } } }))],
  ['Qualifier mismatch', (c) => c.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: `${FN}:1`, Qualifier: 'live' }))],
  ['Update without config', (c) => c.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: '1', MaximumRetryAttempts: 1 }))],
  [
    'Conflict fault',
    (c, h) => {
      h.failNext('PutFunctionEventInvokeConfig', 'conflict');
      return c.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 1 }));
    },
  ],
  ['Delete', (c) => c.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: FN }))],
  ['Delete again', (c) => c.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: FN }))],
  ['GetFunction', (c) => c.send(new GetFunctionCommand({ FunctionName: FN, Qualifier: 'live' }))],
  ['UpdateFunctionCode', (c) => c.send(new UpdateFunctionCodeCommand({ FunctionName: FN, ZipFile: zip(2), Publish: true }))],
  ['ListVersionsByFunction', (c) => c.send(new ListVersionsByFunctionCommand({ FunctionName: FN }))],
  ['GetAlias', (c) => c.send(new GetAliasCommand({ FunctionName: FN, Name: 'live' }))],
  ['ListAliases', (c) => c.send(new ListAliasesCommand({ FunctionName: FN }))],
  ['DeleteAlias', (c) => c.send(new DeleteAliasCommand({ FunctionName: FN, Name: 'live' }))],
  ['ListFunctions', (c) => c.send(new ListFunctionsCommand({}))],
  ['DeleteFunction', (c) => c.send(new DeleteFunctionCommand({ FunctionName: FN }))],
  ['List after delete', (c) => c.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: FN }))],
];

/** Results with the random request id blanked; exceptions as their class, own members and $metadata. */
function normalise(result: PromiseSettledResult<unknown>): unknown {
  const blank = (m: Record<string, unknown>) => ({ ...m, requestId: '<id>' });
  if (result.status === 'fulfilled') {
    const value = result.value as Record<string, unknown>;
    return { ...value, $metadata: blank(value.$metadata as Record<string, unknown>) };
  }
  const error = result.reason as Error & Record<string, unknown>;
  return { class: error.constructor.name, ...error, message: error.message, $metadata: blank(error.$metadata as Record<string, unknown>) };
}

async function run(transport: 'client-mock' | 'nock'): Promise<Record<string, unknown>> {
  let id = 0;
  const options: ModelOptions = { now: () => Date.UTC(2026, 5, 1) + id * 1000, newId: () => `id-${++id}` };
  const handle = transport === 'client-mock' ? mockLambda(options) : interceptLambda(options);
  const client = fastClient({ maxAttempts: 1 });
  const results: Record<string, unknown> = {};
  try {
    for (const [name, step] of STEPS) results[name] = normalise((await Promise.allSettled([step(client, handle)]))[0]!);
  } finally {
    handle.restore();
  }
  return results;
}

describe('client mock and full SDK pipeline agree', () => {
  it('on every step of a scenario over all sixteen operations', async () => {
    const viaMock = await run('client-mock');
    const viaNock = await run('nock');
    for (const [name] of STEPS) expect(viaMock[name], name).toEqual(viaNock[name]);
    expect(viaMock['Get missing qualifier']).toMatchObject({ class: 'ResourceNotFoundException' });
    expect(viaMock['Put out of range']).toMatchObject({ class: 'LambdaServiceException', name: 'ValidationException' });
    expect(viaMock.Delete).toEqual({ $metadata: expect.objectContaining({ httpStatusCode: 204 }) });
  });
});
