/** Spawning the CLI and moto_server for the pact tests (children killed by their own handles). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/lambda-eic.js', import.meta.url));
export const BUILT = existsSync(new URL('../../dist/runners/cli.js', import.meta.url));
if (!BUILT) console.warn('\n!!! the verify-pacts CLI tests need dist/: run `npm run build` first (npm test does it) !!!\n');

export interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `lambda-eic <args>` to the end.
 * @example const { code } = await runCli(['verify-pacts', '--help']);
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Exited> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NODE_NO_WARNINGS: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port nothing listens on once this resolves. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

let motoProbe: boolean | undefined;
/** Whether moto_server runs here: asked once, on first use (starting Python costs seconds, and only the peer tests need it). */
export const hasMoto = (): boolean => (motoProbe ??= spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0);

/**
 * Starts moto_server on a free port and waits until GET /moto-api/ answers.
 * @example const moto = await startMoto(); ... moto.child.kill('SIGTERM');
 */
export async function startMoto(ms = 20_000): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) return { child, url };
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`moto_server did not start at ${url} within ${ms} ms`);
}
