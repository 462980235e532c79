/**
 * A real third-party peer: the whole suite against moto_server, compared with the committed
 * baseline of moto's divergences (baselines/moto.json). Skipped, loudly, where moto is absent.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const hasMoto = spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
if (!hasMoto) console.warn('\n*** moto_server is not installed: the moto peer test is SKIPPED (pip install "moto[server]") ***\n');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function waitUntilUp(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not start at ${url} within ${ms} ms`);
}

const runCli = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/lambda-eic.js', 'run', ...args], { env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

describe.skipIf(!hasMoto)('the suite against moto_server', () => {
  let moto: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    await waitUntilUp(url, 20_000);
  }, 30_000);

  afterAll(() => {
    moto?.kill('SIGTERM');
  });

  it('runs to the end, and moto differs exactly where the committed baseline says', async () => {
    const out = mkdtempSync(join(tmpdir(), 'eic-moto-'));
    const run = await runCli(['--target', 'endpoint', '--endpoint-url', url, '--baseline', 'baselines/moto.json', '--reporter', 'console,json', '--output-dir', out]);
    const report = JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8'));
    const baseline = JSON.parse(readFileSync('baselines/moto.json', 'utf8'));
    expect(run.stderr).toBe('');
    expect(report.summary.fixed, 'baseline entries moto now passes').toBe(0);
    expect(report.summary.failed, 'new divergences of moto').toBe(0);
    expect(report.summary.known).toBe(baseline.known.length);
    expect(report.summary.passed).toBeGreaterThan(0);
    expect(run.code).toBe(0);
  }, 120_000);

  it('without the baseline the run fails (exit 1), with failures in at least six suites', async () => {
    const out = mkdtempSync(join(tmpdir(), 'eic-moto-'));
    const run = await runCli(['--target', 'endpoint', '--endpoint-url', url, '--reporter', 'json', '--output-dir', out]);
    const report = JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8'));
    expect(run.code).toBe(1);
    const suites = new Set(report.results.filter((r: { status: string }) => r.status === 'failed').map((r: { suite: string }) => r.suite));
    expect(suites.size).toBeGreaterThanOrEqual(6);
  }, 120_000);
});
