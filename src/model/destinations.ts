/**
 * Destination rules (`docs/aws-behaviour.md` §5) [recorded unless tagged otherwise]: allowed
 * services per outcome; a Lambda destination must be in the function's region and account, must
 * exist and must not be the function itself.
 */
import { fail } from './aws-error.js';
import type { Context } from './context.js';
import { qualifierExists } from './targets.js';
import type { RegionState } from './state.js';

export interface DestinationInput {
  readonly OnSuccess?: { readonly Destination?: string | null } | null;
  readonly OnFailure?: { readonly Destination?: string | null } | null;
}

/** Services accepted as destinations of asynchronous invocation, per outcome [docs]. */
export const DESTINATION_SERVICES = {
  OnSuccess: ['sqs', 'sns', 'events', 'lambda'],
  OnFailure: ['sqs', 'sns', 'events', 'lambda', 's3'],
} as const;

type Outcome = keyof typeof DESTINATION_SERVICES;
const OUTCOMES: readonly Outcome[] = ['OnSuccess', 'OnFailure'];

/** A destination value that counts as set (the empty string does not) [inferred]. */
export const destinationOf = (config: DestinationInput | undefined, outcome: Outcome): string | undefined => {
  const d = config?.[outcome]?.Destination;
  return typeof d === 'string' && d !== '' ? d : undefined;
};

const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/;

/**
 * The Java-style rendering AWS prints in the "provided destination config" message.
 * @example renderDestinationConfig({ OnSuccess: { Destination: 'arn:aws:iam::1:role/x' } })
 * // 'DestinationConfig(onSuccess=OnSuccess(destination=arn:aws:iam::1:role/x), onFailure=null)'
 */
export function renderDestinationConfig(config: DestinationInput): string {
  const part = (outcome: Outcome): string => {
    const o = config[outcome];
    if (o === undefined || o === null) return 'null';
    return `${outcome}(destination=${o.Destination ?? 'null'})`;
  };
  return `DestinationConfig(onSuccess=${part('OnSuccess')}, onFailure=${part('OnFailure')})`;
}

/**
 * Checks every set destination of a Put or Update against the rules; throws the AWS error.
 * @example checkDestinations(state, 'my-function', { OnFailure: { Destination: 'arn:aws:sqs:us-east-2:123456789012:q' } }, ctx) // passes
 */
export function checkDestinations(state: RegionState, functionName: string, config: DestinationInput | undefined, ctx: Context): void {
  if (!config) return;
  for (const outcome of OUTCOMES) {
    const arn = destinationOf(config, outcome);
    const service = arn === undefined ? undefined : ARN.exec(arn)?.[2];
    if (arn !== undefined && !DESTINATION_SERVICES[outcome].some((allowed) => allowed === service)) throw fail('destinationConfigInvalid', renderDestinationConfig(config));
  }
  for (const outcome of OUTCOMES) {
    const arn = destinationOf(config, outcome);
    if (arn !== undefined && ARN.exec(arn)?.[2] === 'lambda') checkLambdaDestination(state, functionName, arn, config, ctx);
  }
}

const LAMBDA_RESOURCE = /^function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?$/;

/**
 * A Lambda destination in another region or account is the "provided destination config" error
 * [recorded 2022-09]; in this region and account it must exist and must not be the function itself.
 */
function checkLambdaDestination(state: RegionState, functionName: string, arn: string, config: DestinationInput, ctx: Context): void {
  const [, , , region, account, resource] = ARN.exec(arn)!;
  if (region !== ctx.region || account !== ctx.account) throw fail('destinationConfigInvalid', renderDestinationConfig(config));
  const m = LAMBDA_RESOURCE.exec(resource ?? '');
  if (m && m[1] === functionName) throw fail('destinationIsSelf');
  const fn = m ? state.functions.get(m[1]!) : undefined;
  if (!fn || (m?.[2] !== undefined && !qualifierExists(fn, m[2]))) throw fail('destinationArnInvalid', arn);
}
