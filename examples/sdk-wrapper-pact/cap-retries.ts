/**
 * An example SDK wrapper whose author wants a contract with AWS Lambda: cap a function's retries
 * for asynchronous invocations. It reads the config (Get) and lowers the retries (Update) when
 * they are above the cap, or creates the config (Put) when there is none.
 */
import {
  GetFunctionEventInvokeConfigCommand,
  PutFunctionEventInvokeConfigCommand,
  ResourceNotFoundException,
  UpdateFunctionEventInvokeConfigCommand,
  type FunctionEventInvokeConfig,
  type LambdaClient,
} from '@aws-sdk/client-lambda';

/** AWS retries twice when a config does not say otherwise. */
export const DEFAULT_RETRIES = 2;

export interface CapResult {
  readonly action: 'created' | 'lowered' | 'unchanged';
  readonly config: FunctionEventInvokeConfig;
}

/**
 * Makes sure the function retries asynchronous events at most `max` times; other settings stay.
 * @example await capRetries(new LambdaClient({}), 'orders', 0) // { action: 'lowered', config: { MaximumRetryAttempts: 0, ... } }
 */
export async function capRetries(client: LambdaClient, functionName: string, max: number): Promise<CapResult> {
  let current: FunctionEventInvokeConfig;
  try {
    current = await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: functionName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    const config = await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: functionName, MaximumRetryAttempts: max }));
    return { action: 'created', config };
  }
  if ((current.MaximumRetryAttempts ?? DEFAULT_RETRIES) <= max) return { action: 'unchanged', config: current };
  const config = await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: functionName, MaximumRetryAttempts: max }));
  return { action: 'lowered', config };
}
