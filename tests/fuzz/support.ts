/** Fuzzes the reference model in this process (optionally with quirks), for the fuzz tests. */
import type { QuirkName } from '../../src/quirks/catalogue.js';
import { fuzz, type FuzzOptions, type FuzzResult } from '../../runners/fuzz/fuzz.js';
import { inProcessTarget } from '../../runners/targets/in-process.js';
import type { Target } from '../../runners/targets/target.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';

export async function fuzzTarget(target: Target, options: Partial<FuzzOptions> = {}): Promise<FuzzResult> {
  try {
    return await fuzz(target, await target.connect(), { seed: 1, runs: 100, maxSteps: 20, timeBudgetMs: 20_000, runPrefix: 'tf', maxFindings: 1, ...options });
  } finally {
    await target.dispose();
  }
}

export const fuzzInProcess = async (quirks: QuirkName[] = [], options: Partial<FuzzOptions> = {}): Promise<FuzzResult> =>
  fuzzTarget(await inProcessTarget({ region: 'us-east-1', runPrefix: 'tf', emulator: quirkyEmulator(quirks) }), options);
