/**
 * Function states as a real account shows them [recorded 2025-11]: a new function and a new
 * version are `Pending` for a while, an update keeps `LastUpdateStatus` `InProgress` for a while,
 * and meanwhile UpdateFunctionCode, UpdateFunctionConfiguration and PublishVersion answer 409.
 */

interface FunctionClock {
  pendingUntil: number;
  updatingUntil: number;
  readonly versionPendingUntil: Map<string, number>;
}

export type Lifecycle = { readonly State: 'Pending' | 'Active'; readonly LastUpdateStatus?: 'InProgress' | 'Successful' };

/** The clocks of every function the profile has seen, by account, region and name. */
export class FunctionClocks {
  private readonly clocks = new Map<string, FunctionClock>();

  private clock(key: string): FunctionClock {
    let clock = this.clocks.get(key);
    if (!clock) {
      clock = { pendingUntil: 0, updatingUntil: 0, versionPendingUntil: new Map() };
      this.clocks.set(key, clock);
    }
    return clock;
  }

  /** A function was created: Pending until `now + ms`. */
  created(key: string, now: number, ms: number): void {
    this.clocks.delete(key);
    this.clock(key).pendingUntil = now + ms;
  }

  /** Code or configuration changed: InProgress until `now + ms`. */
  updated(key: string, now: number, ms: number): void {
    this.clock(key).updatingUntil = now + ms;
  }

  /** A version was published: that version is Pending until `now + ms`. */
  published(key: string, version: string, now: number, ms: number): void {
    this.clock(key).versionPendingUntil.set(version, now + ms);
  }

  deleted(key: string): void {
    this.clocks.delete(key);
  }

  /**
   * Whether a change must wait (the function is Pending or an update is InProgress).
   * @example clocks.busy('123456789012/us-east-1/f', Date.now()) // false for a function never seen
   */
  busy(key: string, now: number): boolean {
    const clock = this.clocks.get(key);
    return clock !== undefined && (now < clock.pendingUntil || now < clock.updatingUntil);
  }

  /**
   * What GetFunction and GetFunctionConfiguration show for `$LATEST` or a version.
   * @example clocks.lifecycle(key, '$LATEST', Date.now()) // { State: 'Active', LastUpdateStatus: 'Successful' }
   */
  lifecycle(key: string, version: string, now: number): Lifecycle {
    const clock = this.clocks.get(key);
    if (!clock) return { State: 'Active', LastUpdateStatus: 'Successful' };
    if (version !== '$LATEST') return { State: now < (clock.versionPendingUntil.get(version) ?? 0) ? 'Pending' : 'Active', LastUpdateStatus: 'Successful' };
    if (now < clock.pendingUntil) return { State: 'Pending' };
    return { State: 'Active', LastUpdateStatus: now < clock.updatingUntil ? 'InProgress' : 'Successful' };
  }

  clear(): void {
    this.clocks.clear();
  }
}
