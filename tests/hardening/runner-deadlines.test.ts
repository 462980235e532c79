/**
 * The runner never hangs: a target that accepts connections and never answers, a web server that
 * is not Lambda, and a target that dies mid-run all end the run with exit 2 and one line, within
 * the request timeout; the dying target's report is marked incomplete, with scenarios not run.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { dyingProxy, listening, notLambdaServer, runCli, silentServer, urlOf } from './support.js';

const outDir = () => mkdtempSync(join(tmpdir(), 'eic-hard-'));

describe('runner deadlines and unusable targets', () => {
  it('a silent target (accepts TCP, never answers): exit 2, one line naming the timeout, within the request timeout', async () => {
    const silent = silentServer();
    await listening(silent.server);
    try {
      const run = await runCli(['run', '--target', 'endpoint', '--endpoint-url', urlOf(silent.server), '--request-timeout', '1']);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/no answer from http:\/\/127\.0\.0\.1:\d+ within 1 s: the target accepts connections but does not answer/);
      expect(run.ms).toBeLessThan(10_000);
    } finally {
      silent.close();
    }
  }, 30_000);

  it('a web server that is not Lambda: exit 2, one line saying so, no scenario run', async () => {
    const server = await listening(notLambdaServer());
    try {
      const run = await runCli(['run', '--target', 'endpoint', '--endpoint-url', urlOf(server)]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/is not an AWS Lambda endpoint: CreateFunction got 501 \(text\/html/);
      expect(run.stdout).toBe('');
    } finally {
      server.close();
    }
  }, 30_000);

  it('an address where nothing listens: exit 2, one line "cannot reach"', async () => {
    const server = await listening(notLambdaServer());
    const url = urlOf(server);
    await new Promise((r) => server.close(r));
    const run = await runCli(['run', '--target', 'endpoint', '--endpoint-url', url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lambda-eic run: cannot reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  }, 30_000);

  describe('a target that dies mid-run', () => {
    let upstream: RunningServer;
    beforeAll(async () => {
      upstream = await startServer();
    });
    afterAll(() => upstream.close());

    it('ends the run with exit 2, a report marked incomplete, the rest counted as not run (not failed)', async () => {
      const proxy = dyingProxy(upstream.url, 120);
      await listening(proxy.server);
      const out = outDir();
      const run = await runCli(['run', '--target', 'endpoint', '--endpoint-url', urlOf(proxy.server), '--reporter', 'console,json', '--output-dir', out, '--request-timeout', '2']);
      const report = JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8'));
      expect(run.code, run.stderr).toBe(2);
      expect(report.incomplete.reason).toBe('target-lost');
      expect(report.summary.failed).toBe(0);
      expect(report.summary['not-run']).toBeGreaterThan(50);
      expect(report.summary.passed + report.summary['not-run'] + report.summary.advisory).toBe(report.summary.total);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/stopped answering: .* after \d+ of \d+ scenarios, \d+ not run/);
      expect(run.stdout).toMatch(/INCOMPLETE: \d+ scenarios/);
      expect(run.ms).toBeLessThan(25_000);
    }, 60_000);
  });
});
