/**
 * An example SDK wrapper, as an application would write it: make a function's asynchronous
 * invocation settings what you want, touching only what differs.
 *
 * - no config yet: PutFunctionEventInvokeConfig with the desired settings;
 * - a config that differs: UpdateFunctionEventInvokeConfig with only the changed members
 *   (DestinationConfig goes whole, since Update replaces it whole);
 * - a config that matches: nothing is written.
 * Every call is retried on TooManyRequestsException with exponential backoff.
 */
import {
  GetFunctionEventInvokeConfigCommand,
  PutFunctionEventInvokeConfigCommand,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateFunctionEventInvokeConfigCommand,
  type DestinationConfig,
  type FunctionEventInvokeConfig,
  type LambdaClient,
  type UpdateFunctionEventInvokeConfigCommandInput,
} from '@aws-sdk/client-lambda';

/** What the caller wants; a member left out is left as it is. */
export interface AsyncInvokeSettings {
  readonly maximumRetryAttempts?: number;
  readonly maximumEventAgeInSeconds?: number;
  /** Destination ARN for successful invocations. */
  readonly onSuccess?: string;
  /** Destination ARN for failed invocations. */
  readonly onFailure?: string;
}

export interface EnsureOptions {
  /** A version or alias; default `$LATEST`. */
  readonly qualifier?: string;
  /** Extra attempts after a TooManyRequestsException (default 4). */
  readonly throttleRetries?: number;
  /** First backoff delay in ms, doubled each time (default 200). */
  readonly baseDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface EnsureResult {
  readonly action: 'created' | 'updated' | 'unchanged';
  /** The members that were written (`MaximumRetryAttempts`, ...). */
  readonly changed: readonly string[];
  readonly config: FunctionEventInvokeConfig;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call`, retrying on TooManyRequestsException with exponential backoff.
 * @example await withThrottleRetry(() => client.send(command), { throttleRetries: 2 })
 */
export async function withThrottleRetry<T>(call: () => Promise<T>, options: EnsureOptions = {}): Promise<T> {
  const { throttleRetries = 4, baseDelayMs = 200, sleep = defaultSleep } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof TooManyRequestsException) || attempt >= throttleRetries) throw error;
      await sleep(baseDelayMs * 2 ** attempt);
    }
  }
}

/** The DestinationConfig we want: desired destinations over the current ones. */
function destinationsOf(desired: AsyncInvokeSettings, current: FunctionEventInvokeConfig | undefined): DestinationConfig | undefined {
  const onSuccess = desired.onSuccess ?? current?.DestinationConfig?.OnSuccess?.Destination;
  const onFailure = desired.onFailure ?? current?.DestinationConfig?.OnFailure?.Destination;
  if (onSuccess === undefined && onFailure === undefined) return undefined;
  return {
    ...(onSuccess !== undefined ? { OnSuccess: { Destination: onSuccess } } : {}),
    ...(onFailure !== undefined ? { OnFailure: { Destination: onFailure } } : {}),
  };
}

/**
 * The members of an Update that would change `current` into `desired`.
 * @example diffSettings({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }, { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 }) // { MaximumRetryAttempts: 0 }
 */
export function diffSettings(current: FunctionEventInvokeConfig, desired: AsyncInvokeSettings): Partial<UpdateFunctionEventInvokeConfigCommandInput> {
  const changes: Partial<UpdateFunctionEventInvokeConfigCommandInput> = {};
  if (desired.maximumRetryAttempts !== undefined && desired.maximumRetryAttempts !== current.MaximumRetryAttempts) changes.MaximumRetryAttempts = desired.maximumRetryAttempts;
  if (desired.maximumEventAgeInSeconds !== undefined && desired.maximumEventAgeInSeconds !== current.MaximumEventAgeInSeconds) changes.MaximumEventAgeInSeconds = desired.maximumEventAgeInSeconds;
  const destinationChanged =
    (desired.onSuccess !== undefined && desired.onSuccess !== current.DestinationConfig?.OnSuccess?.Destination) ||
    (desired.onFailure !== undefined && desired.onFailure !== current.DestinationConfig?.OnFailure?.Destination);
  if (destinationChanged) changes.DestinationConfig = destinationsOf(desired, current);
  return changes;
}

/**
 * Makes the function's async-invocation config match `desired`.
 * @example
 * await ensureAsyncConfig(new LambdaClient({}), 'my-function', { maximumRetryAttempts: 0, onFailure: 'arn:aws:sqs:us-east-1:123456789012:dlq' })
 * // { action: 'created', changed: ['MaximumRetryAttempts', 'DestinationConfig'], config: {...} }
 */
export async function ensureAsyncConfig(client: LambdaClient, functionName: string, desired: AsyncInvokeSettings, options: EnsureOptions = {}): Promise<EnsureResult> {
  const target = { FunctionName: functionName, ...(options.qualifier !== undefined ? { Qualifier: options.qualifier } : {}) };
  let current: FunctionEventInvokeConfig | undefined;
  try {
    current = await withThrottleRetry(() => client.send(new GetFunctionEventInvokeConfigCommand(target)), options);
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }

  if (current === undefined) {
    const settings = {
      ...(desired.maximumRetryAttempts !== undefined ? { MaximumRetryAttempts: desired.maximumRetryAttempts } : {}),
      ...(desired.maximumEventAgeInSeconds !== undefined ? { MaximumEventAgeInSeconds: desired.maximumEventAgeInSeconds } : {}),
      ...(destinationsOf(desired, undefined) ? { DestinationConfig: destinationsOf(desired, undefined) } : {}),
    };
    const config = await withThrottleRetry(() => client.send(new PutFunctionEventInvokeConfigCommand({ ...target, ...settings })), options);
    return { action: 'created', changed: Object.keys(settings), config };
  }

  const changes = diffSettings(current, desired);
  if (Object.keys(changes).length === 0) return { action: 'unchanged', changed: [], config: current };
  const config = await withThrottleRetry(() => client.send(new UpdateFunctionEventInvokeConfigCommand({ ...target, ...changes })), options);
  return { action: 'updated', changed: Object.keys(changes), config };
}
