/**
 * The embedded emulator over HTTP: a thin shell around `handleHttp`. Connections start on the fast
 * path (`fast-connection.ts`); node:http takes over any connection the fast path hands it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createListener, type AddressInfo, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../model/context.js';
import { Emulator } from '../model/emulator.js';
import { fail, type AwsError } from '../model/aws-error.js';
import { encodeError, type WireResponse } from './codec.js';
import { CONTROL_PREFIX } from './control-api.js';
import { BodyBuffer, NO_BODY } from './body.js';
import { serveFast } from './fast-connection.js';
import { crossSiteRefusal, hostPolicy } from './guard.js';
import { handleHttp, type HandlerDefaults } from './handler.js';
import { inTurn, mustWait, takeTurn, unanswered } from './in-order.js';
import { lingerBeforeClose } from './linger.js';
import { DEFAULT_LIMITS, type ServerLimits } from './limits.js';

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
  /** Host names accepted besides loopback and the bound address; `['*']` accepts any (no DNS-rebinding guard). */
  readonly allowedHosts?: readonly string[];
  /** The value the control API's `x-lambda-eic-control` header must have (default: any non-empty value). */
  readonly controlToken?: string;
  /** Body sizes, timeouts and the connection cap (see `DEFAULT_LIMITS`). */
  readonly limits?: Partial<ServerLimits>;
}

export interface RunningServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly emulator: Emulator;
  close(): Promise<void>;
}

/** Per-socket bookkeeping kept on the socket itself (no map lookups on the hot path). */
const DEFERRED = Symbol('an error answer waiting for the earlier answers');
const CURRENT = Symbol('the answer of the request being received');
const RELEASE = Symbol('gives the request body bytes back to the budget');
type TrackedResponse = ServerResponse & { [RELEASE]?: () => void };
type TrackedSocket = Socket & { [DEFERRED]?: string; [CURRENT]?: TrackedResponse };

/** An HTTP/1.1 answer written straight to a socket (for requests Node could not parse). */
function rawAnswer(status: number, reason: string, answer: WireResponse): string {
  const head = [`HTTP/1.1 ${status} ${reason}`, ...Object.entries(answer.headers).map(([k, v]) => `${k}: ${v}`)];
  return `${head.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(answer.body)}\r\nConnection: close\r\n\r\n${answer.body}`;
}

/** Status lines and errors for what Node's parser refuses; anything else is a 400. */
const CLIENT_ERRORS: Record<string, [number, string, () => AwsError]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', () => fail('unparseableBody', 'request headers are too large')],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', () => fail('requestTimeout')],
};

/** Bodies at least this large are rare (code uploads, abuse): once dropped, their memory is reclaimed soon. */
const LARGE_BODY_BYTES = 8 * 1024 * 1024;
let collect: (() => void) | null | undefined;
let collecting: NodeJS.Timeout | undefined;

/**
 * Asks V8 for a collection half a second after a large body was dropped, at most once per half
 * second: an idle server would otherwise hold the garbage (and its RSS) until later traffic.
 */
function reclaimSoon(): void {
  if (collecting) return;
  collecting = setTimeout(() => {
    collecting = undefined;
    if (collect === undefined) {
      try {
        setFlagsFromString('--expose-gc');
        collect = runInNewContext('gc') as () => void;
      } catch {
        collect = null;
      }
    }
    collect?.();
  }, 500);
  collecting.unref();
}

/** Code uploads may be large; every other body is small (cheap prefix test, no routing). */
const isCodeUpload = (method: string | undefined, url: string): boolean => (method === 'POST' || method === 'PUT') && url.startsWith('/2015-03-31/functions');

