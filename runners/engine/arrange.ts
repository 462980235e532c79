/**
 * Arranges a scenario's given state through the target's own Lambda API (CreateFunction with a
 * minimal zip, UpdateFunctionCode + PublishVersion per version, CreateAlias, Put per config), and
 * removes it afterwards.
 */
import type { SdkRequest, Given } from '../../cases/scenario.js';
import { DEFAULT_RUNTIME, type Target } from '../targets/target.js';
import { minimalZip } from '../targets/zip.js';
import { fill, type Vars } from '../../cases/placeholders.js';

export class ArrangeError extends Error {}

/** Arranging and cleanup go through `arrangeSend` where the target has one (retries, waits, ledger). */
const arrangeCall = (target: Target, request: SdkRequest) => (target.arrangeSend ? target.arrangeSend(request) : target.send(request));

async function must(target: Target, request: SdkRequest): Promise<void> {
  const seen = await arrangeCall(target, request);
  if (seen.error || seen.status === undefined)
    throw new ArrangeError(`arranging with ${request.operation} failed: ${seen.error?.code ?? 'no answer'}: ${seen.error?.message ?? ''}`.trim());
}

/**
 * Creates the given functions, versions, aliases and configs, placeholders filled with the run's values.
 * @example await arrange(target, { functions: [{ ref: 'fn', versions: 1 }] }, { fn: 'eic-ab12-1' })
 */
export async function arrange(target: Target, unfilled: Given | undefined, vars: Vars): Promise<void> {
  if (!unfilled) return;
  const given = fill(unfilled, vars);
  const Role = await target.roleArn();
  for (const fn of given.functions) {
    const FunctionName = vars[fn.ref]!;
    await must(target, {
      operation: 'CreateFunction',
      input: { FunctionName, Role, Runtime: target.runtime ?? DEFAULT_RUNTIME, Handler: 'index.handler', Code: { ZipFile: minimalZip(0) } },
    });
    for (let v = 1; v <= (fn.versions ?? 0); v++) {
      if (v > 1) await must(target, { operation: 'UpdateFunctionCode', input: { FunctionName, ZipFile: minimalZip(v) } });
      await must(target, { operation: 'PublishVersion', input: { FunctionName } });
    }
    for (const alias of fn.aliases ?? [])
      await must(target, { operation: 'CreateAlias', input: { FunctionName, Name: alias.name, FunctionVersion: alias.version } });
    for (const { qualifier, ...settings } of fn.configs ?? [])
      await must(target, {
        operation: 'PutFunctionEventInvokeConfig',
        input: { FunctionName, ...(qualifier ? { Qualifier: qualifier } : {}), ...settings },
      });
  }
}

/** Deletes the functions a scenario created (their configs go with them); errors are ignored. */
export async function cleanup(target: Target, given: Given | undefined, vars: Vars): Promise<void> {
  for (const fn of given?.functions ?? []) await arrangeCall(target, { operation: 'DeleteFunction', input: { FunctionName: vars[fn.ref]! } });
}
