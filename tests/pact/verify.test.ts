/**
 * Provider verification in-process: the committed contracts verify against the embedded emulator;
 * a faulty emulator fails, naming the interactions; a provider state without a handler fails its
 * own interaction (naming the state) and no other; an interaction without states runs on names
 * nothing has created.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../../src/model/emulator.js';
import type { QuirkName } from '../../src/quirks/catalogue.js';
import { snapshot } from '../../src/model/snapshot.js';
import { startServer } from '../../src/http/server.js';
import { loadFixtures, packageRoot } from '../../cases/fixtures.js';
import { PACT_FILE } from '../../contracts/values.js';
import { httpTarget } from '../../runners/targets/http-target.js';
import { verifyPacts, type VerifyReport } from '../../runners/pact/verify.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';

const COMMITTED = join(packageRoot(), 'contracts', 'pacts');

/** Verifies pacts against a server of its own: startServer with the given emulator. */
async function verifyAgainst(emulator: Emulator, paths: string[]): Promise<VerifyReport> {
  const server = await startServer({ region: 'us-east-1', emulator });
  const runPrefix = `t-${Math.random().toString(16).slice(2, 8)}`;
  const target = httpTarget({ label: 'test', endpoint: server.url, region: 'us-east-1', runPrefix, onDispose: () => server.close() });
  try {
    return await verifyPacts({ target, identity: await target.connect(), endpoint: server.url, source: { kind: 'files', paths }, runPrefix });
  } finally {
    await target.dispose();
  }
}

const failedIds = (report: VerifyReport) => report.interactions.filter((i) => i.status === 'failed').map((i) => i.description.split(': ')[0]);

describe('the committed contracts', () => {
  it('verify against the embedded emulator, and it is left with no function', async () => {
    const emulator = new Emulator();
    const report = await verifyAgainst(emulator, [COMMITTED]);
    expect(report.stateProblems).toEqual([]);
    expect(report.loadErrors).toEqual([]);
    expect(failedIds(report)).toEqual([]);
    // One interaction per fixture: docs, aws and spec (49).
    expect(report.interactions).toHaveLength([...loadFixtures('docs'), ...loadFixtures('aws'), ...loadFixtures('spec')].length);
    expect(report.passed).toBe(true);
    expect(snapshot(emulator).regions.flatMap((r) => r.functions)).toEqual([]);
  }, 60_000);
});

describe('a faulty emulator', () => {
  const cases: [QuirkName, string[]][] = [
    ['update-replaces', ['aws.update-keeps-both-destinations', 'aws.update-merges', 'docs.boto3-update-example', 'docs.cli-update-example']],
    [
      'unqualified-function-arn',
      [
        'aws.destination-same-queue-for-both',
        'aws.get-existing',
        'aws.list-one',
        'aws.put-empty-on-success-counts',
        'aws.put-explicit-default-echoed',
        'aws.put-overwrites',
        'aws.update-keeps-both-destinations',
        'aws.update-merges',
        'docs.boto3-put-example',
        'docs.boto3-update-example',
        'docs.cli-update-example',
        'spec.explicit-latest',
        'spec.list-every-qualifier',
        'spec.partial-arn',
      ],
    ],
  ];
  it.each(cases)(
    'with %s fails, naming exactly the interactions it breaks',
    async (quirk, expected) => {
      const report = await verifyAgainst(quirkyEmulator([quirk]), [COMMITTED]);
      expect(report.passed).toBe(false);
      expect(failedIds(report)).toEqual(expected);
      for (const i of report.interactions.filter((r) => r.status === 'failed')) expect(i.reasons.join('\n')).toMatch(/^body \$/m);
    },
    60_000,
  );
});

describe('provider states', () => {
  it('a state without a handler fails its interaction naming the state; the others verify', async () => {
    const pact = JSON.parse(readFileSync(join(COMMITTED, PACT_FILE), 'utf8'));
    const pick = (id: string) => structuredClone(pact.interactions.find((i: { description: string }) => i.description.startsWith(`${id}:`)));
    const unknown = pick('aws.list-one');
    unknown.description = 'x.unknown-state: List, given a state nobody implements';
    unknown.providerStates.push({ name: 'the moon is full' });
    const badParams = pick('aws.put-missing-version');
    badParams.description = 'x.bad-params: versions without a count';
    badParams.providerStates[1].params = { count: 'two' };
    const stateless = pick('aws.get-missing-function');
    stateless.description = 'x.stateless: Get with no provider state at all';
    delete stateless.providerStates;
    pact.interactions = [pick('aws.get-existing'), unknown, pick('aws.update-merges'), badParams, stateless, pick('aws.list-empty')];
    const dir = mkdtempSync(join(tmpdir(), 'eic-pact-states-'));
    writeFileSync(join(dir, 'states.json'), JSON.stringify(pact));

    const report = await verifyAgainst(new Emulator(), [dir]);
    expect(report.passed).toBe(false);
    expect(report.interactions.map((i) => [i.description.split(': ')[0], i.status])).toEqual([
      ['aws.get-existing', 'passed'],
      ['x.unknown-state', 'failed'],
      ['aws.update-merges', 'passed'],
      ['x.bad-params', 'failed'],
      ['x.stateless', 'passed'],
      ['aws.list-empty', 'passed'],
    ]);
    expect(report.interactions[1]!.reasons).toEqual([expect.stringMatching(/^provider state 'the moon is full': no handler for this state; known states: function my-function exists;/)]);
    expect(report.interactions[3]!.reasons).toEqual(["provider state 'my-function has published versions': params.count must be a whole number of at least 1"]);
    expect(report.stateProblems.map((p) => p.interaction)).toEqual([2, 4]);
  }, 60_000);
});
