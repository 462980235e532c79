/** Every `source:` a report prints names a file the package ships, and a section that file has. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFile, loadFixtures, packageRoot } from '../../cases/fixtures.js';
import { cite, parseSource, sectionsOf, spec, unresolved } from '../../cases/sources.js';
import { ALL_SCENARIOS } from '../../suites/index.js';

const root = packageRoot();
const read = (file: string) => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : undefined);
const shipped = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).files as string[];

describe('sources', () => {
  it('parses references, sections, headings and notes', () => {
    expect(parseSource('docs/aws-behaviour.md §4 Put (step 1); fixtures/aws/list-one.json')).toEqual([
      { file: 'docs/aws-behaviour.md', section: { number: '4', heading: 'Put' } },
      { file: 'fixtures/aws/list-one.json' },
    ]);
    expect(cite('§4 Put (step 5); §3; fixtures/aws/list-one.json')).toBe('docs/aws-behaviour.md §4 Put (step 5); docs/aws-behaviour.md §3; fixtures/aws/list-one.json');
    expect(spec('§6')).toBe('docs/aws-behaviour.md §6');
  });

  it('finds what does not resolve', () => {
    const doc = '## 1. One\n### Sub [docs]\n## 2. Two\n';
    const fake = (file: string) => (file === 'd.md' ? doc : undefined);
    expect(unresolved('d.md §1 Sub; d.md §2', fake)).toEqual([]);
    expect(unresolved('d.md §3', fake)).toEqual(['d.md has no §3']);
    expect(unresolved('d.md §1 Other', fake)).toEqual(["d.md §1 has no heading 'Other' (it has: Sub)"]);
    expect(unresolved('nowhere.md §1', fake)).toEqual(['nowhere.md is not a file of the package']);
    expect(sectionsOf(doc).get('1')).toEqual(['Sub']);
  });

  it('the specification and the fixtures ship in the package', () => {
    expect(shipped).toEqual(expect.arrayContaining(['docs', 'fixtures']));
  });

  it.each(ALL_SCENARIOS.map((s) => [s.id, s.source] as const))('%s: its source resolves', (_id, source) => {
    expect(unresolved(source, read)).toEqual([]);
    for (const ref of parseSource(source)) expect(shipped.some((dir) => ref.file.startsWith(`${dir}/`))).toBe(true);
  });

  it.each([...loadFixtures('aws'), ...loadFixtures('docs'), ...loadFixtures('spec')].map((f) => [f.id, f] as const))('%s: its file and its section resolve', (_id, fixture) => {
    expect(read(fixtureFile(fixture))).toBeDefined();
    if (!fixture.source.document.startsWith('https://')) {
      const sections = (fixture.source.section ?? '').split(';').map((s) => `${fixture.source.document} ${s.trim()}`);
      for (const s of sections) expect(unresolved(s, read)).toEqual([]);
    }
  });
});
