/**
 * The emulator under bad input, at the socket level: bodies refused while they stream, 408 for
 * requests that stall, a connection cap, pipelined answers in order, nested and oversized
 * control-plane members refused before anything is stored, reads that allocate no state, and an
 * `Emulator.invoke` that never throws. Limits are made small here so the cases stay fast; the
 * default limits are exercised in tests/peers/hardening-memory.test.ts.
 */
import { CreateFunctionCommand, GetFunctionCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Emulator } from '../../src/model/emulator.js';
import { systemContext } from '../../src/model/context.js';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { ROLE, arrange } from '../support/arrange.js';
import { expectAwsError, lambdaClient } from '../support/client.js';
import { rawHttp } from '../support/wire.js';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';
import { socketExchange, statusesIn } from './support.js';

let server: RunningServer;
let host: string;
const LIMITS = { maxBodyBytes: 64 * 1024, maxCodeBodyBytes: 1024 * 1024, bufferedBudgetBytes: 2 * 1024 * 1024, headersTimeoutMs: 400, requestTimeoutMs: 800, maxConnections: 8 };

beforeAll(async () => {
  server = await startServer({ limits: LIMITS });
  host = new URL(server.url).host;
});
afterAll(() => server.close());
beforeEach(() => server.emulator.reset());

const head = (method: string, path: string, extra: string[] = []) => [`${method} ${path} HTTP/1.1`, `Host: ${host}`, ...extra, '', ''].join('\r\n');
const EIC = '/2019-09-25/functions/f/event-invoke-config';

