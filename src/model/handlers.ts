/**
 * The handler table: each operation of the spec table and the model function that answers it,
 * typed by the operation's validated input (`OperationInputs`), so a handler reads only members
 * the spec table has checked.
 */
import type { OperationInputs } from '../spec/inputs.js';
import type { OperationName } from '../spec/operations.js';
import type { Context } from './context.js';
import * as control from './control-plane.js';
import * as eic from './event-invoke-config.js';
import type { RegionState } from './state.js';

/** What a handler answers: the output members, or nothing (a 204). */
export type HandlerOutput = Readonly<Record<string, unknown>> | undefined;

type Handlers = { readonly [O in OperationName]: (state: RegionState, input: OperationInputs[O], ctx: Context) => HandlerOutput };

const HANDLERS: Handlers = {
  PutFunctionEventInvokeConfig: eic.putEventInvokeConfig,
  UpdateFunctionEventInvokeConfig: eic.updateEventInvokeConfig,
  GetFunctionEventInvokeConfig: eic.getEventInvokeConfig,
  DeleteFunctionEventInvokeConfig: eic.deleteEventInvokeConfig,
  ListFunctionEventInvokeConfigs: eic.listEventInvokeConfigs,
  CreateFunction: control.createFunction,
  GetFunction: control.getFunction,
  GetFunctionConfiguration: control.getFunctionConfiguration,
  UpdateFunctionConfiguration: control.updateFunctionConfiguration,
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

/**
 * Runs one operation's handler on a validated input (see `checkInput`).
 * @example runHandler('GetFunctionEventInvokeConfig', state, { FunctionName: 'my-function' }, ctx) // throws the 404 AwsError when no config is stored
 */
export function runHandler<O extends OperationName>(operation: O, state: RegionState, input: OperationInputs[O], ctx: Context): HandlerOutput {
  return HANDLERS[operation](state, input, ctx);
}
