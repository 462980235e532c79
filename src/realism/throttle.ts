/** A token bucket per key: the control-plane quota as AWS applies it, per account and operation class. */

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /**
   * Takes one token from `key`'s bucket (capacity and refill `rate` per second); returns the
   * milliseconds to wait when none is left, or 0 when the call may go.
   * @example new TokenBuckets().take('acct/cp', 15, Date.now()) // 0
   */
  take(key: string, rate: number, now: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: rate, at: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / rate) * 1000);
  }

  clear(): void {
    this.buckets.clear();
  }
}
