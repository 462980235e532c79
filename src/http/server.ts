/** The embedded emulator over HTTP: a thin node:http shell around `handleHttp`. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../model/context.js';
import { Emulator } from '../model/emulator.js';
import { fail } from '../model/aws-error.js';
import { encodeError } from './codec.js';
import { handleHttp, type HandlerDefaults } from './handler.js';

export interface ServeOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** Used when a request carries no SigV4 credential scope. Default us-east-1. */
  readonly region?: string;
  /** Default 123456789012. */
  readonly account?: string;
  /** Share an emulator (its state and faults) with the caller. */
  readonly emulator?: Emulator;
  readonly context?: HandlerDefaults['context'];
}

export interface RunningServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly emulator: Emulator;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * Starts the emulator on HTTP and resolves once it listens.
 * @example
 * const server = await startServer({ region: 'us-east-2' });
 * const lambda = new LambdaClient({ endpoint: server.url, region: 'us-east-2' });
 * await server.close();
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const emulator = options.emulator ?? new Emulator();
  const defaults: HandlerDefaults = {
    account: options.account ?? DEFAULT_ACCOUNT,
    region: options.region ?? DEFAULT_REGION,
    ...(options.context ? { context: options.context } : {}),
  };
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const answer = handleHttp(emulator, defaults, { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
        res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) });
        res.end(answer.body);
      })
      .catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5_000;
  // Requests Node cannot even parse (bad framing, oversized headers) still get a JSON AWS error.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const answer = encodeError(fail('unparseableBody', tooLarge ? 'request headers are too large' : `malformed HTTP request (${error.code ?? error.message})`), randomUUID());
    const status = tooLarge ? 431 : 400;
    const head = [`HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}`, ...Object.entries(answer.headers).map(([k, v]) => `${k}: ${v}`)];
    socket.end(`${head.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(answer.body)}\r\nConnection: close\r\n\r\n${answer.body}`);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    emulator,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
