/**
 * The emulator is not a door: no CORS grant, the control API needs its custom header and JSON,
 * cross-site and DNS-rebinding requests are refused, and no path trick (dot segments, %2e,
 * backslashes, absolute-form targets) reaches the control API. A non-loopback --host warns.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { arrange } from '../support/arrange.js';
import { lambdaClient } from '../support/client.js';
import { rawHttp } from '../support/wire.js';

const CONTROL = { 'x-lambda-eic-control': '1', 'content-type': 'application/json' };
let server: RunningServer;
let host: string;

beforeAll(async () => {
  server = await startServer();
  host = new URL(server.url).host;
});
afterAll(() => server.close());
beforeEach(async () => {
  server.emulator.reset();
  const lambda = lambdaClient(server.url);
  await arrange(lambda, 'kept');
  lambda.destroy();
});

const functionsLeft = () => server.emulator.world.all().reduce((n, r) => n + r.functions.size, 0);
const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  rawHttp(server.url, { method, path, headers: { host, ...headers }, ...(body !== undefined ? { body } : {}) });

describe('cross-site use is refused', () => {
  it('a text/plain cross-origin POST to /_lambda-eic/reset (what a web page can send) is refused; state stays', async () => {
    const a = await send('POST', '/_lambda-eic/reset', { origin: 'https://evil.example', 'content-type': 'text/plain' }, '{}');
    expect(a.status).toBe(403);
    expect(functionsLeft()).toBe(1);
  });

  it('a cross-origin fault for a million calls is refused, even with the control header', async () => {
    const fault = JSON.stringify({ operation: '*', kind: 'service', times: 1_000_000 });
    expect((await send('POST', '/_lambda-eic/faults', { origin: 'https://evil.example', 'content-type': 'text/plain' }, fault)).status).toBe(403);
    expect((await send('POST', '/_lambda-eic/faults', { origin: 'https://evil.example', ...CONTROL }, fault)).status).toBe(403);
    expect(server.emulator.faults.list()).toEqual([]);
  });

  it('the control API needs its header (403) and JSON bodies (415); GET /health needs neither', async () => {
    expect((await send('POST', '/_lambda-eic/reset')).status).toBe(403);
    expect((await send('GET', '/_lambda-eic/state')).status).toBe(403);
    expect((await send('POST', '/_lambda-eic/faults', { 'x-lambda-eic-control': '1', 'content-type': 'text/plain' }, '{"operation":"*","kind":"service"}')).status).toBe(415);
    expect((await send('POST', '/_lambda-eic/faults', { 'x-lambda-eic-control': '1', 'content-type': 'application/x-www-form-urlencoded' }, 'a=b')).status).toBe(415);
    expect(functionsLeft()).toBe(1);
    expect((await send('GET', '/_lambda-eic/health')).status).toBe(200);
    expect((await send('POST', '/_lambda-eic/reset', CONTROL)).status).toBe(200);
    expect(functionsLeft()).toBe(0);
  });

  it('with a control token, only that value opens the control API', async () => {
    const guarded = await startServer({ controlToken: 's3cret' });
    try {
      const h = new URL(guarded.url).host;
      const reset = (token: string) => rawHttp(guarded.url, { method: 'POST', path: '/_lambda-eic/reset', headers: { host: h, 'x-lambda-eic-control': token } });
      expect((await reset('1')).status).toBe(403);
      expect((await reset('s3cret')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('Lambda calls from a web page are refused (Origin or Sec-Fetch-Site), and no answer grants CORS', async () => {
    const path = '/2019-09-25/functions/kept/event-invoke-config';
    const cross = await send('PUT', path, { origin: 'https://evil.example', 'content-type': 'text/plain' }, '{"MaximumRetryAttempts":0}');
    expect(cross.status).toBe(403);
    expect((await send('GET', path, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const preflight = await send('OPTIONS', path, { origin: 'https://evil.example', 'access-control-request-method': 'PUT' });
    expect(preflight.status).toBe(403);
    for (const a of [cross, preflight, await send('GET', path)]) expect([...a.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    expect(server.emulator.world.all()[0]!.functions.get('kept')!.configs.size).toBe(0);
  });

  it('a Host that is not loopback or the bound address (DNS rebinding) is refused; localhost and --allow-host pass', async () => {
    const port = new URL(server.url).port;
    expect((await send('GET', '/_lambda-eic/state', { host: `rebind.evil.example:${port}`, 'x-lambda-eic-control': '1' })).status).toBe(403);
    expect((await send('GET', '/2019-09-25/functions/kept/event-invoke-config', { host: `rebind.evil.example:${port}` })).status).toBe(403);
    expect((await send('GET', '/_lambda-eic/state', { host: `localhost:${port}`, 'x-lambda-eic-control': '1' })).status).toBe(200);
    expect((await send('GET', '/_lambda-eic/state', { host: `app.localhost:${port}`, 'x-lambda-eic-control': '1' })).status).toBe(200);
    const open = await startServer({ allowedHosts: ['emulator.test'] });
    try {
      const get = (h: string) => rawHttp(open.url, { method: 'GET', path: '/_lambda-eic/health', headers: { host: h } });
      expect((await get('emulator.test')).status).toBe(200);
      expect((await get('other.test')).status).toBe(403);
    } finally {
      await open.close();
    }
  });
});

describe('no path trick reaches the control API', () => {
  const TRICKS = [
    '/2015-03-31/functions/../../_lambda-eic/reset',
    '/2019-09-25/functions/%2e%2e/%2e%2e/_lambda-eic/reset',
    '/%2e/_lambda-eic/reset',
    '/./_lambda-eic/reset',
    '//_lambda-eic/reset',
    '/\\_lambda-eic/reset',
    '\\_lambda-eic\\reset',
    '/%5f%6cambda-eic/reset',
    '/_lambda-eic%2freset',
    '/_LAMBDA-EIC/reset',
    'http://127.0.0.1/_lambda-eic/reset',
    'http://evil.example/_lambda-eic/reset',
  ];

  it.each(TRICKS)('POST %s resets nothing and answers a JSON error', async (path) => {
    const a = await send('POST', path, CONTROL, '{}');
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    expect(a.headers.get('content-type') ?? '').toMatch(/json/);
    expect(functionsLeft()).toBe(1);
  });
});

describe('serve', () => {
  it('warns when --host is not loopback, and a SIGTERM right after the listening line stops it cleanly', async () => {
    const child = spawn(process.execPath, ['bin/lambda-eic.js', 'serve', '--host', '0.0.0.0', '--port', '0']);
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!sent && stdout.includes('listening on')) sent = child.kill('SIGTERM');
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('lambda-eic emulator stopped');
    expect(stderr).toMatch(/warning: listening on 0\.0\.0\.0, not loopback: anyone who can reach this address/);
  }, 20_000);
});