describe('bodies are limited while they stream', () => {
  it('a declared Content-Length over the limit: 413 at once, before the body is read, and the connection closes', async () => {
    const a = await socketExchange(server.url, [head('PUT', EIC, [`Content-Length: ${10 * 1024 * 1024}`, 'Content-Type: application/json']), 'x'.repeat(1000)], 3_000);
    expect(statusesIn(a.text)).toEqual([413]);
    expect(a.text).toContain('RequestTooLargeException');
    expect(a.closed).toBe(true);
  });

  it('a chunked body that grows past the limit: 413 while it streams', async () => {
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    const a = await socketExchange(server.url, [head('PUT', EIC, ['Transfer-Encoding: chunked', 'Content-Type: application/json']), ...Array(10).fill(frame)], 3_000, 5);
    expect(statusesIn(a.text)).toEqual([413]);
  });

  it('a client still uploading when refused reads its 413, never a reset (the server lingers)', async () => {
    // Closing at once with unread bytes made the kernel reset the connection: a quarter of these
    // uploads saw EPIPE. Its own server: lingering connections count against the cap of 8 here.
    const lingering = await startServer({ limits: { maxBodyBytes: 2 * 1024 * 1024 } });
    const upload = () =>
      new Promise<string>((resolve) => {
        const req = httpRequest(`${lingering.url}${EIC}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
          res.resume();
          resolve(String(res.statusCode));
          req.destroy();
        });
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const pump = (): void => {
          while (sent++ < 20) if (!req.write(chunk)) return void req.once('drain', pump);
          req.end();
        };
        pump();
      });
    const outcomes: string[] = [];
    for (let round = 0; round < 20; round++) outcomes.push(...(await Promise.all(Array.from({ length: 4 }, upload))));
    await lingering.close();
    expect(outcomes).toEqual(Array(80).fill('413'));
  });

  it('a client that keeps sending after its 413 is cut off once the linger time is up', async () => {
    const lingering = await startServer({ limits: { maxBodyBytes: 64 * 1024, lingerMs: 300 } });
    // Half-open allowed: the client goes on writing after the server's FIN, as a hostile one would.
    const socket = connect({ port: Number(new URL(lingering.url).port), host: '127.0.0.1', allowHalfOpen: true });
    let text = '';
    let answeredAt = 0;
    socket.on('data', (d) => {
      text += d;
      answeredAt ||= Date.now();
    });
    socket.on('error', () => undefined);
    socket.write(head('PUT', EIC, ['Transfer-Encoding: chunked', 'Content-Type: application/json']));
    const frame = `4000\r\n${'a'.repeat(0x4000)}\r\n`;
    // Never ends the body and never closes: only the server's linger timer can end this.
    const sending = setInterval(() => socket.writable && socket.write(frame), 5);
    const closedAt = await new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
    clearInterval(sending);
    await lingering.close();
    expect(statusesIn(text)).toEqual([413]);
    expect(closedAt - answeredAt).toBeGreaterThanOrEqual(250);
    expect(closedAt - answeredAt).toBeLessThan(2_000);
  });

  it('bodies buffered at once across connections stay within the budget (429 past it)', async () => {
    const body = Buffer.alloc(400 * 1024, 'a');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        socketExchange(server.url, [head('POST', '/2015-03-31/functions', [`Content-Length: ${body.length}`, 'Content-Type: application/json']), body.subarray(0, 300 * 1024)], 1_500),
      ),
    );
    // The bodies never complete: each waits for its 408, but past the 2 MiB budget some are refused at once.
    const statuses = answers.flatMap((a) => statusesIn(a.text));
    expect(statuses.every((s) => s === 429 || s === 408)).toBe(true);
    expect(statuses).toContain(429);
  });
});

describe('requests that stall get 408 within the limits', () => {
  it('incomplete headers: 408 and the connection closes', async () => {
    const a = await socketExchange(server.url, [`GET ${EIC} HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `], 5_000);
    expect(statusesIn(a.text)).toEqual([408]);
    expect(a.text).toContain('RequestTimeoutException');
    expect(a.closed).toBe(true);
    expect(a.ms).toBeLessThan(3_000);
  });

  it('an incomplete body: 408 and the connection closes', async () => {
    const a = await socketExchange(server.url, [head('PUT', EIC, ['Content-Length: 100', 'Content-Type: application/json']), '{"Maxi'], 5_000);
    expect(statusesIn(a.text)).toEqual([408]);
    expect(a.closed).toBe(true);
    expect(a.ms).toBeLessThan(3_000);
  });
});

describe('pipelining and connections', () => {
  it('a malformed request after a good PUT in the same write: the PUT is answered 200, then the 400', async () => {
    const lambda = lambdaClient(server.url);
    await arrange(lambda, 'f');
    lambda.destroy();
    const put = `PUT ${EIC} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 26\r\n\r\n{"MaximumRetryAttempts":1}`;
    const a = await socketExchange(server.url, [`${put}GARBAGE / HTTP/9.9\r\n\r\n`], 3_000);
    expect(statusesIn(a.text)).toEqual([200, 400]);
    expect(server.emulator.world.all()[0]!.functions.get('f')!.configs.get('$LATEST')!.maximumRetryAttempts).toBe(1);
  });

  it('three pipelined requests get three answers, in order', async () => {
    const get = (name: string) => `GET /2019-09-25/functions/${name}/event-invoke-config HTTP/1.1\r\nHost: ${host}\r\n\r\n`;
    const a = await socketExchange(server.url, [`${get('a')}${get('b')}GET /_lambda-eic/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`], 3_000);
    expect(statusesIn(a.text)).toEqual([404, 404, 200]);
    expect(a.text.indexOf(':function:a')).toBeLessThan(a.text.indexOf(':function:b'));
  });

  it('connections past the cap are closed at once; the server answers again when they go', async () => {
    const held = await Promise.all(Array.from({ length: 12 }, () => socketExchange(server.url, [], 600)));
    expect(held.filter((h) => h.closed && h.ms < 500).length).toBeGreaterThanOrEqual(4);
    await new Promise((r) => setTimeout(r, 100));
    expect((await rawHttp(server.url, { method: 'GET', path: '/_lambda-eic/health', headers: { connection: 'close' } })).status).toBe(200);
  });
});

describe('control-plane members are validated before anything is stored', () => {
  const nested = (open: string, close: string, depth: number) => `${open.repeat(depth)}"x"${close.repeat(depth)}`;
  const createBody = (extra: string) =>
    `{"FunctionName":"deep","Role":"${ROLE}","Runtime":"nodejs20.x","Handler":"index.handler","Code":{"ZipFile":"${Buffer.from(deploymentPackage()).toString('base64')}"},${extra}}`;

  it.each([
    ['Tags nested 100,000 levels', `"Tags":{"a":${nested('{"a":', '}', 100_000)}}`],
    ['Architectures nested 100,000 levels', `"Architectures":${nested('[', ']', 100_000)}`],
    ['a Tags value that is an object', '"Tags":{"a":{"b":"c"}}'],
    ['Architectures holding a number', '"Architectures":[1]'],
  ])('%s: 400, nothing stored, GetFunction and ListFunctions still answer', async (_name, extra) => {
    const a = await rawHttp(server.url, { method: 'POST', path: '/2015-03-31/functions', headers: { 'content-type': 'application/json' }, body: createBody(extra) });
    expect(a.status, a.text).toBe(400);
    expect(a.headers.get('x-amzn-errortype')).toBe('InvalidRequestContentException');
    expect(server.emulator.world.all()).toEqual([]);
    const lambda = lambdaClient(server.url);
    await expectAwsError(lambda.send(new GetFunctionCommand({ FunctionName: 'deep' })), { status: 404, name: 'ResourceNotFoundException', message: /Function not found/ });
    expect((await lambda.send(new ListFunctionsCommand({}))).Functions).toEqual([]);
    lambda.destroy();
  });

  it.each([
    ['two architectures', { Architectures: ['x86_64', 'arm64'] }, /at 'architectures' failed to satisfy constraint: Member must have length less than or equal to 1/],
    ['an unknown architecture', { Architectures: ['sparc'] }, /Member must satisfy enum value set: \[x86_64, arm64\]/],
    ['51 tags', { Tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, /at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50/],
    ['a tag key of 129 characters', { Tags: { ['k'.repeat(129)]: 'v' } }, /at 'tags.key' failed to satisfy constraint/],
  ])('%s: ValidationException, nothing stored', async (_name, extra, message) => {
    const lambda = lambdaClient(server.url);
    await expectAwsError(
      lambda.send(new CreateFunctionCommand({ FunctionName: 'bad', Role: ROLE, Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: deploymentPackage() }, ...extra } as never)),
      { status: 400, name: 'ValidationException', message },
    );
    expect(server.emulator.world.all()).toEqual([]);
    lambda.destroy();
  });
});

describe('reads never create state', () => {
  it('GETs and DELETEs signed for 1,200 new regions allocate no region state', async () => {
    const sign = (region: string) => `AWS4-HMAC-SHA256 Credential=AKID/20261130/${region}/lambda/aws4_request, SignedHeaders=host, Signature=00`;
    for (let batch = 0; batch < 200; batch++)
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          rawHttp(server.url, { method: i % 2 ? 'GET' : 'DELETE', path: i % 3 ? EIC : '/2015-03-31/functions/', headers: { authorization: sign(`zz-new${batch * 6 + i}-1`) } }),
        ),
      );
    expect(server.emulator.world.all()).toEqual([]);
  });
});

describe('Emulator.invoke never throws', () => {
  const emulator = new Emulator();
  it.each([
    ['null input', 'GetFunctionEventInvokeConfig', null],
    ['undefined input', 'GetFunctionEventInvokeConfig', undefined],
    ['a number', 'PutFunctionEventInvokeConfig', 42],
    ['a string', 'PutFunctionEventInvokeConfig', 'x'],
    ['an array', 'ListFunctions', []],
    ['an unknown operation', 'InvokeFunctionPlease', {}],
    ['an inherited name', 'constructor', {}],
    ['a null operation', null, {}],
  ])('%s: an AWS error value', (_name, operation, input) => {
    const outcome = emulator.invoke(operation as never, input as never, systemContext());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.status).toBeLessThan(500);
  });

  it('without a context it uses the system context', () => {
    expect(emulator.invoke('ListFunctions', {}).ok).toBe(true);
  });
});
