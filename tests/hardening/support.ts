/** Helpers for the reliability battery: the CLI as a child process, odd servers, raw sockets. */
import { spawn } from 'node:child_process';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Runs `lambda-eic <args>` as a child process; `onStdout` sees output as it comes (to send signals).
 * @example const run = await runCli(['run', '--list']);
 */
export function runCli(
  args: string[],
  options: { onStdout?: (text: string, child: ReturnType<typeof spawn>) => void; onSpawn?: (child: ReturnType<typeof spawn>) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lambda-eic.js', ...args], { env: { ...process.env, ...options.env } });
    options.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      options.onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

export const urlOf = (server: Server | ReturnType<typeof createServer>) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

export const listening = <S extends Server | ReturnType<typeof createServer>>(server: S): Promise<S> => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));

/** Accepts connections and never answers (a hung target). */
export function silentServer() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    server,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

/** A plain web server that is not Lambda (like `python3 -m http.server`: 501 pages for POST). */
export function notLambdaServer(): Server {
  return createHttpServer((req, res) => {
    req.resume();
    const body = '<html><body><h1>Error response</h1><p>Error code: 501</p></body></html>';
    res.writeHead(req.method === 'GET' ? 404 : 501, { 'content-type': 'text/html;charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}

/**
 * A pass-through proxy to `upstream` that dies (closes every connection and stops listening) after
 * `answers` answers: a target that goes away mid-run.
 */
export function dyingProxy(upstream: string, answers: number) {
  let left = answers;
  const sockets = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (left-- <= 0) return die();
      const up = new URL(req.url ?? '/', upstream);
      const forward = request(up, { method: req.method, headers: { ...req.headers, host: up.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const die = () => {
    server.close();
    for (const s of sockets) s.destroy();
  };
  return { server, die };
}

/**
 * Writes raw bytes on one connection and collects everything the server sends until it closes
 * (or `ms` pass).
 * @example await rawExchange(url, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 2000)
 */
export function socketExchange(url: string, chunks: Array<string | Buffer>, ms: number, gapMs = 0): Promise<{ text: string; closed: boolean; ms: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), ms);
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
  });
}

/** The status codes of every HTTP answer in a raw byte stream, in order. */
export const statusesIn = (text: string): number[] => [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
