/**
 * The import picture of the README's Architecture section, held as a test: imports flow one way,
 * downward (runners -> suites, contracts -> src -> cases), and no two modules import each other,
 * directly or around a loop. A module is a folder two levels deep with everything beneath it
 * (`src/model`, `runners/reporters` with its `html/` and `matrix/`), or a top-level folder's own files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Top-level folders from the bottom up; a folder may import only from its own rank or below. */
const RANKS: Record<string, number> = { cases: 0, src: 1, suites: 2, contracts: 2, runners: 3 };

const files = Object.keys(RANKS).flatMap((root) =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, f)),
);

/** Every relative import of the project's own code, as [importing file, imported file]. */
const imports: [string, string][] = files.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m): [string, string] => [
    file,
    relative('.', resolve(dirname(file), (m[1] ?? m[2])!)).replace(/\.js$/, '.ts'),
  ]),
);

const top = (path: string) => path.split('/')[0]!;
const moduleOf = (path: string) => dirname(path).split('/').slice(0, 2).join('/');

describe('imports', () => {
  it('finds the project code (so the checks below can fail)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.length).toBeGreaterThan(300);
  });

  it('flow downward: no folder imports from a higher one', () => {
    const upward = imports.filter(([from, to]) => (RANKS[top(to)] ?? Number.POSITIVE_INFINITY) > RANKS[top(from)]!);
    expect(upward.map(([from, to]) => `${from} -> ${to}`)).toEqual([]);
  });

  it('form no cycle between modules', () => {
    const edges = new Map<string, Set<string>>();
    for (const [from, to] of imports) {
      if (moduleOf(from) === moduleOf(to)) continue;
      edges.set(moduleOf(from), (edges.get(moduleOf(from)) ?? new Set()).add(moduleOf(to)));
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (folder: string, path: string[]) => {
      if (state.get(folder) === 'done') return;
      if (state.get(folder) === 'open') {
        cycles.push([...path.slice(path.indexOf(folder)), folder].join(' -> '));
        return;
      }
      state.set(folder, 'open');
      for (const next of edges.get(folder) ?? []) visit(next, [...path, folder]);
      state.set(folder, 'done');
    };
    for (const folder of edges.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
  });
});
