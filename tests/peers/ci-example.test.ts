/**
 * The CI recipe end to end: the example workflow's emulator settings (examples/ci/) run through
 * the action's script against a real moto_server 5.2.1, with moto's committed baseline in place
 * of the project's own: the gate passes, the job summary and reports are written, moto is stopped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMoto } from './support/reports.js';

const moto = hasMoto();
if (!moto) console.warn('\n*** moto_server is not installed: the CI example test is SKIPPED (pip install "moto[server]==5.2.1") ***\n');

/** A `key: value` input of the action step in the example workflow. */
const input = (workflow: string, key: string) => new RegExp(`^\\s+${key}: (.+?)(\\s+#.*)?$`, 'm').exec(workflow)?.[1]?.trim();

describe.skipIf(!moto)('the example emulator workflow', () => {
  it('gates moto_server with its baseline: exit 0, summary, reports, moto stopped', () => {
    const workflow = readFileSync('examples/ci/emulator-conformance.yml', 'utf8');
    const start = input(workflow, 'start-command')!;
    const ready = input(workflow, 'ready-url')!;
    const label = input(workflow, 'label')!;
    expect(start).toContain('$PORT');
    const dir = mkdtempSync(join(tmpdir(), 'eic-example-'));
    const r = spawnSync('bash', [resolve('scripts/ci/gate.sh')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 110_000,
      env: {
        ...process.env,
        GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
        GITHUB_OUTPUT: join(dir, 'out'),
        LAMBDA_EIC_START_COMMAND: start,
        LAMBDA_EIC_READY_URL: ready,
        LAMBDA_EIC_LABEL: label,
        LAMBDA_EIC_BASELINE: resolve('baselines/moto-5.2.1.json'),
      },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('exit-code=0\n');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^## lambda-eic conformance: ✅ PASS against moto 5\.2\.1/);
    const report = JSON.parse(readFileSync(join(dir, 'lambda-eic-reports', 'lambda-eic-report.json'), 'utf8'));
    expect(report.summary.known).toBeGreaterThan(100);
    expect(existsSync(join(dir, 'lambda-eic-reports', 'lambda-eic-report.html'))).toBe(true);
    const port = new URL(report.provenance.target.endpoint).port;
    expect(spawnSync('bash', ['-c', `ps -eo args | grep -c "moto_server -H 127.0.0.1 -p ${port}$"`], { encoding: 'utf8' }).stdout.trim(), 'moto is stopped').toBe('0');
  }, 120_000);
});
