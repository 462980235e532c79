import { randomUUID } from 'node:crypto';

/** Who is calling and where, and the injected clock and id source that keep runs deterministic. */
export interface Context {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  /** Epoch milliseconds. */
  now(): number;
  /** A fresh request or revision id. */
  newId(): string;
}

export const DEFAULT_ACCOUNT = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

/**
 * A context with the system clock and random UUIDs.
 * @example const ctx = systemContext({ region: 'us-east-2' }); ctx.account // '123456789012'
 */
export function systemContext(overrides: Partial<Context> = {}): Context {
  return {
    account: DEFAULT_ACCOUNT,
    region: DEFAULT_REGION,
    partition: 'aws',
    now: () => Date.now(),
    newId: () => randomUUID(),
    ...overrides,
  };
}

/**
 * A context whose clock advances one millisecond per reading and whose ids count up: for tests.
 * @example fixedContext(1573687896493).now() // 1573687896493
 */
export function fixedContext(startMs: number, overrides: Partial<Context> = {}): Context {
  let clock = startMs;
  let id = 0;
  return systemContext({
    now: () => clock++,
    newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
    ...overrides,
  });
}
