/**
 * Injectable faults (`aws-behaviour.md` section 7): throttling, internal errors and conflicts for a
 * chosen operation and number of calls. Shared by the HTTP control API and the mock adapters.
 */
import { THROTTLE_DEFAULTS } from '../spec/errors.js';
import { AwsError, fail } from './aws-error.js';

export type FaultKind = 'throttle' | 'service' | 'conflict';
export const FAULT_KINDS: readonly FaultKind[] = ['throttle', 'service', 'conflict'];

/**
 * Whether a name is a fault kind.
 * @example isFaultKind('throttle') // true
 */
export const isFaultKind = (name: string): name is FaultKind => FAULT_KINDS.some((kind) => kind === name);

export interface FaultSpec {
  /** An operation name (`PutFunctionEventInvokeConfig`) or `*` for every operation. */
  readonly operation: string;
  readonly kind: FaultKind;
  /** How many matching calls fail before the fault is spent (default 1). */
  readonly times?: number;
  /** 429 only: the `Retry-After` header, in seconds. */
  readonly retryAfterSeconds?: number;
  /** 429 only: the `Reason` member. */
  readonly reason?: string;
  /** Overrides the catalogue's message. */
  readonly message?: string;
}

export interface ActiveFault extends Required<Omit<FaultSpec, 'message'>> {
  readonly id: number;
  readonly message?: string;
  remaining: number;
}

/** The queue of armed faults; the first one matching an operation answers the call. */
export class FaultPlan {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  /**
   * Arms a fault.
   * @example plan.add({ operation: 'GetFunctionEventInvokeConfig', kind: 'throttle', times: 2 })
   */
  add(spec: FaultSpec): ActiveFault {
    const times = spec.times ?? 1;
    if (!FAULT_KINDS.includes(spec.kind)) throw new TypeError(`fault kind must be one of ${FAULT_KINDS.join(', ')}`);
    if (!Number.isInteger(times) || times < 1) throw new TypeError('fault times must be a whole number of at least 1');
    const fault: ActiveFault = {
      id: this.nextId++,
      operation: spec.operation,
      kind: spec.kind,
      times,
      remaining: times,
      retryAfterSeconds: spec.retryAfterSeconds ?? THROTTLE_DEFAULTS.retryAfterSeconds,
      reason: spec.reason ?? THROTTLE_DEFAULTS.reason,
      ...(spec.message !== undefined ? { message: spec.message } : {}),
    };
    this.faults.push(fault);
    return fault;
  }

  /**
   * The error for this call of `operation`, if a fault is armed for it; spends one use.
   * @example plan.take('PutFunctionEventInvokeConfig')?.status // 429
   */
  take(operation: string): AwsError | undefined {
    if (this.faults.length === 0) return undefined;
    const fault = this.faults.find((f) => f.remaining > 0 && (f.operation === '*' || f.operation === operation));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((f) => f !== fault);
    return errorFor(fault);
  }

  /** The faults still armed. */
  list(): readonly ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}

function errorFor(fault: ActiveFault): AwsError {
  if (fault.kind === 'throttle') {
    const base = fail('throttled');
    return new AwsError('TooManyRequestsException', fault.message ?? base.message, {
      evidence: 'model',
      extra: { Reason: fault.reason },
      headers: { 'Retry-After': String(fault.retryAfterSeconds) },
    });
  }
  const base = fail(fault.kind === 'service' ? 'serviceError' : 'conflict');
  return fault.message === undefined ? base : new AwsError(base.code, fault.message, { evidence: base.evidence });
}
