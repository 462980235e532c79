/**
 * Sends a scenario's call through any `LambdaClient` (real, pointed at an endpoint, or mocked)
 * and turns what comes back, answer or exception, into an Observation.
 */
import * as lambda from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { SdkRequest } from '../../cases/scenario.js';
import type { Observation, WireExchange } from './target.js';

type CommandClass = new (input: never) => Parameters<LambdaClient['send']>[0];

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
}

/**
 * Sends one call and observes the result; never throws for an AWS error.
 * @example await observeCall(client, { operation: 'GetFunctionEventInvokeConfig', input: { FunctionName: 'f' } })
 * // { status: 404, error: { code: 'ResourceNotFoundException', message: '...' } }
 */
export async function observeCall(client: LambdaClient, request: SdkRequest, takeWire?: () => WireExchange | undefined): Promise<Observation> {
  const Command = commandFor(request.operation);
  try {
    const result = (await client.send(new Command(structuredClone(request.input) as never))) as unknown as Record<string, unknown>;
    const { $metadata, ...output } = result as { $metadata?: { httpStatusCode?: number } };
    const wire = takeWire?.();
    return { status: $metadata?.httpStatusCode ?? wire?.status, output, ...(wire ? { wire } : {}) };
  } catch (caught) {
    const error = caught as SdkErrorLike;
    const wire = takeWire?.();
    const status = error.$metadata?.httpStatusCode ?? error.$response?.statusCode ?? wire?.status;
    return {
      status,
      error: { code: error.name ?? 'Error', message: error.message ?? String(caught) },
      ...(wire ? { wire } : {}),
    };
  }
}
