/**
 * Clean stops against a real peer (moto_server on a free loopback port): SIGINT and SIGTERM at
 * random moments of a run (also while the target is being probed) exit 130/143 with one line and a
 * report marked interrupted, and leave zero eic-* functions and roles; a complete run deletes the
 * IAM role it made; a second signal exits at once naming what may be left. Skipped where moto is absent.
 */
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../hardening/support.js';

const hasMoto = spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
if (!hasMoto) console.warn('\n*** moto_server is not installed: the clean-stop battery against moto is SKIPPED (pip install "moto[server]") ***\n');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

describe.skipIf(!hasMoto)('clean stops against moto_server', () => {
  let moto: ChildProcess;
  let url: string;
  let lambda: LambdaClient;
  let iam: IAMClient;

  /** What runs left on moto: eic-* functions and roles. */
  async function leftovers(): Promise<string[]> {
    const names: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await lambda.send(new ListFunctionsCommand({ Marker }));
      names.push(...(page.Functions ?? []).map((f) => `function ${f.FunctionName}`));
      Marker = page.NextMarker;
    } while (Marker);
    const roles = await iam.send(new ListRolesCommand({}));
    names.push(...(roles.Roles ?? []).map((r) => `role ${r.RoleName}`));
    return names.filter((n) => n.split(' ')[1]!.startsWith('eic-'));
  }

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    const until = Date.now() + 20_000;
    for (;;) {
      try {
        if ((await fetch(`${url}/moto-api/`)).ok) break;
      } catch {
        if (Date.now() > until) throw new Error('moto_server did not start');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    lambda = new LambdaClient({ endpoint: url, region: 'us-east-1', credentials });
    iam = new IAMClient({ endpoint: url, region: 'us-east-1', credentials });
  }, 30_000);

  afterAll(() => {
    lambda?.destroy();
    iam?.destroy();
    moto?.kill('SIGTERM');
  });

  it('a complete run deletes everything it made, the IAM role included', async () => {
    const run = await runCli(['run', '--target', 'endpoint', '--endpoint-url', url, '--suite', 'merge', '--reporter', 'json', '--output-dir', mkdtempSync(join(tmpdir(), 'eic-moto-stop-'))], {
      env: credentialsEnv(),
    });
    expect([0, 1]).toContain(run.code);
    expect(await leftovers()).toEqual([]);
  }, 120_000);

  // Random moments: early (the CLI loading or probing: a fixed delay, since moto makes the run last
  // several seconds) and well inside the run (after a random number of progress marks, not a delay:
  // on a quiet machine the whole run against moto can end within a few seconds, and a signal sent
  // after the run has ended proves nothing). Before node runs any JavaScript (its first ~0.5 s on a
  // loaded machine) a signal cannot be handled by the CLI.
  const moments: [NodeJS.Signals, number, number, 'ms' | 'progress marks'][] = [
    ['SIGINT', 130, 1_000 + Math.floor(Math.random() * 500), 'ms'],
    ['SIGINT', 130, 1 + Math.floor(Math.random() * 100), 'progress marks'],
    ['SIGTERM', 143, 1_000 + Math.floor(Math.random() * 500), 'ms'],
    ['SIGTERM', 143, 1 + Math.floor(Math.random() * 100), 'progress marks'],
  ];

  it.each(moments)(
    '%s (exit %i) after %i %s: one line, report interrupted, zero eic-* left',
    async (signal, exit, at, after) => {
      const out = mkdtempSync(join(tmpdir(), 'eic-moto-stop-'));
      let sent = false;
      const run = await runCli(['run', '--target', 'endpoint', '--endpoint-url', url, '--reporter', 'console,json', '--output-dir', out], {
        env: credentialsEnv(),
        onSpawn: (child) => {
          if (after === 'ms') setTimeout(() => child.kill(signal), at);
        },
        onStdout: (text, child) => {
          if (after !== 'progress marks' || sent) return;
          // Progress marks: one character a finished scenario, on lines that end with `done/total`.
          const marks = text.split('\n').reduce((n, line) => n + (/^([.FaKk!s]+)(\s+\d+\/\d+)?\s*$/.exec(line)?.[1]?.length ?? 0), 0);
          if (marks < at) return;
          sent = true;
          child.kill(signal);
        },
      });
      expect(run.code, run.stderr).toBe(exit);
      const lines = run.stderr.trim().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^lambda-eic run: interrupted \\(${signal} received\\) after \\d+ of \\d+ scenarios, \\d+ not run; everything the run created was deleted; reports in .* marked interrupted$`),
      );
      const report = JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8'));
      expect(report.incomplete.reason).toBe('interrupted');
      expect(report.leftovers).toBeUndefined();
      expect(await leftovers()).toEqual([]);
      console.log(`moto stop battery: ${signal} after ${at} ${after}: exit ${run.code} after ${run.ms} ms, ${report.summary.total - report.summary['not-run']} scenarios finished, leftovers 0`);
    },
    120_000,
  );

  it('a second signal exits at once and says what may be left', async () => {
    let sent = false;
    const run = await runCli(['run', '--target', 'endpoint', '--endpoint-url', url, '--reporter', 'console'], {
      env: credentialsEnv(),
      // Once scenarios are in flight (progress marks): the first starts the teardown, the second cuts it short.
      onStdout: (text, child) => {
        if (sent || !/\n[.FaKk!s]+/.test(text)) return;
        sent = true;
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGINT'), 5);
      },
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/second SIGINT: exiting at once; (may be left on the target: (function|role) eic-|nothing the run created is left)/);
    await fetch(`${url}/moto-api/reset`, { method: 'POST' });
  }, 60_000);
});

function credentialsEnv(): NodeJS.ProcessEnv {
  return { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };
}
