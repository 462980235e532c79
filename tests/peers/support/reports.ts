/**
 * Real run reports for the report-page tests: the reference emulator, two emulators with quirks
 * (one with a baseline, so known and fixed appear), and moto_server 5.2.1 when it is installed,
 * written by the CLI as a user would, under reports/browser/ (kept as CI artifacts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const OUT = resolve('reports', 'browser');

export const cli = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['bin/lambda-eic.js', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });

export const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

export const hasMoto = () => spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;

async function startMoto(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) return { url, process: child };
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`moto_server did not start at ${url}`);
}

export interface Run {
  readonly name: string;
  readonly dir: string;
  readonly json: string;
  readonly html: string;
}

/** Runs the CLI once per target; returns where each run's reports are. */
export async function makeReports(): Promise<Run[]> {
  mkdirSync(OUT, { recursive: true });
  const baseline = join(OUT, 'quirky-b-baseline.json');
  writeFileSync(
    baseline,
    JSON.stringify({
      known: [
        { id: 'merge.update-never-creates', reason: 'answers 400 for a missing config' },
        { id: 'merge.put-creates', reason: 'was broken once' },
      ],
    }),
  );
  const runs: [string, string[]][] = [
    ['reference', ['--label', 'reference emulator']],
    ['quirky-a', ['--label', 'quirky emulator A', '--quirk', 'update-replaces,reworded-messages,iso-last-modified']],
    ['quirky-b', ['--label', 'quirky emulator B', '--quirk', 'not-found-as-400,list-without-paging', '--baseline', baseline]],
  ];
  const out: Run[] = [];
  const record = async (name: string, args: string[]) => {
    const dir = join(OUT, name);
    const r = await cli(['run', ...args, '--reporter', 'json,html', '--output-dir', dir]);
    if (r.code === 2) throw new Error(`lambda-eic run ${args.join(' ')}: ${r.stderr}`);
    out.push({ name, dir, json: join(dir, 'lambda-eic-report.json'), html: join(dir, 'lambda-eic-report.html') });
  };
  for (const [name, args] of runs) await record(name, args);
  if (hasMoto()) {
    const moto = await startMoto();
    try {
      await record('moto', ['--label', 'moto 5.2.1', '--target', 'endpoint', '--endpoint-url', moto.url]);
    } finally {
      moto.process.kill('SIGTERM');
    }
  } else console.warn('\n*** moto_server is not installed: the matrix in the browser test has no moto column ***\n');
  return out;
}
