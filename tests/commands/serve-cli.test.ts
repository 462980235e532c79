/**
 * `lambda-eic serve` as a user runs it: `node bin/lambda-eic.js serve --port 0` (needs `npm run build`;
 * the npm test script builds first). Start-up time to the printed URL, a real call, clean shutdown
 * on SIGTERM and SIGINT, and usage errors: exit 2 with one line and no stack trace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { GetFunctionEventInvokeConfigCommand, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { arrange } from '../support/arrange.js';
import { lambdaClient } from '../support/client.js';
import { raw } from '../support/wire.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/lambda-eic.js', import.meta.url));
const BUILT = existsSync(new URL('../../dist/runners/cli.js', import.meta.url));
const LISTENING = /^lambda-eic emulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(region ([a-z0-9-]+), account (\d{12})\)$/;

if (!BUILT) console.warn('\n!!! serve-cli tests need dist/: run `npm run build` first (npm test does it) !!!\n');

const children: ChildProcess[] = [];
/** Safety net: a child a failed test left running is killed (by its own handle, never by name). */
afterAll(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI; `exited` resolves with everything it printed. */
function run(args: string[]) {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<Exited>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  /** Resolves with the first stdout line matching `re`, and the ms since spawn. */
  const line = (re: RegExp) =>
    new Promise<{ match: RegExpExecArray; ms: number }>((resolve, reject) => {
      const check = () => {
        for (const l of stdout.split('\n')) {
          const m = re.exec(l);
          if (m) return resolve({ match: m, ms: performance.now() - started });
        }
      };
      child.stdout!.on('data', check);
      child.on('close', () => reject(new Error(`exited before printing ${re}: stdout=${stdout} stderr=${stderr}`)));
      check();
    });
  return { child, exited, line };
}

/** A usage error: exit 2, one line on stderr naming the problem, nothing on stdout, no stack trace. */
async function expectUsageError(args: string[], mentions: RegExp) {
  const { code, stdout, stderr } = await run(args).exited;
  expect(code, stderr).toBe(2);
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^lambda-eic serve: /);
  expect(lines[0]).toMatch(mentions);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stdout).toBe('');
}

describe.skipIf(!BUILT)('lambda-eic serve', () => {
  it('prints its URL, answers Lambda calls, and stops cleanly on SIGTERM (exit 0, "stopped")', async () => {
    const server = run(['serve', '--port', '0']);
    const { match, ms } = await server.line(LISTENING);
    console.log(`lambda-eic serve: ${ms.toFixed(0)} ms from spawn to "listening on ${match[1]}"`);
    expect(Number(match[2])).toBeGreaterThan(0);
    expect([match[3], match[4]]).toEqual(['us-east-1', '123456789012']);
    const url = match[1]!;
    expect((await raw(url, 'GET', '/_lambda-eic/health')).json).toEqual({ status: 'ok' });
    const lambda = lambdaClient(url);
    try {
      await arrange(lambda, 'cli-function');
      await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'cli-function', MaximumRetryAttempts: 1 }));
      const got = await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'cli-function' }));
      expect(got.FunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:cli-function:$LATEST');
    } finally {
      lambda.destroy();
    }
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    expect([exit.code, exit.signal]).toEqual([0, null]);
    expect(exit.stdout.trim().split('\n').at(-1)).toBe('lambda-eic emulator stopped');
    expect(exit.stderr).toBe('');
  });

  it('stops cleanly on SIGINT (exit 0, "stopped"), with --region and --account shown in the URL line', async () => {
    const server = run(['serve', '--port', '0', '--region', 'eu-west-3', '--account', '210987654321']);
    const { match } = await server.line(LISTENING);
    expect([match[3], match[4]]).toEqual(['eu-west-3', '210987654321']);
    const a = await raw(match[1]!, 'GET', '/2019-09-25/functions/nothing/event-invoke-config');
    expect(a.json).toEqual({ Type: 'User', Message: "The function arn:aws:lambda:eu-west-3:210987654321:function:nothing:$LATEST doesn't have an EventInvokeConfig" });
    server.child.kill('SIGINT');
    const exit = await server.exited;
    expect([exit.code, exit.signal]).toEqual([0, null]);
    expect(exit.stdout).toMatch(/lambda-eic emulator stopped\n$/);
    expect(exit.stderr).toBe('');
  });

  describe.concurrent('usage errors', () => {
    it('--port abc -> exit 2, one line, no stack trace', () => expectUsageError(['serve', '--port', 'abc'], /--port.*'abc'/));
    it('--region nowhere -> exit 2, one line', () => expectUsageError(['serve', '--region', 'nowhere'], /--region.*'nowhere'/));
    it('--bogus -> exit 2, one line pointing at --help', () => expectUsageError(['serve', '--bogus'], /bogus.*--help/));
  });

  it('a port already in use -> exit 2, one line "cannot listen"', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expectUsageError(['serve', '--port', String(port)], /cannot listen/);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('serve --help -> exit 0 with the options on stdout', async () => {
    const { code, stdout, stderr } = await run(['serve', '--help']).exited;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: lambda-eic serve /);
    for (const option of ['--host', '--port', '--region', '--account']) expect(stdout).toContain(option);
    expect(stderr).toBe('');
  });
});
