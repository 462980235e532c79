/**
 * The contracts against a real third-party peer, moto_server: verified once through the CLI, and
 * moto fails exactly the interactions the committed baseline names (baselines/moto-pacts.json,
 * each with a reason). Skipped, loudly, where moto is absent.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, hasMoto, runCli, startMoto } from '../pact/support.js';

if (!hasMoto()) console.warn('\n*** moto_server is not installed: the pact verification against moto is SKIPPED (pip install "moto[server]") ***\n');

describe.skipIf(!hasMoto() || !BUILT)('verify-pacts against moto_server', () => {
  let moto: ChildProcess | undefined;
  let url = '';
  beforeAll(async () => {
    ({ child: moto, url } = await startMoto());
  }, 30_000);
  afterAll(() => {
    moto?.kill('SIGTERM');
  });

  it('fails exactly the interactions of the committed baseline, each for its reason', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'eic-moto-pacts-')), 'report.json');
    const run = await runCli(['verify-pacts', '--target', 'endpoint', '--endpoint-url', url, '--baseline', 'baselines/moto-pacts.json', '--report', report]);
    const baseline = JSON.parse(readFileSync('baselines/moto-pacts.json', 'utf8')) as { known: { id: string; reason: string }[] };
    const written = JSON.parse(readFileSync(report, 'utf8')) as { results: { description: string; status: string }[]; stale: string[]; stateProblems: unknown[] };
    const byStatus = (s: string) => written.results.filter((r) => r.status === s).map((r) => r.description.split(': ')[0]);
    expect(byStatus('failed'), 'new divergences of moto').toEqual([]);
    expect(byStatus('fixed'), 'baseline entries moto now passes').toEqual([]);
    expect(written.stale).toEqual([]);
    expect(byStatus('known').sort()).toEqual(baseline.known.map((k) => k.id).sort());
    expect(byStatus('passed').length).toBeGreaterThan(0);
    expect(written.stateProblems).toEqual([]);
    expect(run.stdout).toMatch(/^known {3}aws\.update-without-config: .*\(moto's Update creates a missing config/m);
    expect(run.code).toBe(0);
  }, 120_000);
});
