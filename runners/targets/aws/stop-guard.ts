/**
 * Tears a real-account run down when it is stopped: SIGINT, SIGTERM or the run's time limit.
 * The teardown is the target's own (its ledger), bounded in time; the process then exits with
 * 130 (SIGINT), 143 (SIGTERM) or 2 (time limit). Signals come through the CLI's one signal
 * mechanism (`runners/process/signals.ts`): one held while the CLI loaded stops the run at once.
 */
import { SIGNAL_EXIT, takeSignals } from '../../process/signals.js';

export interface Teardownable {
  teardown(budgetMs?: number): Promise<ReadonlyArray<{ kind: string; id: string; error: string }>>;
}

/**
 * Installs the handlers; the returned function removes them (call it when the run ends normally).
 * @example const release = guardRun(target, { timeoutMs: 30 * 60_000 }); try { ... } finally { release(); }
 */
export function guardRun(target: Teardownable, options: { timeoutMs?: number; budgetMs?: number; log?: (line: string) => void } = {}): () => void {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let stopping = false;
  const stop = async (why: string, code: number) => {
    if (stopping) {
      log(`lambda-eic: ${why} again: still tearing down, please wait`);
      return;
    }
    stopping = true;
    log(`lambda-eic: ${why}: deleting what the run created (at most ${Math.round((options.budgetMs ?? 120_000) / 1000)} s)`);
    const left = await target.teardown(options.budgetMs).catch((error: Error) => [{ kind: 'run', id: '', error: error.message }]);
    for (const entry of left) log(`lambda-eic: could not delete ${entry.kind} ${entry.id}: ${entry.error} (run 'lambda-eic cleanup --target aws')`);
    log(left.length === 0 ? 'lambda-eic: teardown complete, nothing left behind' : `lambda-eic: ${left.length} resources left behind`);
    process.exit(code);
  };
  const releaseSignals = takeSignals((signal) => void stop(`received ${signal}`, SIGNAL_EXIT[signal] ?? 130));
  const timer = options.timeoutMs ? setTimeout(() => void stop(`the run exceeded --timeout (${Math.round(options.timeoutMs! / 1000)} s)`, 2), options.timeoutMs) : undefined;
  timer?.unref();
  return () => {
    releaseSignals();
    if (timer) clearTimeout(timer);
  };
}
