/**
 * The AWS realism profile (`serve --realism aws`): each simulated fact of aws-behaviour.md
 * sections 7 and 8 against the real SDK, with timings short enough for the fast suite.
 */
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  PublishVersionCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { AwsRealism } from '../../src/realism/aws-realism.js';
import { Emulator } from '../../src/model/emulator.js';
import { parseCredentials, parseTimings } from '../../src/realism/profile.js';
import { DUMMY_CREDENTIALS, lambdaClient, expectAwsError } from '../support/client.js';
import { useServer } from '../support/server.js';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';

const TIMINGS = { pendingMs: 300, updateMs: 300, roleDelayMs: 400, policyDelayMs: 900 };
const realism = new AwsRealism({ ...TIMINGS, rps: 1000, credentials: { [DUMMY_CREDENTIALS.accessKeyId]: DUMMY_CREDENTIALS.secretAccessKey } });
const srv = useServer({ emulator: new Emulator({ layer: realism }) });
const ROLE = 'arn:aws:iam::123456789012:role/eic-test';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function create(lambda: LambdaClient, FunctionName: string, Role = ROLE) {
  return lambda.send(new CreateFunctionCommand({ FunctionName, Role, Runtime: 'provided.al2023', Handler: 'bootstrap', Code: { ZipFile: deploymentPackage() } }));
}

/** Makes the role known and waits out its delay, so a test can create functions at once. */
async function warmRole(lambda: LambdaClient) {
  await create(lambda, 'eic-warm').catch(() => undefined);
  await sleep(TIMINGS.roleDelayMs + 20);
}

describe('SigV4 signatures', () => {
  it('accepts what the SDK signs, also with an ARN in the path', async () => {
    const lambda = srv.client();
    await warmRole(lambda);
    await create(lambda, 'eic-sig');
    const got = await lambda.send(new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:eic-sig' }));
    expect(got.Configuration?.FunctionName).toBe('eic-sig');
  });

  it('refuses a wrong secret, an unknown key and a missing signature with 403s', async () => {
    const wrongSecret = lambdaClient(srv.url);
    Object.assign(wrongSecret.config, { credentials: async () => ({ accessKeyId: DUMMY_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' }) });
    await expectAwsError(wrongSecret.send(new GetFunctionCommand({ FunctionName: 'f' })), {
      status: 403,
      name: 'InvalidSignatureException',
      message: /^The request signature we calculated does not match the signature you provided/,
    });
    const unknown = lambdaClient(srv.url);
    Object.assign(unknown.config, { credentials: async () => ({ accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' }) });
    await expectAwsError(unknown.send(new GetFunctionCommand({ FunctionName: 'f' })), {
      status: 403,
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
    const raw = await fetch(`${srv.url}/2015-03-31/functions/f`);
    expect(raw.status).toBe(403);
    expect(raw.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});

describe('roles, states and updates [recorded]', () => {
  it('refuses a role first named a moment ago with the recorded message, then accepts it', async () => {
    const lambda = srv.client();
    const role = 'arn:aws:iam::123456789012:role/eic-fresh';
    const refused = await fetchCreate(lambda, 'eic-role', role);
    expect(refused).toEqual({ status: 400, type: 'InvalidParameterValueException', body: { Type: 'User', message: 'The role defined for the function cannot be assumed by Lambda.' } });
    await sleep(TIMINGS.roleDelayMs + 20);
    await expect(create(lambda, 'eic-role', role)).resolves.toMatchObject({ State: 'Pending' });
  });

  it('keeps a new function Pending, refuses changes meanwhile with the recorded 409, then goes Active', async () => {
    const lambda = srv.client();
    await warmRole(lambda);
    const made = await create(lambda, 'eic-states');
    expect((await lambda.send(new GetFunctionCommand({ FunctionName: 'eic-states' }))).Configuration?.State).toBe('Pending');
    for (const command of [
      new UpdateFunctionCodeCommand({ FunctionName: 'eic-states', ZipFile: deploymentPackage(1) }),
      new UpdateFunctionConfigurationCommand({ FunctionName: 'eic-states', Description: 'x' }),
      new PublishVersionCommand({ FunctionName: 'eic-states' }),
    ])
      await expectAwsError(lambda.send(command as never), {
        status: 409,
        name: 'ResourceConflictException',
        message: `The operation cannot be performed at this time. An update is in progress for resource: ${made.FunctionArn}`,
      });
    await sleep(TIMINGS.pendingMs + 20);
    const active = await lambda.send(new GetFunctionCommand({ FunctionName: 'eic-states' }));
    expect(active.Configuration).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' });
  });

  it('keeps an update InProgress, then a published version Pending, then both settle', async () => {
    const lambda = srv.client();
    await warmRole(lambda);
    await create(lambda, 'eic-update');
    await sleep(TIMINGS.pendingMs + 20);
    const updated = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'eic-update', ZipFile: deploymentPackage(2) }));
    expect(updated.LastUpdateStatus).toBe('InProgress');
    await expectAwsError(lambda.send(new PublishVersionCommand({ FunctionName: 'eic-update' })), { status: 409, name: 'ResourceConflictException', message: /An update is in progress/ });
    await sleep(TIMINGS.updateMs + 20);
    expect((await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'eic-update' }))).LastUpdateStatus).toBe('Successful');
    const version = await lambda.send(new PublishVersionCommand({ FunctionName: 'eic-update' }));
    expect(version).toMatchObject({ Version: '1', State: 'Pending' });
    expect((await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'eic-update', Qualifier: '1' }))).State).toBe('Pending');
    await sleep(TIMINGS.pendingMs + 20);
    expect((await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'eic-update', Qualifier: '1' }))).State).toBe('Active');
  });
});

describe('delivery policy propagation [recorded]', () => {
  it('refuses SQS, SNS and S3 destinations of a new role with the recorded messages, then accepts them', async () => {
    const lambda = srv.client();
    const role = 'arn:aws:iam::123456789012:role/eic-policy';
    await create(lambda, 'eic-policy', role).catch(() => undefined);
    await sleep(TIMINGS.roleDelayMs + 20);
    await create(lambda, 'eic-policy', role);
    const put = (Destination: string) => lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'eic-policy', DestinationConfig: { OnFailure: { Destination } } }));
    const queue = 'arn:aws:sqs:us-east-1:123456789012:eic-q';
    const topic = 'arn:aws:sns:us-east-1:123456789012:eic-t';
    const bucket = 'arn:aws:s3:::eic-b';
    await expectAwsError(put(queue), { status: 400, name: 'InvalidParameterValueException', message: `The function's execution role does not have permissions to call SendMessage on ${queue}` });
    await expectAwsError(put(topic), { status: 400, name: 'InvalidParameterValueException', message: `The function's execution role does not have permissions to call Publish on ${topic}` });
    await expectAwsError(put(bucket), { status: 400, name: 'InvalidParameterValueException', message: `The destination ARN ${bucket} is invalid.` });
    await sleep(TIMINGS.policyDelayMs - TIMINGS.roleDelayMs + 50);
    await expect(put(queue)).resolves.toMatchObject({ DestinationConfig: { OnFailure: { Destination: queue } } });
    // A destination outside the policy (the stand-in's registry: a name ending in -denied) stays refused.
    const deniedQueue = 'arn:aws:sqs:us-east-1:123456789012:eic-q-denied';
    const deniedTopic = 'arn:aws:sns:us-east-1:123456789012:eic-t-denied';
    await expectAwsError(put(deniedQueue), {
      status: 400,
      name: 'InvalidParameterValueException',
      message: `The function's execution role does not have permissions to call SendMessage on ${deniedQueue}`,
    });
    await expectAwsError(
      lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'eic-policy', DestinationConfig: { OnSuccess: { Destination: queue }, OnFailure: { Destination: deniedTopic } } })),
      { status: 400, name: 'InvalidParameterValueException', message: `The function's execution role does not have permissions to call Publish on ${deniedTopic}` },
    );
  });
});

