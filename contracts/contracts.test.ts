/**
 * The committed contracts are the fixtures' contracts: CI regenerates them (through the Pact mock
 * server, as consumer tests) and fails when they drift from the fixtures.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFixtures, packageRoot } from '../cases/fixtures.js';
import { generateContracts } from './generate.js';
import { PACT_FILE } from './values.js';

const committedDir = join(packageRoot(), 'contracts', 'pacts');
const out = mkdtempSync(join(tmpdir(), 'eic-contracts-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('contracts/pacts', () => {
  it('regenerating from the fixtures changes nothing (run `npm run contracts` and commit)', async () => {
    const { file, interactions } = await generateContracts({ outDir: out });
    const fixtures = [...loadFixtures('docs'), ...loadFixtures('aws'), ...loadFixtures('spec')];
    expect(interactions).toBe(fixtures.length);
    expect(readdirSync(committedDir).filter((f) => f.endsWith('.json'))).toEqual([PACT_FILE]);
    expect(readFileSync(file, 'utf8'), 'contracts/pacts drifted from fixtures/').toBe(readFileSync(join(committedDir, PACT_FILE), 'utf8'));
  });

  it('holds one interaction per fixture, named by its id, V4, without volatile metadata', () => {
    const pact = JSON.parse(readFileSync(join(committedDir, PACT_FILE), 'utf8'));
    const ids = pact.interactions.map((i: { description: string }) => i.description.split(': ')[0]);
    const fixtureIds = [...loadFixtures('docs'), ...loadFixtures('aws'), ...loadFixtures('spec')].map((f) => f.id).sort();
    expect([...ids].sort()).toEqual(fixtureIds);
    expect(pact.metadata).toEqual({ pactSpecification: { version: '4.0' } });
    for (const i of pact.interactions) {
      expect(i.type).toBe('Synchronous/HTTP');
      expect(i.providerStates?.length, i.description).toBeGreaterThan(0);
    }
  });
});
