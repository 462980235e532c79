/**
 * The domain-to-wire mapper for configs (`aws-behaviour.md` section 6) [docs][recorded]:
 * FunctionArn always qualified, DestinationConfig always with both keys, retry and age only when
 * set, LastModified as epoch seconds.
 */
import type { Context } from './context.js';
import { functionArn } from './names.js';
import type { StoredEventInvokeConfig } from './state.js';

/** A config as the rest-json wire carries it. */
export type EventInvokeConfigWire = {
  LastModified: number;
  FunctionArn: string;
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig: {
    OnSuccess: { Destination?: string };
    OnFailure: { Destination?: string };
  };
};

const destination = (arn: string | undefined) => (arn === undefined ? {} : { Destination: arn });

/**
 * Renders a stored config as AWS answers it.
 * @example configView(ctx, 'my-function', stored).FunctionArn // 'arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST'
 */
export function configView(ctx: Context, functionName: string, config: StoredEventInvokeConfig): EventInvokeConfigWire {
  const LastModified = config.lastModified / 1000;
  const FunctionArn = functionArn(ctx, functionName, config.qualifier);
  const DestinationConfig = { OnSuccess: destination(config.onSuccess), OnFailure: destination(config.onFailure) };
  const retry = config.maximumRetryAttempts;
  const age = config.maximumEventAgeInSeconds;
  // One literal per shape, members in the wire order (no spreads: Get and Put answer through here).
  if (retry !== undefined && age !== undefined) return { LastModified, FunctionArn, MaximumRetryAttempts: retry, MaximumEventAgeInSeconds: age, DestinationConfig };
  if (retry !== undefined) return { LastModified, FunctionArn, MaximumRetryAttempts: retry, DestinationConfig };
  if (age !== undefined) return { LastModified, FunctionArn, MaximumEventAgeInSeconds: age, DestinationConfig };
  return { LastModified, FunctionArn, DestinationConfig };
}