/**
 * Starts the emulator on HTTP and resolves once it listens.
 * @example
 * const server = await startServer({ region: 'us-east-2' });
 * const lambda = new LambdaClient({ endpoint: server.url, region: 'us-east-2' });
 * await server.close();
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const emulator = options.emulator ?? new Emulator();
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const defaults: HandlerDefaults = {
    account: options.account ?? DEFAULT_ACCOUNT,
    region: options.region ?? DEFAULT_REGION,
    ...(options.context ? { context: options.context } : {}),
    ...(options.controlToken !== undefined ? { controlToken: options.controlToken } : {}),
  };
  const host = options.host ?? '127.0.0.1';
  const allowHost = hostPolicy(host, options.allowedHosts ?? []);
  let buffered = 0;

  const send = (res: ServerResponse, answer: WireResponse, close = false) => {
    const headers: Record<string, string | number> = { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) };
    if (close) {
      headers.Connection = 'close';
      if (res.socket) lingerBeforeClose(res.socket, limits.lingerMs);
    }
    res.writeHead(answer.status, headers);
    res.end(answer.body);
    const socket = res.socket as TrackedSocket | null;
    if (!socket) return;
    // A malformed request came after this one on the same connection: its error goes out last.
    if (unanswered(socket) === 0 && socket[DEFERRED] !== undefined) {
      const deferred = socket[DEFERRED];
      res.once('finish', () => socket.end(deferred));
    }
  };
  const refuse = (res: TrackedResponse, error: AwsError) => inTurn(res, () => send(res, emulator.wire(encodeError(error, randomUUID())), true));

  const server: Server = createServer({ connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs) }, (req: IncomingMessage, res: TrackedResponse) => {
    const socket = req.socket as TrackedSocket;
    takeTurn(socket, res);
    socket[CURRENT] = res;
    const refused = crossSiteRefusal(req.headers, allowHost);
    if (refused) {
      req.resume();
      return inTurn(res, () => send(res, refused, true));
    }
    const url = req.url ?? '/';
    // No Content-Length and no Transfer-Encoding: the request has no body and is complete once its
    // head is parsed. It is answered at once, without the stream machinery a body needs.
    const length = req.headers['content-length'];
    if ((length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined)
      return inTurn(res, () => send(res, handleHttp(emulator, defaults, { method: req.method ?? 'GET', url, headers: req.headers, body: NO_BODY })));
    const limit = isCodeUpload(req.method, url) ? limits.maxCodeBodyBytes : limits.maxBodyBytes;
    const declared = Number(length ?? 0);
    const operation = () => (url.startsWith(CONTROL_PREFIX) ? 'control API' : `${req.method} ${url.split('?')[0]}`);
    // Refused before a byte of the body is read; the connection closes, so the body is never buffered.
    if (declared > limit) return refuse(res, fail('bodyTooLarge', limit, operation()));
    // A body framed by Content-Length that arrives in one chunk (the common case) is answered in
    // that chunk's callback: it is never held across turns, so it needs no budget or end listener.
    let firstChunk = req.headers['transfer-encoding'] === undefined;
    let body: BodyBuffer | undefined;
    let size = 0;
    let stopped = false;
    // Gives the bytes back to the shared budget once, however the request ends (answered, refused, timed out, reset).
    const release = () => {
      // Again once the connection is gone: a refused body is still read (and dropped) until then.
      if (size >= LARGE_BODY_BYTES) {
        reclaimSoon();
        socket.once('close', reclaimSoon);
      }
      if (body) {
        buffered -= body.size;
        body.clear();
      }
      size = 0;
    };
    const stop = (error: AwsError) => {
      stopped = true;
      release();
      req.removeAllListeners('data');
      req.resume();
      refuse(res, error);
    };
    const answer = (bytes: Buffer) => {
      // A body that waits for earlier answers is held across turns: it counts against the budget.
      let held = mustWait(res) ? bytes.length : 0;
      if (held > 0 && buffered + held > limits.bufferedBudgetBytes) return refuse(res, fail('throttled'));
      buffered += held;
      const releaseHeld = () => {
        buffered -= held;
        held = 0;
      };
      if (held > 0) res.once('close', releaseHeld);
      inTurn(res, () => {
        releaseHeld();
        send(res, handleHttp(emulator, defaults, { method: req.method ?? 'GET', url, headers: req.headers, body: bytes }));
      });
    };
    const buffer = () => {
      body = new BodyBuffer();
      res[RELEASE] = release;
      res.on('close', release);
      req.on('error', () => res.destroy());
      req.on('end', onEnd);
    };
    const onEnd = () => {
      if (stopped) return;
      const bytes = body!.bytes();
      release();
      answer(bytes);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return stop(fail('bodyTooLarge', limit, operation()));
      if (buffered + chunk.length > limits.bufferedBudgetBytes) return stop(fail('throttled'));
      if (firstChunk) {
        if (size === declared) {
          stopped = true;
          return answer(chunk);
        }
        firstChunk = false;
        buffer();
      }
      body!.add(chunk);
      buffered += chunk.length;
    });
    if (!firstChunk) buffer();
  });
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  // Requests Node cannot even parse (bad framing, oversized headers, too slow) still get a JSON AWS
  // error, after the answers to the requests before them on the same connection.
  const clientError = (error: NodeJS.ErrnoException, socket: TrackedSocket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const current = socket[CURRENT];
    // A body that stalls: its request is known, so the 408 answers it (in order, then the socket closes).
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && current && !current.headersSent) {
      current.req.removeAllListeners('data').removeAllListeners('end');
      current[RELEASE]?.();
      return refuse(current, fail('requestTimeout'));
    }
    const [status, reason, make] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request', () => fail('unparseableBody', `malformed HTTP request (${error.code ?? error.message})`)];
    const answer = rawAnswer(status, reason, encodeError(make(), randomUUID()));
    if (unanswered(socket) > 0) socket[DEFERRED] = answer;
    else socket.end(answer);
  };
  server.on('clientError', clientError);
  // node:http is never bound: it serves the connections the fast path hands it. 'listening' starts
  // its connection tracking, which enforces the header and request timeouts.
  server.emit('listening');
  const fastSockets = new Set<Socket>();
  const listener = createListener({ allowHalfOpen: true, noDelay: true }, (socket) => {
    fastSockets.add(socket);
    socket.once('close', () => fastSockets.delete(socket));
    serveFast(socket, {
      answer: (request) => handleHttp(emulator, defaults, request),
      refused: (headers) => crossSiteRefusal(headers, allowHost) !== undefined,
      maxBody: (method, url) => (isCodeUpload(method, url) ? limits.maxCodeBodyBytes : limits.maxBodyBytes),
      headersTimeoutMs: limits.headersTimeoutMs,
      keepAliveTimeoutMs: limits.keepAliveTimeoutMs,
      handOff: (socket, unread) => {
        fastSockets.delete(socket);
        server.emit('connection', socket);
        socket.emit('data', unread);
      },
      timedOut: (socket) => clientError(Object.assign(new Error('request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), socket),
    });
  });
  listener.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = listener.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    emulator,
    close: () =>
      new Promise<void>((resolve) => {
        listener.close(() => resolve());
        server.close();
        server.closeAllConnections();
        for (const socket of fastSockets) socket.destroy();
      }),
  };
}
