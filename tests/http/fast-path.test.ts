/**
 * The server's fast path answers plain requests straight from the socket's bytes. It must write
 * exactly the bytes node:http writes, and hand every other request (with the rest of its
 * connection) to node:http, which keeps answering those as before.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { WireResponse } from '../../src/http/codec.js';
import { readRequest, renderAnswer } from '../../src/http/fast-path.js';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { fixedContext } from '../../src/model/context.js';

const PATH = '/2019-09-25/functions/f/event-invoke-config';
const HOST = 'Host: 127.0.0.1';
const bytes = (text: string) => Buffer.from(text, 'latin1');
const limit = () => 1024;

describe('readRequest', () => {
  it('reads a request without a body, and one with a Content-Length body', () => {
    const get = `GET ${PATH}?Qualifier=1 HTTP/1.1\r\n${HOST}\r\nUser-Agent:  sdk/3 \r\n\r\n`;
    expect(readRequest(bytes(get), 0, limit)).toEqual({ method: 'GET', url: `${PATH}?Qualifier=1`, headers: { host: '127.0.0.1', 'user-agent': 'sdk/3' }, body: Buffer.alloc(0), next: get.length });
    const put = `PUT ${PATH} HTTP/1.1\r\n${HOST}\r\nContent-Length: 2\r\nConnection: Keep-Alive\r\n\r\n{}`;
    const read = readRequest(bytes(`${get}${put}`), get.length, limit);
    expect(read).toMatchObject({ method: 'PUT', headers: { 'content-length': '2', connection: 'Keep-Alive' }, next: get.length + put.length });
    expect(typeof read !== 'string' && read.body.toString()).toBe('{}');
  });

  it('waits for a head or body that has not all arrived', () => {
    expect(readRequest(bytes(`GET ${PATH} HTTP/1.1\r\n${HOST}\r\n`), 0, limit)).toBe('incomplete');
    expect(readRequest(bytes(`PUT ${PATH} HTTP/1.1\r\nContent-Length: 10\r\n\r\n{}`), 0, limit)).toBe('incomplete');
  });

  it.each([
    ['HTTP/1.0', `GET ${PATH} HTTP/1.0\r\n\r\n`],
    ['HEAD', `HEAD ${PATH} HTTP/1.1\r\n\r\n`],
    ['OPTIONS', `OPTIONS ${PATH} HTTP/1.1\r\n\r\n`],
    ['an absolute-form target', `GET http://127.0.0.1${PATH} HTTP/1.1\r\n\r\n`],
    ['a space in the target', `GET /a b HTTP/1.1\r\n\r\n`],
    ['a chunked body', `PUT ${PATH} HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
    ['Expect: 100-continue', `PUT ${PATH} HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n`],
    ['Upgrade', `GET ${PATH} HTTP/1.1\r\nUpgrade: websocket\r\n\r\n`],
    ['Connection: close', `GET ${PATH} HTTP/1.1\r\nConnection: close\r\n\r\n`],
    ['a repeated header', `GET ${PATH} HTTP/1.1\r\n${HOST}\r\n${HOST}\r\n\r\n`],
    ['a folded header', `GET ${PATH} HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n`],
    ['a header without a colon', `GET ${PATH} HTTP/1.1\r\nX-A\r\n\r\n`],
    ['a space before the colon', `GET ${PATH} HTTP/1.1\r\nX-A : 1\r\n\r\n`],
    ['a bare LF in a value', `GET ${PATH} HTTP/1.1\r\nX-A: 1\nX-B: 2\r\n\r\n`],
    ['a non-ASCII value', `GET ${PATH} HTTP/1.1\r\nX-A: caf\xe9\r\n\r\n`],
    ['a __proto__ header', `GET ${PATH} HTTP/1.1\r\n__proto__: x\r\n\r\n`],
    ['a signed Content-Length', `PUT ${PATH} HTTP/1.1\r\nContent-Length: +2\r\n\r\n{}`],
    ['a body over the limit', `PUT ${PATH} HTTP/1.1\r\nContent-Length: 1025\r\n\r\n`],
    ['a garbage request line', 'NOT HTTP AT ALL\r\n\r\n'],
    ['a head of 8 KiB', `GET ${PATH} HTTP/1.1\r\nX-Big: ${'a'.repeat(8 * 1024)}\r\n\r\n`],
    ['8 KiB without the end of a head', `GET ${PATH} HTTP/1.1\r\nX-Big: ${'a'.repeat(8 * 1024)}`],
  ])('leaves %s to node:http', (_what, request) => {
    expect(readRequest(bytes(request), 0, limit)).toBe('node');
  });
});

/** The raw bytes a node:http server writes for `answer`, as the emulator's node path writes it. */
async function nodeBytes(answer: WireResponse, keepAliveTimeout: number): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  });
  server.keepAliveTimeout = keepAliveTimeout;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await exchange(
      (server.address() as AddressInfo).port,
      `GET / HTTP/1.1\r\n${HOST}\r\n\r\n`,
      (text) => text.includes('\r\n\r\n') && text.length >= text.indexOf('\r\n\r\n') + 4 + Buffer.byteLength(answer.status === 204 ? '' : answer.body),
    );
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/** Sends `request` and resolves with what came back once `done` says so, or the connection closed. */
function exchange(port: number, request: string | string[], done: (text: string) => boolean = () => false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', async () => {
      for (const part of Array.isArray(request) ? request : [request]) {
        socket.write(part);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    let text = '';
    socket.on('data', (d) => {
      text += d.toString('latin1');
      if (done(text)) socket.destroy();
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

const withoutDate = (text: string) => text.replace(/^Date: .*\r\n/gm, 'Date: -\r\n');

describe('renderAnswer', () => {
  const answers: WireResponse[] = [
    { status: 200, headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'r1' }, body: '{"FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST","é":"ü"}' },
    { status: 204, headers: { 'x-amzn-RequestId': 'r2' }, body: '' },
    {
      status: 429,
      headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'r3', 'x-amzn-ErrorType': 'TooManyRequestsException', 'Retry-After': '2' },
      body: '{"Reason":"CallerRateLimitExceeded"}',
    },
    { status: 404, headers: { 'x-amzn-RequestId': 'r4' }, body: '' },
    { status: 599, headers: {}, body: 'x' },
  ];
  it.each(answers.flatMap((answer) => [5_000, 1_500, 500, 0].map((keepAlive) => [answer.status, keepAlive, answer] as const)))(
    'writes the bytes node:http writes (status %s, keep-alive %s ms)',
    async (_status, keepAlive, answer) => {
      expect(withoutDate(Buffer.from(renderAnswer(answer, 'x', keepAlive)).toString('latin1'))).toBe(withoutDate(await nodeBytes(answer, keepAlive)));
    },
  );
});

describe('the server: fast path and node:http answer alike', () => {
  const servers: RunningServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });
  const start = async (limits = {}) => {
    const server = await startServer({ context: (region, account) => fixedContext(1_700_000_000_000, { region, account }), limits });
    servers.push(server);
    return server;
  };
  const request = (method: string, path: string, body?: string, headers: string[] = []) =>
    `${method} ${path} HTTP/1.1\r\n${[HOST, ...headers, ...(body === undefined ? [] : ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`])].join('\r\n')}\r\n\r\n${body ?? ''}`;
  const zip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]).toString('base64');
  const calls = [
    request('POST', '/2015-03-31/functions', JSON.stringify({ FunctionName: 'f', Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: zip } })),
    request('PUT', PATH, '{"MaximumRetryAttempts":1,"MaximumEventAgeInSeconds":600}'),
    request('GET', PATH),
    request('POST', PATH, '{"MaximumRetryAttempts":2}'),
    request('POST', PATH, '{"MaximumRetryAttempts":7}'),
    request('PUT', PATH, '{"MaximumRetryAttempts":'),
    request('GET', '/2019-09-25/functions/f/event-invoke-config/list?MaxItems=0'),
    request('GET', '/2015-03-31/functions/nope/versions/1/unknown'),
    request('POST', '/_lambda-eic/faults', '{"operation":"GetFunctionEventInvokeConfig","kind":"throttle","times":1}', ['x-lambda-eic-control: 1']),
    request('GET', PATH),
    request('DELETE', PATH),
    request('DELETE', PATH),
    request('GET', PATH, undefined, ['Origin: https://evil.example']),
  ];
  /** Masks what differs between two runs whatever the path: the Date line and random request ids. */
  const masked = (text: string) => withoutDate(text).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');
  const FORCE_NODE = `PUT ${PATH}x HTTP/1.1\r\n${HOST}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`;

  it('answers a whole session byte for byte as node:http does', async () => {
    // Every call but the refused cross-site one is one the fast path reads.
    for (const call of calls.slice(0, -1)) expect(typeof readRequest(bytes(call), 0, () => 1 << 20)).toBe('object');
    const fast = await start();
    const viaNode = await start();
    // The chunked first request sends the second connection to node:http; its answer is dropped.
    const fastText = await exchange(fast.port, calls);
    const nodeText = await exchange(viaNode.port, [FORCE_NODE, ...calls]);
    const first = nodeText.indexOf('HTTP/1.1', 1);
    expect(masked(fastText)).toBe(masked(nodeText.slice(first)));
    expect(fastText.match(/HTTP\/1\.1 \d{3}/g)).toEqual([
      'HTTP/1.1 201',
      'HTTP/1.1 200',
      'HTTP/1.1 200',
      'HTTP/1.1 200',
      'HTTP/1.1 400',
      'HTTP/1.1 400',
      'HTTP/1.1 400',
      'HTTP/1.1 404',
      'HTTP/1.1 201',
      'HTTP/1.1 429',
      'HTTP/1.1 204',
      'HTTP/1.1 404',
      'HTTP/1.1 403',
    ]);
  });

  it('answers pipelined requests in order, then hands the rest of the connection to node:http', async () => {
    const server = await start();
    const get = request('GET', PATH);
    const chunked = `PUT ${PATH} HTTP/1.1\r\n${HOST}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`;
    const text = await exchange(server.port, [`${get}${get}${chunked}${get}`, `${get.slice(0, 20)}`, get.slice(20), request('GET', PATH, undefined, ['Connection: close'])]);
    expect(text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 404', 'HTTP/1.1 404', 'HTTP/1.1 400', 'HTTP/1.1 404', 'HTTP/1.1 404', 'HTTP/1.1 404']);
    expect(text).toMatch(/Connection: close\r\n\r\n[\s\S]*$/);
  });

  it('answers 2,000 pipelined requests sent in one write, none lost', async () => {
    const server = await start();
    const get = request('GET', PATH);
    const text = await exchange(server.port, get.repeat(2_000), (t) => (t.match(/HTTP\/1\.1 404/g) ?? []).length === 2_000);
    expect((text.match(/HTTP\/1\.1 404/g) ?? []).length).toBe(2_000);
  });

  it('answers 408 to a connection that sends nothing, and closes an idle kept-alive one', async () => {
    const server = await start({ headersTimeoutMs: 200, requestTimeoutMs: 400, keepAliveTimeoutMs: 100 });
    const started = Date.now();
    const [idle, keptAlive] = await Promise.all([exchange(server.port, []), exchange(server.port, request('GET', PATH))]);
    expect(idle).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n[\s\S]*x-amzn-ErrorType: /);
    expect(keptAlive).toMatch(/^HTTP\/1\.1 404 [\s\S]*Keep-Alive: timeout=0\r\n/);
    expect(keptAlive.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
