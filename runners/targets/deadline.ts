/** Time limits for calls to a target: every request ends, answered or not. */

/** Default time one request to a target may take (`run --request-timeout`). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export class DeadlineExceeded extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * Settles like `work`, or rejects with `DeadlineExceeded` after `ms` (calling `onTimeout`, which
 * should abort the work) or with the signal's reason when `signal` aborts first.
 * @example await withDeadline(fetch(url), 5_000, () => controller.abort())
 */
export function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void, signal?: AbortSignal): Promise<T> {
  if (ms <= 0 && !signal) return work;
  return new Promise<T>((resolve, reject) => {
    const timer =
      ms > 0
        ? setTimeout(() => {
            onTimeout();
            reject(new DeadlineExceeded(`no answer within ${ms} ms`));
          }, ms)
        : undefined;
    const onAbort = () => {
      onTimeout();
      reject(signal?.reason instanceof Error ? signal.reason : new Error('stopped'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    work.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
