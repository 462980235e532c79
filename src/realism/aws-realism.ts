/**
 * The AWS realism profile as a layer around the model (`lambda-eic serve --realism aws`): SigV4
 * signatures checked, the control-plane quota enforced with the recorded 429, a new role refused
 * for a while, functions `Pending` and updates `InProgress` with the recorded 409 meanwhile. The
 * model stays the oracle of the event-invoke-config API; this layer only adds what a real
 * account does around it (aws-behaviour.md sections 7 and 8).
 */
import { AwsError, fail } from '../model/aws-error.js';
import type { Context } from '../model/context.js';
import type { InvokeLayer } from '../model/emulator.js';
import { LATEST, functionArn, parseFunctionName } from '../model/names.js';
import type { Outcome } from '../model/outcome.js';
import type { OperationName } from '../spec/operations.js';
import { FunctionClocks } from './lifecycle.js';
import { REALISM_DEFAULTS, type RealismOptions } from './profile.js';
import { verifySignature, type ArrivedRequest } from './sigv4-verify.js';
import { TokenBuckets } from './throttle.js';

type Input = Readonly<Record<string, unknown>>;

/** Changes that must wait while the function is Pending or an update is InProgress [recorded 2025-11]. */
const WAITING_CHANGES: readonly OperationName[] = ['UpdateFunctionCode', 'UpdateFunctionConfiguration', 'PublishVersion'];
const REFUSAL = { missing: 'missingAuthentication', 'unknown-key': 'unknownAccessKey', mismatch: 'signatureMismatch' } as const;

/** The action a destination's permission error names [recorded for SQS and SNS]; the others answer "is invalid". */
const DELIVERY_ACTION: Readonly<Record<string, string>> = { sqs: 'SendMessage', sns: 'Publish' };
const NEEDS_PERMISSION = /^arn:aws[a-zA-Z-]*:(sqs|sns|s3|events):/;

const destinationsOf = (input: Input): string[] => {
  const config = input.DestinationConfig as Record<string, { Destination?: unknown } | undefined> | undefined;
  return [config?.OnSuccess?.Destination, config?.OnFailure?.Destination].filter((d): d is string => typeof d === 'string' && NEEDS_PERMISSION.test(d));
};

/** A destination ARN's resource name: `queue` of `arn:aws:sqs:r:a:queue`, `bus` of `...:event-bus/bus`. */
const resourceName = (arn: string): string => arn.split(':').slice(5).join(':').split('/').pop() ?? '';

const nameOf = (input: Input): string | undefined => (typeof input.FunctionName === 'string' ? parseFunctionName(input.FunctionName)?.name : undefined);

/** The recorded 429 body: `{"Reason":"CallerRateLimitExceeded","Type":"User","message":"Rate exceeded"}` [recorded 2023-2024]. */
function throttled(waitMs: number): AwsError {
  const base = fail('rateExceeded');
  return new AwsError(base.code, base.message, {
    evidence: 'recorded',
    extra: { Reason: 'CallerRateLimitExceeded' },
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
  });
}

/**
 * @example
 * const emulator = new Emulator();
 * emulator.layer = new AwsRealism({ pendingMs: 100, updateMs: 100, roleDelayMs: 300 });
 */
export class AwsRealism implements InvokeLayer {
  readonly options: RealismOptions;
  private readonly clocks = new FunctionClocks();
  private readonly buckets = new TokenBuckets();
  private readonly rolesSeen = new Map<string, number>();
  private readonly roleOf = new Map<string, string>();

  constructor(options: Partial<RealismOptions> = {}) {
    this.options = { ...REALISM_DEFAULTS, ...options };
  }

  /** The signature check: undefined when the request is signed with a known key. */
  authenticate(request: ArrivedRequest): AwsError | undefined {
    const verdict = verifySignature(request, this.options.credentials);
    return verdict.ok ? undefined : fail(REFUSAL[verdict.reason]);
  }

