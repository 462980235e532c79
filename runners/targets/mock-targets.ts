/**
 * The suite through the mock transports: the same scenarios, answered by `mockLambda` (no HTTP)
 * or by `interceptLambda` (nock: the SDK's full pipeline to lambda.<region>.amazonaws.com).
 *
 * Only on the wire: the client mock hands the SDK's parsed answer to the caller and never an HTTP
 * response, so every `wire.*` check (headers such as x-amzn-RequestId and x-amzn-ErrorType, the raw
 * body: `Message` vs `message` casing, LastModified as a JSON number, the empty 204 body, HTML
 * pages) is skipped on it and reported as skipped, and so is every raw request (a malformed JSON
 * body, an unknown member: what the SDK will not send). nock shows the raw answer and takes raw
 * requests, so nothing is skipped there.
 */
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { SdkRequest } from '../../cases/scenario.js';
import { isOperationName, type OperationName } from '../../src/spec/operations.js';
import { rawExchange } from './raw-exchange.js';
import { observeCall } from './sdk-calls.js';
import { withPeer, type Target } from './target.js';
import { WireCapture } from './wire-capture.js';

const CREDENTIALS = { accessKeyId: 'AKIDMOCK', secretAccessKey: 'mock-secret' };
const ROLE = 'arn:aws:iam::123456789012:role/lambda-eic-conformance';

/** The operation a fault is armed for: `*` or one the model answers, as `failNext` requires. */
function faultOperation(operation: string): OperationName | '*' {
  if (operation === '*' || isOperationName(operation)) return operation;
  throw new TypeError(`failNext: ${operation} is not an operation the emulator answers`);
}

/**
 * A target answered by aws-sdk-client-mock on one client (the prototype stays untouched).
 * @example const target = await clientMockTarget({ region: 'us-east-1' });
 */
export async function clientMockTarget(options: { region: string }): Promise<Target> {
  const { mockLambda } = await withPeer('aws-sdk-client-mock', '--target client-mock', () => import('../../src/adapters/client-mock.js'));
  const client = new LambdaClient({ region: options.region, credentials: CREDENTIALS, maxAttempts: 1 });
  const mock = mockLambda({ region: options.region, client });
  return {
    label: 'client-mock',
    observesWire: false,
    connect: async () => ({ account: mock.account, region: mock.region, partition: 'aws' }),
    send: (request: SdkRequest) => observeCall(client, request),
    armFault: async (operation, { kind, ...details }) => void mock.failNext(faultOperation(operation), kind, 1, details),
    roleArn: async () => ROLE,
    async dispose() {
      mock.restore();
      client.destroy();
    },
  };
}

/**
 * A target answered through nock at the real AWS hostname, with the raw answers captured.
 * @example const target = await nockTarget({ region: 'us-east-1' });
 */
export async function nockTarget(options: { region: string }): Promise<Target> {
  const { interceptLambda } = await withPeer('nock', '--target nock', () => import('../../src/adapters/nock.js'));
  const lambda = interceptLambda({ region: options.region });
  const capture = new WireCapture();
  const client = new LambdaClient({ region: options.region, credentials: CREDENTIALS, maxAttempts: 1, requestHandler: capture });
  return {
    label: 'nock',
    observesWire: true,
    connect: async () => ({ account: lambda.account, region: lambda.region, partition: 'aws' }),
    send: (request: SdkRequest) => observeCall(client, request, () => capture.take()),
    sendRaw: (raw) => rawExchange(lambda.origin, options.region, raw),
    armFault: async (operation, { kind, ...details }) => void lambda.failNext(faultOperation(operation), kind, 1, details),
    roleArn: async () => ROLE,
    async dispose() {
      client.destroy();
      lambda.restore();
    },
  };
}
