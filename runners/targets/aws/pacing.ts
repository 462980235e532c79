/**
 * Client-side pacing under the control-plane quota (15 requests per second for most Lambda
 * control-plane calls [docs]) and adaptive retries: a throttle halves the pace for a while, each
 * success wins a little of it back, as the SDKs' "adaptive" retry mode does.
 */

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spaces calls at most `rps` per second; `throttled()` slows down, `succeeded()` recovers. */
export class Pacer {
  private next = 0;
  private rate: number;

  /** @example const pacer = new Pacer(10); await pacer.turn(); */
  constructor(readonly maxRps: number) {
    this.rate = maxRps;
  }

  /** Resolves when the caller may send its next request. */
  async turn(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.rate;
    if (at > now) await sleep(at - now);
  }

  throttled(): void {
    this.rate = Math.max(1, this.rate / 2);
  }

  succeeded(): void {
    this.rate = Math.min(this.maxRps, this.rate + this.maxRps / 20);
  }

  /** The current pace, requests per second. */
  get pace(): number {
    return this.rate;
  }
}

export interface RetryPolicy {
  /** Whether this failure may be retried. */
  readonly retryable: (failure: { code: string; status: number | undefined; message: string }) => boolean;
  /** Give up after this many milliseconds in all. */
  readonly budgetMs: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

/**
 * The delay before retry `attempt` (1-based): exponential with full jitter, capped.
 * @example backoffMs(3, 200, 5000) // between 0 and 800
 */
export const backoffMs = (attempt: number, base: number, max: number): number => Math.random() * Math.min(max, base * 2 ** (attempt - 1));

/**
 * Runs `call` until it succeeds, fails in a way the policy does not retry, or the budget is spent;
 * answers the last result and how many retries it took.
 * @example const { result, retries } = await withRetries(() => send(request), failureOf, policy)
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  failureOf: (result: T) => { code: string; status: number | undefined; message: string } | undefined,
  policy: RetryPolicy,
): Promise<{ result: T; retries: number }> {
  const deadline = Date.now() + policy.budgetMs;
  for (let retries = 0; ; retries++) {
    const result = await call();
    const failure = failureOf(result);
    if (!failure || !policy.retryable(failure)) return { result, retries };
    const delay = backoffMs(retries + 1, policy.baseDelayMs ?? 250, policy.maxDelayMs ?? 5_000);
    if (Date.now() + delay > deadline) return { result, retries };
    await sleep(Math.max(50, delay));
  }
}
