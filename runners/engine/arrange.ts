/**
 * Arranges a scenario's given state through the target's own Lambda API (CreateFunction with a
 * minimal zip, UpdateFunctionCode + PublishVersion per version, CreateAlias, Put per config), and
 * removes it afterwards.
 */
import type { SdkRequest, Given } from '../../cases/scenario.js';
import type { Ledger } from '../targets/ledger.js';
import { deleteFunctionVia } from '../targets/sdk-calls.js';
import { DEFAULT_RUNTIME, type SendOptions, type Target } from '../targets/target.js';
import { minimalZip } from '../targets/zip.js';
import { fill, type Vars } from '../../cases/placeholders.js';

export class ArrangeError extends Error {}

/** Arranging and cleanup go through `arrangeSend` where the target has one (retries, waits, ledger). */
const arrangeCall = (target: Target, request: SdkRequest, options: SendOptions = {}) =>
  target.arrangeSend ? target.arrangeSend(request) : target.send(request, options);

/** The run's ledger the created functions go into, and the stop signal for the calls. */
export interface ArrangeOptions extends SendOptions {
  readonly ledger?: Ledger;
}

async function must(target: Target, request: SdkRequest, options: SendOptions): Promise<void> {
  const seen = await arrangeCall(target, request, options);
  if (seen.error || seen.status === undefined)
    throw new ArrangeError(`arranging with ${request.operation} failed: ${seen.error?.code ?? 'no answer'}: ${seen.error?.message ?? ''}`.trim());
}

/**
 * Creates the given functions, versions, aliases and configs, placeholders filled with the run's values.
 * @example await arrange(target, { functions: [{ ref: 'fn', versions: 1 }] }, { fn: 'eic-ab12-1' })
 */
export async function arrange(target: Target, unfilled: Given | undefined, vars: Vars, options: ArrangeOptions = {}): Promise<void> {
  if (!unfilled) return;
  const given = fill(unfilled, vars);
  const Role = await target.roleArn();
  const send: SendOptions = options.signal ? { signal: options.signal } : {};
  for (const fn of given.functions) {
    const FunctionName = vars[fn.ref]!;
    // Recorded before it is asked for: a stop while CreateFunction is in flight still deletes it.
    options.ledger?.record('function', FunctionName, () => deleteFunction(target, FunctionName));
    await must(target, {
      operation: 'CreateFunction',
      input: { FunctionName, Role, Runtime: target.runtime ?? DEFAULT_RUNTIME, Handler: 'index.handler', Code: { ZipFile: minimalZip(0) } },
    }, send);
    for (let v = 1; v <= (fn.versions ?? 0); v++) {
      if (v > 1) await must(target, { operation: 'UpdateFunctionCode', input: { FunctionName, ZipFile: minimalZip(v) } }, send);
      await must(target, { operation: 'PublishVersion', input: { FunctionName } }, send);
    }
    for (const alias of fn.aliases ?? [])
      await must(target, { operation: 'CreateAlias', input: { FunctionName, Name: alias.name, FunctionVersion: alias.version } }, send);
    for (const { qualifier, ...settings } of fn.configs ?? [])
      await must(target, {
        operation: 'PutFunctionEventInvokeConfig',
        input: { FunctionName, ...(qualifier ? { Qualifier: qualifier } : {}), ...settings },
      }, send);
  }
}

/** Deletes one function (its configs go with it); one already gone counts as deleted. */
const deleteFunction = (target: Target, FunctionName: string) => deleteFunctionVia((r) => arrangeCall(target, r), FunctionName);

/** Deletes the functions a scenario created; those that could not be deleted stay in the ledger for the teardown. */
export async function cleanup(target: Target, given: Given | undefined, vars: Vars, ledger?: Ledger): Promise<void> {
  for (const fn of given?.functions ?? []) {
    const FunctionName = vars[fn.ref]!;
    await deleteFunction(target, FunctionName).then(
      () => ledger?.forget('function', FunctionName),
      () => undefined,
    );
  }
}
