/**
 * interceptLambda needs no client config and lets nothing out: the region and dummy credentials
 * come from the environment it supplies (only where unset), and every request to a host it does
 * not answer is refused, naming the host.
 */
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { GetFunctionEventInvokeConfigCommand, LambdaClient, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DUMMY_ENVIRONMENT, interceptLambda } from '../../src/adapters/nock.js';
import { rejectionOf } from './support.js';

const NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_PROFILE'] as const;
let saved: Record<string, string | undefined> = {};
beforeEach(() => {
  saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
  for (const n of NAMES) delete process.env[n];
});
afterEach(() => {
  for (const n of NAMES)
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
});

describe('interceptLambda: no client config change, nothing leaves the process', () => {
  it('answers a client built with no region and no credentials, then takes its environment back', async () => {
    const lambda = interceptLambda({ region: 'eu-west-1' });
    try {
      expect(process.env.AWS_ACCESS_KEY_ID).toBe(DUMMY_ENVIRONMENT.AWS_ACCESS_KEY_ID);
      lambda.seedFunction('f');
      const client = new LambdaClient({ maxAttempts: 1 });
      await expect(client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'f', MaximumRetryAttempts: 1 }))).resolves.toMatchObject({
        FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:f:$LATEST',
      });
    } finally {
      lambda.restore();
    }
    for (const n of NAMES) expect(process.env[n]).toBeUndefined();
  });

  it("keeps the user's own environment", () => {
    process.env.AWS_REGION = 'us-west-2';
    process.env.AWS_ACCESS_KEY_ID = 'AKIDMINE';
    const lambda = interceptLambda({ region: 'us-east-1' });
    lambda.restore();
    expect(process.env.AWS_REGION).toBe('us-west-2');
    expect(process.env.AWS_ACCESS_KEY_ID).toBe('AKIDMINE');
  });

  it('refuses another region and another AWS service, naming the host, and done() lists them', async () => {
    const lambda = interceptLambda({ region: 'us-east-1' });
    try {
      const otherRegion = await rejectionOf(new LambdaClient({ region: 'ap-south-1', maxAttempts: 1 }).send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' })));
      expect(otherRegion.message).toMatch(/lambda\.ap-south-1\.amazonaws\.com/);
      const iam = await rejectionOf(new IAMClient({ maxAttempts: 1 }).send(new ListRolesCommand({})));
      expect(iam.message).toMatch(/iam\.amazonaws\.com/);
      expect(() => lambda.done()).toThrow(
        /refused 2 request\(s\) to other hosts:\n {2}GET https:\/\/lambda\.ap-south-1\.amazonaws\.com\/2019-09-25\/functions\/f\/event-invoke-config\n {2}POST https:\/\/iam\.amazonaws\.com\//,
      );
    } finally {
      lambda.restore();
    }
  });
});
