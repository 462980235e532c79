/**
 * Sends a scenario's call through any `LambdaClient` (real, pointed at an endpoint, or mocked)
 * and turns what comes back, answer or exception, into an Observation.
 */
import * as lambda from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { SdkRequest } from '../../cases/scenario.js';
import type { Observation, SendOptions, WireExchange } from './target.js';

type CommandClass = new (input: Readonly<Record<string, unknown>>) => Parameters<LambdaClient['send']>[0];

const commandFor = (operation: string): CommandClass => {
  const command = (lambda as unknown as Record<string, CommandClass | undefined>)[`${operation}Command`];
  if (!command) throw new Error(`@aws-sdk/client-lambda has no ${operation}Command`);
  return command;
};

interface SdkErrorLike {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
  $responseBodyText?: string;
}

/**
 * Whether the SDK failed to parse the answer rather than received an AWS error: a success status
 * it could not read, or the SDK's deserialisation error (which carries the body it could not read).
 */
const isParseFailure = (error: SdkErrorLike, wire: WireExchange | undefined): boolean =>
  (wire !== undefined && wire.status < 300) || error.$responseBodyText !== undefined || /Deserialization error/i.test(error.message ?? '');

/**
 * Sends one call and observes the result; never throws for an AWS error.
 * @example await observeCall(client, { operation: 'GetFunctionEventInvokeConfig', input: { FunctionName: 'f' } })
 * // { status: 404, error: { code: 'ResourceNotFoundException', message: '...' } }
 */
export async function observeCall(client: LambdaClient, request: SdkRequest, takeWire?: () => WireExchange | undefined, options: SendOptions = {}): Promise<Observation> {
  const Command = commandFor(request.operation);
  try {
    const command = new Command(structuredClone(request.input));
    const sent = options.signal ? client.send(command, { abortSignal: options.signal }) : client.send(command);
    const result = (await sent) as unknown as Record<string, unknown>;
    const { $metadata, ...output } = result as { $metadata?: { httpStatusCode?: number } };
    const wire = takeWire?.();
    return { status: $metadata?.httpStatusCode ?? wire?.status, output, ...(wire ? { wire } : {}) };
  } catch (caught) {
    const error = caught as SdkErrorLike;
    const wire = takeWire?.();
    const status = error.$metadata?.httpStatusCode ?? error.$response?.statusCode ?? wire?.status;
    const sdkError = status !== undefined && isParseFailure(error, wire) ? { name: error.name ?? 'Error', message: (error.message ?? String(caught)).split('\n')[0]! } : undefined;
    // A success the SDK could not read is no AWS error: the checks read the raw body instead.
    if (sdkError && status !== undefined && status < 300) return { status, sdkError, ...(wire ? { wire } : {}) };
    return {
      status,
      error: { code: error.name ?? 'Error', message: error.message ?? String(caught) },
      ...(sdkError ? { sdkError } : {}),
      ...(wire ? { wire } : {}),
    };
  }
}

/**
 * Deletes one function through `send`; one already gone (404) counts as deleted, no answer or
 * another error throws (the ledger then keeps it and names it if it stays).
 * @example await deleteFunctionVia((r) => target.send(r), 'eic-ab12-1')
 */
export async function deleteFunctionVia(send: (request: SdkRequest) => Promise<Observation>, FunctionName: string): Promise<void> {
  const seen = await send({ operation: 'DeleteFunction', input: { FunctionName } });
  if (seen.status === undefined) throw new Error(seen.error?.message.split('\n')[0] ?? 'no answer');
  if (seen.error && seen.status !== 404) throw new Error(`${seen.error.code}: ${seen.error.message.split('\n')[0]}`);
}
