/**
 * The model's paging indexes agree with the plain copies they replace (spread the Map, sort,
 * slice), after any history of sets and deletes, and the List operations page as before.
 */
import { describe, expect, it } from 'vitest';
import { fixedContext } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import { InsertionOrderMap, SortedKeyMap, sliceBounds } from '../../src/model/indexes.js';

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('InsertionOrderMap', () => {
  it('finds the k-th key of Map order after any history of sets, re-sets, deletes and clears', () => {
    for (const seed of [1, 2, 3, 4]) {
      const next = random(seed);
      const map = new InsertionOrderMap<string, number>();
      for (let step = 0; step < 3_000; step++) {
        const key = `k${Math.floor(next() * 300)}`;
        const roll = next();
        if (roll < 0.55) map.set(key, step);
        else if (roll < 0.999) map.delete(key);
        else map.clear();
        if (step % 97 === 0 || step > 2_950) {
          const keys = [...map.keys()];
          expect(
            keys.map((_, i) => map.keyAt(i)),
            `seed ${seed} step ${step}`,
          ).toEqual(keys);
          expect(map.valueAt(keys.length - 1)).toBe(keys.length > 0 ? map.get(keys.at(-1)!) : undefined);
        }
      }
    }
  });

  it('answers undefined past either end', () => {
    const map = new InsertionOrderMap<string, number>();
    expect(map.keyAt(0)).toBeUndefined();
    map.set('a', 1);
    expect([map.keyAt(-1), map.keyAt(1), map.valueAt(0)]).toEqual([undefined, undefined, 1]);
  });
});

describe('SortedKeyMap', () => {
  it('keeps its keys in JavaScript string order and finds the first key after any string', () => {
    const next = random(7);
    const map = new SortedKeyMap<number>();
    for (let step = 0; step < 2_000; step++) {
      const key = ['$LATEST', 'live', 'prod', 'Z', ''][Math.floor(next() * 5)]! + String(Math.floor(next() * 120));
      if (next() < 0.6) map.set(key, step);
      else map.delete(key);
    }
    const sorted = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(map.sortedKeys).toEqual(sorted);
    for (const probe of ['', '$', '1', '10', '99', 'live5', 'zzz', ...sorted.slice(0, 20)]) expect(map.indexAfter(probe), probe).toBe(sorted.filter((k) => k <= probe).length);
  });
});

describe('sliceBounds', () => {
  it('cuts where Array.prototype.slice cuts', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    for (const start of [0, 3, 7, 9])
      for (const end of [-9, -2, 0, 2.5, 5, 7, 50, Number.NaN, Number.MAX_SAFE_INTEGER]) {
        const [from, to] = sliceBounds(items.length, start, end);
        expect(items.slice(from, to), `${start}..${end}`).toEqual(items.slice(start, end));
      }
  });
});

describe('paging through the indexes', () => {
  const ctx = fixedContext(1_700_000_000_000);
  const zip = (n: number) => ({ ZipFile: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0), n, 0]) });

  it('ListFunctions pages hold every function once, in creation order, across deletes and re-creations', () => {
    const emulator = new Emulator();
    const names: string[] = [];
    const call = (op: Parameters<Emulator['invoke']>[0], input: Record<string, unknown>) => {
      const outcome = emulator.invoke(op, input, ctx);
      if (!outcome.ok) throw outcome.error;
      return outcome.output as Record<string, unknown>;
    };
    for (let i = 0; i < 180; i++) {
      const FunctionName = `f-${i % 120}`;
      if (names.includes(FunctionName)) {
        call('DeleteFunction', { FunctionName });
        names.splice(names.indexOf(FunctionName), 1);
      } else {
        call('CreateFunction', { FunctionName, Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: zip(0) });
        names.push(FunctionName);
      }
    }
    for (const MaxItems of [1, 7, 50]) {
      const seen: string[] = [];
      let Marker: string | undefined;
      do {
        const page = call('ListFunctions', { MaxItems, ...(Marker ? { Marker } : {}) });
        seen.push(...(page.Functions as { FunctionName: string }[]).map((f) => f.FunctionName));
        Marker = page.NextMarker as string | undefined;
      } while (Marker);
      expect(seen, `MaxItems ${MaxItems}`).toEqual(names);
    }
  });

  it('ListFunctionEventInvokeConfigs pages in qualifier order and PublishVersion finds the last version', () => {
    const emulator = new Emulator();
    const call = (op: Parameters<Emulator['invoke']>[0], input: Record<string, unknown>) => {
      const outcome = emulator.invoke(op, input, ctx);
      if (!outcome.ok) throw outcome.error;
      return outcome.output as Record<string, unknown>;
    };
    call('CreateFunction', { FunctionName: 'f', Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: zip(0) });
    for (let v = 1; v <= 12; v++) {
      expect(call('UpdateFunctionCode', { FunctionName: 'f', ...zip(v), Publish: true }).Version).toBe(String(v));
      expect(call('PublishVersion', { FunctionName: 'f' }).Version, 'unchanged code republishes the last version').toBe(String(v));
      call('PutFunctionEventInvokeConfig', { FunctionName: 'f', Qualifier: String(v), MaximumRetryAttempts: 1 });
    }
    call('PutFunctionEventInvokeConfig', { FunctionName: 'f', MaximumRetryAttempts: 0 });
    call('DeleteFunctionEventInvokeConfig', { FunctionName: 'f', Qualifier: '3' });
    const expected = ['$LATEST', ...Array.from({ length: 12 }, (_, i) => String(i + 1)).filter((q) => q !== '3')].sort();
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = call('ListFunctionEventInvokeConfigs', { FunctionName: 'f', MaxItems: 5, ...(Marker ? { Marker } : {}) });
      seen.push(...(page.FunctionEventInvokeConfigs as { FunctionArn: string }[]).map((c) => c.FunctionArn.split(':').at(-1)!));
      Marker = page.NextMarker as string | undefined;
    } while (Marker);
    expect(seen).toEqual(expected);
    const versions = call('ListVersionsByFunction', { FunctionName: 'f', MaxItems: 50 }).Versions as { Version: string }[];
    expect(versions.map((v) => v.Version)).toEqual(['$LATEST', ...Array.from({ length: 12 }, (_, i) => String(i + 1))]);
  });
});
