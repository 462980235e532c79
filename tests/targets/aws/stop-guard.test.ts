/**
 * The real-account stop guard takes signals through the CLI's one signal mechanism
 * (runners/process/signals.ts): a signal held while the CLI loaded stops the run at once, and releasing
 * the guard hands signals back to the holder.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardRun } from '../../../runners/targets/aws/stop-guard.js';
import { heldSignalExit, holdSignals } from '../../../runners/process/signals.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let saved: Map<string, NodeJS.SignalsListener[]>;

beforeEach(() => {
  // Only this test's listeners may hear the emitted signals (never the test runner's own).
  saved = new Map(SIGNALS.map((s) => [s, process.listeners(s) as NodeJS.SignalsListener[]]));
  for (const s of SIGNALS) process.removeAllListeners(s);
});
afterEach(() => {
  for (const s of SIGNALS) {
    process.removeAllListeners(s);
    for (const listener of saved.get(s) ?? []) process.on(s, listener);
  }
  vi.restoreAllMocks();
});

describe('guardRun', () => {
  it('tears down and exits 130 for a SIGINT held before it took the signals', async () => {
    holdSignals();
    process.emit('SIGINT', 'SIGINT');
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const teardown = vi.fn(async () => []);
    const lines: string[] = [];
    const release = guardRun({ teardown }, { log: (line) => lines.push(line) });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(130));
    expect(teardown).toHaveBeenCalledTimes(1);
    expect(lines).toEqual(['lambda-eic: received SIGINT: deleting what the run created (at most 120 s)', 'lambda-eic: teardown complete, nothing left behind']);
    release();
    expect(heldSignalExit()).toBeUndefined();
  });

  it('exits 143 on SIGTERM naming what is left, and hands signals back to the holder once released', async () => {
    holdSignals();
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const lines: string[] = [];
    const release = guardRun({ teardown: async () => [{ kind: 'function', id: 'eic-ab12-1', error: 'AccessDenied' }] }, { log: (line) => lines.push(line) });
    process.emit('SIGTERM', 'SIGTERM');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(143));
    expect(lines).toContain("lambda-eic: could not delete function eic-ab12-1: AccessDenied (run 'lambda-eic cleanup --target aws')");
    release();
    process.emit('SIGINT', 'SIGINT');
    expect(exit).toHaveBeenCalledTimes(1);
    expect(heldSignalExit()).toBe(130);
  });
});