describe('control-plane quota [docs][recorded]', () => {
  it('answers the recorded 429 above the quota, with Retry-After', async () => {
    const throttling = new AwsRealism({ ...TIMINGS, rps: 5, credentials: { [DUMMY_CREDENTIALS.accessKeyId]: DUMMY_CREDENTIALS.secretAccessKey } });
    srv.server.emulator.layer = throttling;
    try {
      const lambda = srv.client();
      const answers = await Promise.all(Array.from({ length: 12 }, () => lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'nope' })).catch((e: unknown) => e)));
      const throttled = answers.filter((a) => (a as Error).name === 'TooManyRequestsException') as Array<Error & { $response?: { headers: Record<string, string> }; Reason?: string }>;
      expect(throttled.length).toBeGreaterThanOrEqual(6);
      expect(throttled[0]!.message).toBe('Rate exceeded');
      expect(throttled[0]!.Reason).toBe('CallerRateLimitExceeded');
      expect(throttled[0]!.$response?.headers['retry-after']).toBe('1');
      expect(answers.filter((a) => (a as Error).name === 'ResourceNotFoundException').length).toBeLessThanOrEqual(6);
    } finally {
      srv.server.emulator.layer = realism;
    }
  });
});

describe('profile options', () => {
  it('parses timings and credentials, and names a bad part', () => {
    expect(parseTimings('pending=200,update=10,role=500,policy=9')).toEqual({ pendingMs: 200, updateMs: 10, roleDelayMs: 500, policyDelayMs: 9 });
    expect(() => parseTimings('pendin=2')).toThrow(/not 'pendin=2'/);
    expect(parseCredentials('AKID:se:cret')).toEqual({ AKID: 'se:cret' });
    expect(() => parseCredentials('AKID')).toThrow(/ACCESS_KEY_ID:SECRET/);
  });
});

/** CreateFunction seen on the wire: status, error type, body. */
async function fetchCreate(lambda: LambdaClient, FunctionName: string, Role: string) {
  try {
    await create(lambda, FunctionName, Role);
    return undefined;
  } catch (error) {
    const e = error as { $metadata: { httpStatusCode: number }; name: string; message: string; Type?: string };
    return { status: e.$metadata.httpStatusCode, type: e.name, body: { Type: e.Type, message: e.message } };
  }
}
