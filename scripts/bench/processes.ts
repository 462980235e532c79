/** Child processes for the benchmark: servers to start and stop, probes to run, CPU time to read. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';

export interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  /** Milliseconds from spawn to the line announcing the URL. */
  readonly startupMs: number;
}

const CPUS = cpus().length;
const CAN_PIN = CPUS >= 2 && spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * Where a benchmark process runs: servers on the last CPU, load generators (wrk, SDK probes) on the
 * others, when the machine has two or more and `taskset` works. The ratio then measures the server
 * rather than how the scheduler shares cores between it and its load: on these 2-core machines
 * PUT at 16 connections spread 0.59-1.19 unpinned, 0.82-0.98 pinned, over the same code.
 * @example spawn(...pinned('server', process.execPath, ['bin/lambda-eic.js', 'serve']))
 */
export function pinned(role: 'server' | 'load', command: string, args: string[]): [string, string[]] {
  if (!CAN_PIN) return [command, args];
  const cpuList = role === 'server' ? String(CPUS - 1) : `0-${CPUS - 2}`;
  return ['taskset', ['-c', cpuList, command, ...args]];
}

/** Whether `pinned` pins (for the report's header). */
export const PINNING = CAN_PIN ? `servers on CPU ${CPUS - 1}, load on CPU 0-${CPUS - 2}` : 'not pinned (taskset missing or one CPU)';

/**
 * Spawns a server and resolves once its output (stdout or stderr) shows its URL.
 * @example const s = await startListening(process.execPath, ['bin/lambda-eic.js', 'serve', '--port', '0']);
 */
export function startListening(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not announce a URL in 30 s:\n${out}`));
    }, 30_000);
    const seen = (chunk: unknown) => {
      out += String(chunk);
      const url = /https?:\/\/[\d.]+:\d+/.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, startupMs: performance.now() - started });
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('error', reject);
  });
}

/**
 * Stops a child and waits for it to exit.
 * @example await stop(server.child);
 */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
  });
}

/**
 * Runs a command to its end; resolves with its stdout and the wall milliseconds it took.
 * @example const { ms } = await runToEnd(process.execPath, ['-e', '']);
 */
export function runToEnd(command: string, args: string[]): Promise<{ stdout: string; ms: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
    let stdout = '';
    child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, ms: performance.now() - started, code }));
  });
}

/**
 * Runs `dist/scripts/bench/probe.js` with the given arguments and returns the value it prints.
 * @example await probe(['stub', '2000']) // 25.1 (µs per call)
 */
export async function probe(args: string[], role?: 'load'): Promise<number> {
  const command: [string, string[]] = [process.execPath, [new URL('./probe.js', import.meta.url).pathname, ...args]];
  const { stdout, code } = await runToEnd(...(role ? pinned(role, ...command) : command));
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`probe ${args.join(' ')} failed (exit ${code}): ${stdout}`);
  return (JSON.parse(line) as { value: number }).value;
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere.
 * @example cpuSeconds(server.child.pid!) // 1.27
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * A loopback port nothing listens on once this resolves.
 * @example const port = await freePort();
 */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
