/**
 * The reference model's front door: one call runs the checks in AWS's order (injected faults,
 * JSON types, model constraints) and then the operation.
 */
import { OPERATIONS, type OperationName } from '../spec/operations.js';
import { AwsError } from './aws-error.js';
import type { Context } from './context.js';
import * as control from './control-plane.js';
import * as eic from './event-invoke-config.js';
import { FaultPlan } from './faults.js';
import { World, type RegionState } from './state.js';
import { checkConstraints, checkTypes, constraintViolations } from './validate.js';

type Handler = (state: RegionState, input: never, ctx: Context) => unknown;

const HANDLERS: Record<OperationName, Handler> = {
  PutFunctionEventInvokeConfig: eic.putEventInvokeConfig,
  UpdateFunctionEventInvokeConfig: eic.updateEventInvokeConfig,
  GetFunctionEventInvokeConfig: eic.getEventInvokeConfig,
  DeleteFunctionEventInvokeConfig: eic.deleteEventInvokeConfig,
  ListFunctionEventInvokeConfigs: eic.listEventInvokeConfigs,
  CreateFunction: control.createFunction,
  GetFunction: control.getFunction,
  DeleteFunction: control.deleteFunction,
  UpdateFunctionCode: control.updateFunctionCode,
  PublishVersion: control.publishVersion,
  ListVersionsByFunction: control.listVersionsByFunction,
  ListFunctions: control.listFunctions,
  CreateAlias: control.createAlias,
  GetAlias: control.getAlias,
  DeleteAlias: control.deleteAlias,
  ListAliases: control.listAliases,
};

export type Outcome =
  | { readonly ok: true; readonly status: number; readonly output: Record<string, unknown> | undefined }
  | { readonly ok: false; readonly error: AwsError };

/** The state of every account and region, plus the armed faults. */
export class Emulator {
  readonly world = new World();
  readonly faults = new FaultPlan();

  /**
   * Runs one operation against the model. Never throws for bad input: the AWS error comes back
   * as `{ ok: false, error }`.
   * @example
   * const emulator = new Emulator();
   * emulator.invoke('GetFunctionEventInvokeConfig', { FunctionName: 'my-function' }, systemContext());
   * // { ok: false, error: AwsError(ResourceNotFoundException, 404) }
   */
  invoke(operation: OperationName, input: Readonly<Record<string, unknown>>, ctx: Context): Outcome {
    const spec = OPERATIONS[operation];
    try {
      const fault = this.faults.take(operation);
      if (fault) return { ok: false, error: fault };
      checkTypes(spec, input);
      checkConstraints(constraintViolations(spec, input));
      const state = this.world.region(ctx.account, ctx.region);
      const output = HANDLERS[operation](state, input as never, ctx) as Record<string, unknown> | undefined;
      return { ok: true, status: spec.successStatus, output };
    } catch (error) {
      if (error instanceof AwsError) return { ok: false, error };
      throw error;
    }
  }

  /** Forgets all state and disarms all faults. */
  reset(): void {
    this.world.reset();
    this.faults.clear();
  }
}
