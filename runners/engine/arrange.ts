/**
 * Arranges a scenario's given state through the target's own Lambda API (the calls of
 * src/arrange/plan.ts), and removes it afterwards.
 */
import type { SdkRequest, Given } from '../../cases/scenario.js';
import type { Target } from '../targets/target.js';
import { arrangeCalls } from '../../src/arrange/plan.js';
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
  for (const call of arrangeCalls(fill(unfilled, vars), { functions: vars, role: await target.roleArn(), ...(target.runtime ? { runtime: target.runtime } : {}) })) await must(target, call);
}

/** Deletes the functions a scenario created (their configs go with them); errors are ignored. */
export async function cleanup(target: Target, given: Given | undefined, vars: Vars): Promise<void> {
  for (const fn of given?.functions ?? []) await arrangeCall(target, { operation: 'DeleteFunction', input: { FunctionName: vars[fn.ref]! } });
}
