/**
 * Waiting for AWS to settle a change, as the SDK waiters `FunctionActiveV2`, `FunctionUpdatedV2`
 * and `PublishedVersionActive` do [model]: poll GetFunction / GetFunctionConfiguration until the
 * state is `Active` and the last update `Successful`; `Failed` ends the wait with its reason.
 */
import type { SdkRequest } from '../../../cases/scenario.js';
import type { Observation } from '../target.js';

export type Send = (request: SdkRequest) => Promise<Observation>;

export interface WaitResult {
  readonly ok: boolean;
  readonly reason?: string;
  readonly polls: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What each waiter polls and when it is done. */
const WAITERS = {
  FunctionActiveV2: { operation: 'GetFunction', state: 'State', want: 'Active', reason: 'StateReason', configuration: true },
  FunctionUpdatedV2: { operation: 'GetFunction', state: 'LastUpdateStatus', want: 'Successful', reason: 'LastUpdateStatusReason', configuration: true },
  PublishedVersionActive: { operation: 'GetFunctionConfiguration', state: 'State', want: 'Active', reason: 'StateReason', configuration: false },
} as const;

export type WaiterName = keyof typeof WAITERS;

/**
 * Polls until the waiter's condition holds, fails, or `budgetMs` passes; poll errors (a 429, a
 * network error) are polled through.
 * @example await waitFor(send, 'FunctionActiveV2', { FunctionName: 'eic-ab12-1' }, { budgetMs: 300_000 })
 */
export async function waitFor(send: Send, waiter: WaiterName, input: Record<string, unknown>, options: { budgetMs: number; firstDelayMs?: number; maxDelayMs?: number }): Promise<WaitResult> {
  const spec = WAITERS[waiter];
  const deadline = Date.now() + options.budgetMs;
  let delay = options.firstDelayMs ?? 250;
  for (let polls = 1; ; polls++) {
    const seen = await send({ operation: spec.operation, input } as SdkRequest);
    const configuration = (spec.configuration ? seen.output?.Configuration : seen.output) as Record<string, unknown> | undefined;
    const value = configuration?.[spec.state];
    if (!seen.error && (value === spec.want || (value === undefined && spec.state === 'LastUpdateStatus' && configuration?.State === 'Active'))) return { ok: true, polls };
    if (value === 'Failed') return { ok: false, polls, reason: `${waiter}: ${String(configuration?.[spec.reason] ?? 'Failed')}` };
    if (seen.error?.code === 'ResourceNotFoundException') return { ok: false, polls, reason: `${waiter}: ${seen.error.message}` };
    if (Date.now() + delay > deadline) return { ok: false, polls, reason: `${waiter}: still ${String(value ?? seen.error?.code ?? 'unknown')} after ${options.budgetMs} ms` };
    await sleep(delay);
    delay = Math.min(options.maxDelayMs ?? 5_000, Math.round(delay * 1.5));
  }
}
