/**
 * The run's ledger: every resource a run creates on a target (functions, the IAM role, whatever
 * later targets add) is recorded before the call that creates it, with how to undo it, and
 * forgotten once deleted. A normal end, a signal, a timeout or a lost target all tear down from
 * it, within a bounded time, and whatever could not be deleted is named.
 */

export interface LedgerEntry {
  /** What it is (`function`, `role`): shown to the user, and the teardown order's unit. */
  readonly kind: string;
  readonly id: string;
  /** Deletes it; must treat "already gone" as done. */
  readonly undo: () => Promise<void>;
}

export interface TeardownResult {
  readonly deleted: string[];
  /** `kind id` of what may be left, with the reason. */
  readonly left: string[];
}

const key = (kind: string, id: string) => `${kind} ${id}`;

export class Ledger {
  private readonly entries = new Map<string, LedgerEntry>();

  /**
   * Records a resource about to be created.
   * @example ledger.record('function', 'eic-ab12-1', () => deleteFunction('eic-ab12-1'));
   */
  record(kind: string, id: string, undo: () => Promise<void>): void {
    this.entries.set(key(kind, id), { kind, id, undo });
  }

  /** Forgets a resource that was deleted. */
  forget(kind: string, id: string): void {
    this.entries.delete(key(kind, id));
  }

  /** What is recorded now, as `kind id` (`function eic-ab12-3`). */
  describe(): string[] {
    return [...this.entries.keys()];
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Undoes everything recorded: kinds in the reverse order of their first record (functions before
   * the role they use), up to `concurrency` at once within a kind, giving up after `deadlineMs`.
   * @example const { left } = await ledger.teardown(20_000); // left: [] when all went
   */
  async teardown(deadlineMs: number, concurrency = 4): Promise<TeardownResult> {
    const deleted: string[] = [];
    const left: string[] = [];
    const until = Date.now() + deadlineMs;
    const kinds = [...new Set([...this.entries.values()].map((e) => e.kind))].reverse();
    for (const kind of kinds) {
      const queue = [...this.entries.values()].filter((e) => e.kind === kind).reverse();
      const worker = async () => {
        for (let entry = queue.shift(); entry; entry = queue.shift()) {
          const name = key(entry.kind, entry.id);
          const remaining = until - Date.now();
          if (remaining <= 0) {
            left.push(`${name} (teardown deadline passed)`);
            continue;
          }
          let timer: NodeJS.Timeout | undefined;
          try {
            await Promise.race([entry.undo(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer in time')), remaining)))]);
            this.entries.delete(name);
            deleted.push(name);
          } catch (error) {
            left.push(`${name} (${(error as Error).message.split('\n')[0]})`);
          } finally {
            clearTimeout(timer);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
    }
    return { deleted, left };
  }
}
