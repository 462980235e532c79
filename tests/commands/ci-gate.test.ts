/**
 * scripts/ci/gate.sh, the shell behind action.yml, run locally as GitHub would run it: starting an
 * emulator on a free port, the job summary, the annotations, the exit-code output, the reports,
 * stopping the emulator, and the failures of a gate that cannot start.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const GATE = resolve('scripts/ci/gate.sh');
const CLI = resolve('bin/lambda-eic.js');

const gate = (env: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'eic-gate-'));
  const files = { summary: join(dir, 'summary.md'), output: join(dir, 'output'), reports: join(dir, 'reports') };
  return new Promise<{ code: number | null; stdout: string; dir: string } & typeof files>((done) => {
    const child = spawn('bash', [GATE], {
      cwd: dir,
      env: { ...process.env, GITHUB_STEP_SUMMARY: files.summary, GITHUB_OUTPUT: files.output, LAMBDA_EIC_OUTPUT_DIR: files.reports, LAMBDA_EIC_SUITE: 'merge', ...env },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stdout += d));
    child.on('close', (code) => done({ code, stdout, dir, ...files }));
  });
};

const listening = (url: string) =>
  new Promise<boolean>((done) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname, () => {
      socket.destroy();
      done(true);
    });
    socket.on('error', () => done(false));
  });

describe('the CI gate script (action.yml)', () => {
  it('starts the emulator on a free port, runs, annotates, writes the summary, exit-code and reports, then stops it', async () => {
    const r = await gate({
      LAMBDA_EIC_START_COMMAND: `node ${CLI} serve --port $PORT --quirk update-replaces`,
      LAMBDA_EIC_READY_URL: 'http://127.0.0.1:$PORT/_lambda-eic/health',
      LAMBDA_EIC_LABEL: 'quirky',
    });
    expect(r.code, r.stdout).toBe(1);
    const url = /waiting up to 60s for (http:\/\/127\.0\.0\.1:\d+)\/_lambda-eic\/health/.exec(r.stdout)![1]!;
    const report = JSON.parse(readFileSync(join(r.reports, 'lambda-eic-report.json'), 'utf8'));
    expect(report.target).toBe('quirky');
    expect(report.provenance.target.endpoint).toBe(url);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error title=lambda-eic merge.'))).toHaveLength(report.summary.failed);
    expect(readFileSync(r.summary, 'utf8')).toMatch(/^## lambda-eic conformance: ❌ FAIL against quirky/);
    expect(readFileSync(r.output, 'utf8')).toBe('exit-code=1\n');
    for (const f of ['lambda-eic-junit.xml', 'lambda-eic-report.html', 'lambda-eic-summary.md', 'emulator.log']) expect(existsSync(join(r.reports, f)), f).toBe(true);
    expect(await listening(url), 'the emulator is stopped').toBe(false);
  }, 60_000);

  it('passes (exit 0) against the reference emulator', async () => {
    const r = await gate({ LAMBDA_EIC_TARGET: 'embedded' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).not.toContain('::error');
    expect(readFileSync(r.output, 'utf8')).toBe('exit-code=0\n');
  }, 60_000);

  it('exit 2 with a reason when nothing answers, when the emulator dies, or when told nothing', async () => {
    const silent = await gate({ LAMBDA_EIC_ENDPOINT_URL: 'http://127.0.0.1:9', LAMBDA_EIC_READY_TIMEOUT: '1' });
    expect(silent.code).toBe(2);
    expect(silent.stdout).toContain('http://127.0.0.1:9 did not answer within 1s');
    const dies = await gate({ LAMBDA_EIC_START_COMMAND: 'echo "boom: no such emulator" >&2; exit 3', LAMBDA_EIC_READY_TIMEOUT: '30' });
    expect(dies.code).toBe(2);
    expect(dies.stdout).toContain('the emulator exited before it answered');
    expect(dies.stdout).toContain('boom: no such emulator');
    const nothing = await gate({});
    expect(nothing.code).toBe(2);
    expect(nothing.stdout).toContain('set LAMBDA_EIC_ENDPOINT_URL or LAMBDA_EIC_START_COMMAND');
    expect(readFileSync(nothing.output, 'utf8')).toBe('exit-code=2\n');
  }, 60_000);

  it('action.yml runs this script with every input passed through', () => {
    const action = readFileSync('action.yml', 'utf8');
    expect(action).toContain('using: composite');
    expect(action).toContain('run: bash "$GITHUB_ACTION_PATH/scripts/ci/gate.sh"');
    for (const input of ['endpoint-url', 'start-command', 'ready-url', 'ready-timeout', 'target', 'baseline', 'suite', 'label', 'reporters', 'output-dir']) {
      expect(action, input).toMatch(new RegExp(`\\n  ${input}:\\n`));
      expect(action, input).toContain(`\${{ inputs.${input} }}`);
    }
    expect(action).toContain('uses: actions/upload-artifact@v4');
  });
});
