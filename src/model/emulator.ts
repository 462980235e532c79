/**
 * The reference model's front door: one call runs the checks in AWS's order (injected faults,
 * JSON types, model constraints) and then the operation.
 */
import { OPERATIONS, type OperationName } from '../spec/operations.js';
import { AwsError, fail } from './aws-error.js';
import { systemContext, type Context } from './context.js';
import { isPlainObject } from './validate.js';
import { FaultPlan } from './faults.js';
import { runHandler } from './handlers.js';
import type { Core, HttpAnswer, ModelWrapper, Outcome } from './outcome.js';
import { World } from './state.js';
import { checkInput } from './validate.js';

export type { Core, CoreOptions, HttpAnswer, ModelWrapper, Outcome } from './outcome.js';

/**
 * A layer around every call of the model (the AWS realism profile, `src/realism`): it may check
 * the request's signature, answer instead of the model, or adjust the model's answer.
 */
export interface InvokeLayer {
  around(operation: OperationName, input: Readonly<Record<string, unknown>>, ctx: Context, next: () => Outcome): Outcome;
  /** An error to answer instead of handling the HTTP request at all (a bad signature). */
  authenticate?(request: { method: string; url: string; headers: Readonly<Record<string, string | string[] | undefined>>; body: Buffer }): AwsError | undefined;
  reset?(): void;
}

/** The state of every account and region, plus the armed faults and the layers around the model. */
export class Emulator {
  /**
   * The live state of every account and region.
   * @remarks Escape hatch: changing it bypasses every rule of the model. Read a copy with
   * `snapshot(emulator)`; change state through `invoke` (or a mock's seeding).
   */
  readonly world = new World();
  readonly faults = new FaultPlan();
  /**
   * Applied around the model, inside `layer` (none by default): the quirks of `src/quirks`
   * (`new QuirkLayer(['update-replaces'])`) make the emulator behave like a buggy one.
   * @remarks Escape hatch for tests of the suite itself: the layer outlives the calls it wraps.
   */
  readonly wrapper: ModelWrapper | undefined;
  /** A layer around every call (none by default): `new AwsRealism()` behaves like a real account. */
  layer: InvokeLayer | undefined;

  /**
   * @example new Emulator({ wrapper: new QuirkLayer(['update-replaces']) })
   */
  constructor(options: { wrapper?: ModelWrapper; layer?: InvokeLayer } = {}) {
    this.wrapper = options.wrapper;
    this.layer = options.layer;
  }

  /**
   * Runs one operation against the model. Never throws for bad input: the AWS error comes back
   * as `{ ok: false, error }`. `{ faults: false }` runs it without spending an armed fault (seeding).
   * @example
   * const emulator = new Emulator();
   * emulator.invoke('GetFunctionEventInvokeConfig', { FunctionName: 'my-function' }, systemContext());
   * // { ok: false, error: AwsError(ResourceNotFoundException, 404) }
   */
  invoke(operation: OperationName, input: Readonly<Record<string, unknown>>, ctx: Context = systemContext(), options?: { faults?: boolean }): Outcome {
    if (!Object.hasOwn(OPERATIONS, operation)) return { ok: false, error: fail('unsupportedOperation', String(operation)) };
    if (input === undefined || input === null) input = {};
    if (!isPlainObject(input)) return { ok: false, error: fail('unparseableBody', 'the input must be an object') };
    const fault = options?.faults === false ? undefined : this.faults.take(operation);
    if (fault) return { ok: false, error: fault };
    const wrapper = this.wrapper;
    const call: Core = wrapper?.around ? (op, inp, c) => wrapper.around!(op, inp, c, this.core) : this.core;
    try {
      if (this.layer) return this.layer.around(operation, input, ctx, () => call(operation, input, ctx));
      return call(operation, input, ctx);
    } catch (error) {
      return { ok: false, error: error instanceof AwsError ? error : new AwsError('ServiceException', `lambda-eic-conformance internal error: ${String(error)}`) };
    }
  }

  /** Rewrites an HTTP answer as the wrapper says (wire-level quirks); unchanged without one. */
  wire(answer: HttpAnswer, operation?: OperationName): HttpAnswer {
    return this.wrapper?.wire ? this.wrapper.wire(answer, operation) : answer;
  }

  /** The model itself: JSON types, then constraints, then the operation. */
  private readonly core: Core = (operation, input, ctx, options) => {
    const spec = OPERATIONS[operation];
    try {
      checkInput(operation, input, options?.violations);
      // Only CreateFunction can bring a region to life; every other call needs a function there,
      // so a read or a failed write naming a new region (a SigV4 scope) allocates nothing.
      const state = this.world.peek(ctx.account, ctx.region);
      const output = runHandler(operation, state, input, ctx);
      if (state.functions.size > 0) this.world.keep(state);
      return { ok: true, status: spec.successStatus, output };
    } catch (error) {
      if (error instanceof AwsError) return { ok: false, error };
      // A defect of the model: still an AWS-shaped answer, never an exception out of invoke.
      return { ok: false, error: new AwsError('ServiceException', `lambda-eic-conformance internal error: ${error instanceof Error ? error.message : String(error)}`) };
    }
  };

  /** Forgets all state and disarms all faults. */
  reset(): void {
    this.world.reset();
    this.faults.clear();
    this.layer?.reset?.();
  }
}
