/** A LambdaClient aimed at the emulator: dummy credentials, no retries unless asked. */
import { LambdaClient, LambdaServiceException } from '@aws-sdk/client-lambda';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { expect } from 'vitest';

export { ACCOUNT } from './spec-text.js';
export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDLAMBDAEICTEST', secretAccessKey: 'lambda-eic-test-secret' } as const;

export interface ClientOptions {
  /** SigV4 region; the emulator answers for the region a request is signed for. Default us-east-1. */
  readonly region?: string;
  /** Default 1 (no retries). */
  readonly maxAttempts?: number;
  /** With a value, the SDK's standard retry strategy with this fixed backoff (ms) between attempts. */
  readonly retryDelayMs?: number;
}

/**
 * @example const lambda = lambdaClient(server.url, { region: 'us-east-2' });
 */
export function lambdaClient(endpoint: string, options: ClientOptions = {}): LambdaClient {
  const maxAttempts = options.maxAttempts ?? 1;
  return new LambdaClient({
    endpoint,
    region: options.region ?? 'us-east-1',
    credentials: DUMMY_CREDENTIALS,
    ...(options.retryDelayMs !== undefined ? { retryStrategy: new ConfiguredRetryStrategy(maxAttempts, options.retryDelayMs) } : { maxAttempts }),
  });
}

export interface ExpectedError {
  readonly status: number;
  readonly name: string;
  /** The exact message; a RegExp when part of it is volatile. */
  readonly message: string | RegExp;
}

/**
 * Awaits a call that must fail and checks the HTTP status, the error code and the exact message.
 * @example await expectAwsError(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'x' })), { status: 404, name: 'ResourceNotFoundException', message: '...' })
 */
export async function expectAwsError(call: Promise<unknown>, expected: ExpectedError): Promise<LambdaServiceException> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${expected.name}, but the call succeeded`).toBeInstanceOf(LambdaServiceException);
  const error = caught as LambdaServiceException;
  expect({ status: error.$metadata.httpStatusCode, name: error.name }).toEqual({ status: expected.status, name: expected.name });
  if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
  else expect(error.message).toMatch(expected.message);
  return error;
}
