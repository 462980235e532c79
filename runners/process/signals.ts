/**
 * SIGINT and SIGTERM from the very start of the process: a signal that arrives while the CLI is
 * still loading is held, not fatal, and handed to the command once it takes the signals over (a
 * run then stops cleanly and writes its reports marked interrupted). A signal no command took
 * makes the process end with 130/143.
 */

export const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

let held: NodeJS.Signals | undefined;
const hold = (signal: NodeJS.Signals) => {
  held ??= signal;
};

/**
 * Holds signals until a command takes them (call first thing in the launcher).
 * @example holdSignals();
 */
export function holdSignals(): void {
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
}

/**
 * Gives signals to `handler` (with a signal already held, right away); returns the release, after
 * which signals are held again.
 * @example const release = takeSignals((signal) => stop(signal)); ...; release();
 */
export function takeSignals(handler: (signal: NodeJS.Signals) => void): () => void {
  process.off('SIGINT', hold);
  process.off('SIGTERM', hold);
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  const early = held;
  held = undefined;
  if (early) queueMicrotask(() => handler(early));
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    process.on('SIGINT', hold);
    process.on('SIGTERM', hold);
  };
}

/** The exit code for a signal held and never taken by a command, if any. */
export const heldSignalExit = (): number | undefined => (held ? SIGNAL_EXIT[held] : undefined);
