/**
 * Imports through the package name, as a consumer would (self-reference via package.json
 * `exports`; needs `npm run build` first, which `npm test` does).
 */
import { GetFunctionEventInvokeConfigCommand, LambdaClient, PutFunctionEventInvokeConfigCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { mockLambda } from 'lambda-eic-conformance/client-mock';
import { interceptLambda } from 'lambda-eic-conformance/nock';
import { describe, expect, it } from 'vitest';
import { fastClient } from './support.js';

describe('package subpaths', () => {
  it('lambda-eic-conformance/client-mock', async () => {
    const lambda = mockLambda();
    try {
      lambda.seedFunction('my-function');
      const client = new LambdaClient({ region: 'us-east-1' });
      const out = await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 0 }));
      expect(out.LastModified).toBeInstanceOf(Date);
      await expect(client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'other' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    } finally {
      lambda.restore();
    }
  });

  it('lambda-eic-conformance/nock', async () => {
    const lambda = interceptLambda({ region: 'eu-central-1' });
    try {
      lambda.seedFunction('my-function');
      const client = fastClient({ region: 'eu-central-1' });
      const out = await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumEventAgeInSeconds: 300 }));
      expect(out.FunctionArn).toBe('arn:aws:lambda:eu-central-1:123456789012:function:my-function:$LATEST');
      expect(lambda.configOf('my-function')?.maximumEventAgeInSeconds).toBe(300);
      lambda.done();
    } finally {
      lambda.restore();
    }
  });
});
