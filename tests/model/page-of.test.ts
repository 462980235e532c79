/** pageOf: the paging helper of the control-plane lists (ListFunctions, ListVersionsByFunction, ListAliases). */
import { describe, expect, it } from 'vitest';
import { pageOf } from '../../src/model/function-view.js';

/** Follows NextMarker to the end. */
function pages<T>(items: readonly T[], maxItems?: number): T[][] {
  const out: T[][] = [];
  let marker: string | undefined;
  do {
    const page = pageOf(items, marker, maxItems);
    out.push(page.items);
    marker = page.nextMarker;
  } while (marker !== undefined && out.length <= items.length + 1);
  return out;
}

describe('pageOf', () => {
  it('cuts a page of maxItems and gives a marker only when more remain', () => {
    const first = pageOf(['a', 'b', 'c'], undefined, 2);
    expect(first.items).toEqual(['a', 'b']);
    expect(typeof first.nextMarker).toBe('string');
    const second = pageOf(['a', 'b', 'c'], first.nextMarker, 2);
    expect(second).toEqual({ items: ['c'] });
  });

  it('an exact fit and an empty list have no marker', () => {
    expect(pageOf(['a', 'b'], undefined, 2)).toEqual({ items: ['a', 'b'] });
    expect(pageOf([], undefined, 5)).toEqual({ items: [] });
  });

  it('defaults to 50 items a page', () => {
    const items = Array.from({ length: 51 }, (_, i) => i);
    expect(pageOf(items, undefined).items).toHaveLength(50);
    expect(pages(items).map((p) => p.length)).toEqual([50, 1]);
  });

  it('markers are opaque (not bare offsets)', () => {
    const marker = pageOf([1, 2, 3], undefined, 1).nextMarker!;
    expect(marker).not.toMatch(/^\d+$/);
  });

  it('pages together hold every item once, in order, for every size and page size', () => {
    for (let size = 0; size <= 7; size++)
      for (let max = 1; max <= 4; max++) {
        const items = Array.from({ length: size }, (_, i) => `item-${i}`);
        const all = pages(items, max);
        expect(all.flat(), `size ${size}, max ${max}`).toEqual(items);
        expect(
          all.slice(0, -1).every((p) => p.length === max),
          `size ${size}, max ${max}`,
        ).toBe(true);
      }
  });
});

describe('pageOf with a marker it did not issue', () => {
  it('refuses it with a 400 InvalidParameterValueException instead of restarting the list', () => {
    expect(() => pageOf(['a', 'b'], 'not-a-marker', 1)).toThrow(expect.objectContaining({ name: 'InvalidParameterValueException', status: 400 }));
  });
});

describe('pageOf with maxItems below 1 (reachable only past a waived range check)', () => {
  it('answers an empty page without a marker, so paging ends instead of repeating the same marker', () => {
    expect(pageOf(['a', 'b'], undefined, 0)).toEqual({ items: [] });
    expect(pageOf(['a'], undefined, -1)).toEqual({ items: [] });
    expect(pageOf(['a', 'b'], undefined, 0.5)).toEqual({ items: [] });
  });
});
