/**
 * The two indexes the model pages through, so that a page costs O(page + log n) whatever the
 * size and the history of the state: both are Maps (every read stays a Map read) that also keep
 * their keys in the order the List operations walk them.
 */

const HOLE = Symbol('deleted');

/**
 * A Map that finds its k-th entry in insertion order in O(log n), deletions included: an
 * append-only log of keys with holes, and a Fenwick tree counting the live ones. The log is
 * compacted once holes outnumber live keys, so its size stays within twice the Map's.
 * @example
 * const m = new InsertionOrderMap<string, number>();
 * m.set('a', 1); m.set('b', 2); m.set('c', 3); m.delete('b');
 * m.valueAt(1) // 3
 */
export class InsertionOrderMap<K, V> extends Map<K, V> {
  #log: (K | typeof HOLE)[] = [];
  #slot = new Map<K, number>();
  /** 1-based Fenwick tree over #log: tree[i] counts the live keys in (i - lowbit(i), i]. */
  #tree: number[] = [0];

  override set(key: K, value: V): this {
    if (!this.#slot.has(key)) this.#append(key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const slot = this.#slot.get(key);
    if (slot === undefined) return super.delete(key);
    this.#slot.delete(key);
    this.#log[slot] = HOLE;
    for (let i = slot + 1; i < this.#tree.length; i += i & -i) this.#tree[i]! -= 1;
    const deleted = super.delete(key);
    if (this.#log.length > 64 && this.size * 2 < this.#log.length) this.#compact();
    return deleted;
  }

  override clear(): void {
    super.clear();
    this.#log = [];
    this.#slot.clear();
    this.#tree = [0];
  }

  /**
   * The key at `rank` (0-based) in insertion order, or undefined past the end.
   * @example m.keyAt(0) // 'a'
   */
  keyAt(rank: number): K | undefined {
    if (!(rank >= 0 && rank < this.size)) return undefined;
    const n = this.#tree.length - 1;
    let pos = 0;
    let remaining = Math.floor(rank) + 1;
    for (let step = 1 << (31 - Math.clz32(n)); step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= n && this.#tree[next]! < remaining) {
        pos = next;
        remaining -= this.#tree[next]!;
      }
    }
    return this.#log[pos] as K;
  }

  /**
   * The value at `rank` (0-based) in insertion order, or undefined past the end.
   * @example m.valueAt(0) // 1
   */
  valueAt(rank: number): V | undefined {
    const key = this.keyAt(rank);
    return key === undefined ? undefined : this.get(key);
  }

  #prefix(i: number): number {
    let sum = 0;
    for (; i > 0; i -= i & -i) sum += this.#tree[i]!;
    return sum;
  }

  #append(key: K): void {
    this.#slot.set(key, this.#log.length);
    this.#log.push(key);
    const i = this.#log.length;
    this.#tree.push(1 + this.#prefix(i - 1) - this.#prefix(i - (i & -i)));
  }

  #compact(): void {
    this.#log = [...super.keys()];
    this.#slot.clear();
    this.#tree = [0, ...this.#log.map(() => 1)];
    for (let i = 1; i < this.#tree.length; i++) {
      this.#slot.set(this.#log[i - 1] as K, i - 1);
      const parent = i + (i & -i);
      if (parent < this.#tree.length) this.#tree[parent]! += this.#tree[i]!;
    }
  }
}

/**
 * A Map with string keys that also keeps them sorted (JavaScript string order), for lists that
 * page in key order with a "last key seen" marker. Lookups stay Map lookups; finding where a page
 * starts is a binary search.
 * @example
 * const m = new SortedKeyMap<number>();
 * m.set('b', 2); m.set('a', 1);
 * m.keys().next().value // 'b' (Map order); m.sortedKeys // ['a', 'b']
 */
export class SortedKeyMap<V> extends Map<string, V> {
  #sorted: string[] = [];

  /** The keys in sorted order (read-only view). */
  get sortedKeys(): readonly string[] {
    return this.#sorted;
  }

  override set(key: string, value: V): this {
    if (!super.has(key)) this.#sorted.splice(this.#lowerBound(key), 0, key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    if (!super.has(key)) return false;
    this.#sorted.splice(this.#lowerBound(key), 1);
    return super.delete(key);
  }

  override clear(): void {
    super.clear();
    this.#sorted = [];
  }

  /**
   * The index in `sortedKeys` of the first key greater than `key`.
   * @example m.indexAfter('a') // 1
   */
  indexAfter(key: string): number {
    let lo = 0;
    let hi = this.#sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#sorted[mid]! <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #lowerBound(key: string): number {
    let lo = 0;
    let hi = this.#sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#sorted[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Where `Array.prototype.slice(start, end)` would start and stop on a list of `length` items, for
 * paging code that must cut exactly as slicing a copy did (negative and fractional ends included).
 * @example sliceBounds(10, 8, 58) // [8, 10]
 */
export function sliceBounds(length: number, start: number, end: number): [number, number] {
  const clamp = (n: number) => {
    const i = Number.isNaN(n) ? 0 : Math.trunc(n);
    return i < 0 ? Math.max(length + i, 0) : Math.min(i, length);
  };
  const from = clamp(start);
  return [from, Math.max(from, clamp(end))];
}
