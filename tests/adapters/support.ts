/** Test helpers for the adapter tests: clients with static credentials and fast retries. */
import { LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';

export const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
export const SQS = 'arn:aws:sqs:us-east-1:123456789012:dead-letters';
export const SNS = 'arn:aws:sns:us-east-1:123456789012:done';

/** A client that never looks for real credentials and retries up to `maxAttempts` (default 3) with a 1 ms backoff. */
export function fastClient(config: LambdaClientConfig = {}): LambdaClient {
  return new LambdaClient({
    region: 'us-east-1',
    credentials: CREDENTIALS,
    retryStrategy: new ConfiguredRetryStrategy(Number(config.maxAttempts ?? 3), () => 1),
    ...config,
  });
}

/** The rejection of a promise, for asserting on its properties. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected a rejection');
}
