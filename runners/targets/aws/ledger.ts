/**
 * What a real-account run has created and not yet deleted, kept as the run goes (and mirrored to a
 * JSON file, so a run killed outright still says what it left), with a teardown that deletes it
 * all in reverse order within a bounded time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type ResourceKind = 'function' | 'role' | 'role-policy' | 'queue' | 'topic' | 'bucket' | 'event-bus';

export interface LedgerEntry {
  readonly kind: ResourceKind;
  /** Name or ARN, as its delete call takes it. */
  readonly id: string;
  readonly createdAt: string;
}

export type Deleter = (entry: LedgerEntry) => Promise<void>;

/** The run's resources; `close()` refuses new ones once teardown has begun. */
export class Ledger {
  private readonly entries: LedgerEntry[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  /** @example new Ledger('reports/lambda-eic-ledger.json') */
  constructor(private readonly file?: string) {}

  /** Whether teardown has begun: nothing new may be created. */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Records a resource before its create call goes out, and tracks the call, so teardown waits for
   * it and deletes what it made even when the answer never arrived.
   * @example await ledger.creating('function', 'eic-ab12-1', () => lambda.send(create))
   */
  async creating<T>(kind: ResourceKind, id: string, create: () => Promise<T>): Promise<T> {
    if (this.closed) throw new LedgerClosed(`the run is stopping: ${kind} ${id} is not created`);
    this.add(kind, id);
    const call = create();
    this.inFlight.add(call);
    try {
      return await call;
    } finally {
      this.inFlight.delete(call);
    }
  }

  add(kind: ResourceKind, id: string): void {
    if (!this.entries.some((e) => e.kind === kind && e.id === id)) this.entries.push({ kind, id, createdAt: new Date().toISOString() });
    this.save();
  }

  remove(kind: ResourceKind, id: string): void {
    const at = this.entries.findIndex((e) => e.kind === kind && e.id === id);
    if (at >= 0) this.entries.splice(at, 1);
    this.save();
  }

  list(): readonly LedgerEntry[] {
    return [...this.entries];
  }

  /**
   * Closes the ledger, waits (bounded) for creates in flight, then deletes every entry newest
   * first; answers what could not be deleted.
   * @example const left = await ledger.teardown(deleteResource, 60_000)
   */
  async teardown(remove: Deleter, budgetMs: number): Promise<Array<LedgerEntry & { error: string }>> {
    this.closed = true;
    const deadline = Date.now() + budgetMs;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => setTimeout(r, Math.min(budgetMs / 2, 30_000)).unref())]);
    const failed: Array<LedgerEntry & { error: string }> = [];
    for (const entry of [...this.entries].reverse()) {
      if (Date.now() > deadline) {
        failed.push({ ...entry, error: 'teardown ran out of time' });
        continue;
      }
      try {
        await remove(entry);
        this.remove(entry.kind, entry.id);
      } catch (error) {
        failed.push({ ...entry, error: (error as Error).message });
      }
    }
    return failed;
  }

  private save(): void {
    if (!this.file) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, `${JSON.stringify({ resources: this.entries }, null, 2)}\n`);
    } catch {
      // The file is a convenience; the in-memory ledger drives teardown.
    }
  }
}

export class LedgerClosed extends Error {}