  around(operation: OperationName, input: Input, ctx: Context, next: () => Outcome): Outcome {
    const now = ctx.now();
    const quota = operation === 'GetFunction' ? this.options.getFunctionRps : this.options.rps;
    const wait = this.buckets.take(`${ctx.account}/${operation === 'GetFunction' ? 'GetFunction' : 'control-plane'}`, quota, now);
    if (wait > 0) return { ok: false, error: throttled(wait) };
    const name = nameOf(input);
    const key = `${ctx.account}/${ctx.region}/${name}`;
    if (operation === 'CreateFunction' && typeof input.Role === 'string') {
      const firstSeen = this.rolesSeen.get(input.Role) ?? now;
      this.rolesSeen.set(input.Role, firstSeen);
      if (now < firstSeen + this.options.roleDelayMs) return { ok: false, error: fail('roleCannotBeAssumed') };
    }
    if (name !== undefined && WAITING_CHANGES.includes(operation) && this.clocks.busy(key, now)) return { ok: false, error: fail('updateInProgress', functionArn(ctx, name)) };
    const refused = this.deliveryRefused(operation, input, key, now);
    if (refused) return { ok: false, error: refused };
    const outcome = next();
    if (!outcome.ok || name === undefined) return outcome;
    if (operation === 'CreateFunction') this.roleOf.set(key, String(input.Role));
    return { ...outcome, output: this.record(operation, input, key, outcome.output, now) };
  }

  /** A destination the function's role may not deliver to: outside its policy, or the policy is still propagating. */
  private deliveryRefused(operation: OperationName, input: Input, key: string, now: number): AwsError | undefined {
    if (operation !== 'PutFunctionEventInvokeConfig' && operation !== 'UpdateFunctionEventInvokeConfig') return undefined;
    const role = this.roleOf.get(key);
    const since = role === undefined ? undefined : this.rolesSeen.get(role);
    if (since === undefined) return undefined;
    const propagating = now < since + this.options.policyDelayMs;
    const arn = destinationsOf(input).find((d) => propagating || this.options.undeliverable.test(resourceName(d)));
    if (arn === undefined) return undefined;
    const action = DELIVERY_ACTION[arn.split(':')[2]!];
    return action ? fail('noDeliveryPermission', action, arn) : fail('destinationArnInvalid', arn);
  }

  /** Advances the clocks after a successful call and shows the states in its answer. */
  private record(operation: OperationName, input: Input, key: string, output: Record<string, unknown> | undefined, now: number) {
    const { pendingMs, updateMs } = this.options;
    switch (operation) {
      case 'CreateFunction':
        this.clocks.created(key, now, pendingMs);
        return output;
      case 'UpdateFunctionCode':
      case 'UpdateFunctionConfiguration':
        this.clocks.updated(key, now, updateMs);
        return output && { ...output, State: 'Active', LastUpdateStatus: 'InProgress' };
      case 'PublishVersion':
        if (typeof output?.Version === 'string') this.clocks.published(key, output.Version, now, pendingMs);
        return output && this.show(key, output, now);
      case 'DeleteFunction':
        if (input.Qualifier === undefined && !String(input.FunctionName).includes(':')) this.clocks.deleted(key);
        return output;
      case 'GetFunction':
        return output && { ...output, Configuration: this.show(key, output.Configuration as Record<string, unknown>, now) };
      case 'GetFunctionConfiguration':
        return output && this.show(key, output, now);
      default:
        return output;
    }
  }

  private show(key: string, configuration: Record<string, unknown>, now: number): Record<string, unknown> {
    const { State: _s, LastUpdateStatus: _l, StateReason: _r, StateReasonCode: _c, ...rest } = configuration;
    const lifecycle = this.clocks.lifecycle(key, String(configuration.Version ?? LATEST), now);
    return {
      ...rest,
      ...lifecycle,
      ...(lifecycle.State === 'Pending' ? { StateReason: 'The function is being created.', StateReasonCode: 'Creating' } : {}),
    };
  }

  reset(): void {
    this.clocks.clear();
    this.buckets.clear();
    this.rolesSeen.clear();
    this.roleOf.clear();
  }
}
