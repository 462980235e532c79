/**
 * Faulty emulators made the way a gate's users meet them: a fault-injecting proxy in front of
 * `lambda-eic serve`, with the runner pointed at it as at any endpoint. Every fault must fail the run.
 */
import { spawn } from 'node:child_process';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { runScenarios } from '../../runners/engine/run.js';
import { httpTarget } from '../../runners/targets/http-target.js';
import { TargetUnreachable } from '../../runners/targets/target.js';
import { ALL_SCENARIOS } from '../../suites/index.js';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}
type Fault = (answer: Answer, req: { method: string; url: string }) => Answer;

const json = (a: Answer, change: (body: Record<string, unknown>) => unknown): Answer => {
  try {
    return { ...a, body: JSON.stringify(change(JSON.parse(a.body))) };
  } catch {
    return a;
  }
};
const isEic = (url: string) => url.includes('/event-invoke-config');

const FAULTS: Record<string, Fault> = {
  'no request id': (a) => ({ ...a, headers: Object.fromEntries(Object.entries(a.headers).filter(([k]) => k.toLowerCase() !== 'x-amzn-requestid')) }),
  'Message casing': (a) => (a.status === 404 ? json(a, ({ Message, ...rest }) => ({ ...rest, message: Message })) : a),
  'no Type on errors': (a) => (a.status >= 400 ? json(a, ({ Type: _t, ...rest }) => rest) : a),
  'LastModified without fraction': (a, r) => (isEic(r.url) ? { ...a, body: a.body.replace(/"LastModified":(\d+)\.\d+/g, '"LastModified":$1') } : a),
  '200 {} instead of 204': (a) => (a.status === 204 ? { ...a, status: 200, headers: { ...a.headers, 'content-type': 'application/json' }, body: '{}' } : a),
  'unqualified FunctionArn': (a, r) => (isEic(r.url) ? { ...a, body: a.body.replace(/:\$LATEST"/g, '"') } : a),
  'no NextMarker': (a) => json(a, ({ NextMarker: _n, ...rest }) => rest),
  'errors as 500': (a) => (a.status >= 400 ? { ...a, status: 500 } : a),
  'wrong error type header': (a) => (a.status === 400 ? { ...a, headers: { ...a.headers, 'x-amzn-errortype': 'BadRequestException' } } : a),
  'text/plain content type': (a) => ({ ...a, headers: { ...a.headers, 'content-type': 'text/plain' } }),
  'everything 503': () => ({ status: 503, headers: { 'content-type': 'text/html' }, body: '<html>Service Unavailable</html>' }),
};

/** Faults that leave nothing Lambda-shaped: the probe refuses the target (exit 2) instead of running it. */
const NOT_LAMBDA = new Set(['everything 503']);

function proxy(upstream: string, fault: Fault): Promise<Server> {
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const up = new URL(req.url ?? '/', upstream);
      const forward = request(up, { method: req.method, headers: { ...req.headers, host: up.host } }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          const headers = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k, String(v)]));
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          const out = fault({ status: answer.statusCode ?? 502, headers, body: Buffer.concat(body).toString('utf8') }, { method: req.method ?? 'GET', url: req.url ?? '/' });
          res.writeHead(out.status, { ...out.headers, 'content-length': Buffer.byteLength(out.body) });
          res.end(out.body);
        });
      });
      forward.end(Buffer.concat(chunks));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let upstream: RunningServer;
beforeAll(async () => {
  upstream = await startServer();
});
afterAll(() => upstream.close());

describe.each(Object.entries(FAULTS))('a proxy that injects "%s"', (name, fault) => {
  it('makes the run fail', async () => {
    const server = await proxy(upstream.url, fault);
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const target = httpTarget({ label: 'proxy', endpoint, region: 'us-east-1', runPrefix: `px-${Math.random().toString(16).slice(2, 6)}` });
    try {
      if (NOT_LAMBDA.has(name)) {
        await expect(target.connect()).rejects.toThrow(TargetUnreachable);
        return;
      }
      const results = await runScenarios(target, await target.connect(), ALL_SCENARIOS, { runPrefix: 'px', concurrency: 8 });
      expect(results.filter((r) => r.status === 'failed').length).toBeGreaterThan(0);
    } finally {
      await target.dispose();
      server.close();
    }
  }, 60_000);
});

describe('the CLI against a faulty proxy', () => {
  it('exits 1', async () => {
    const server = await proxy(upstream.url, FAULTS['unqualified FunctionArn']!);
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['bin/lambda-eic.js', 'run', '--target', 'endpoint', '--endpoint-url', endpoint, '--reporter', 'json', '--output-dir', 'reports/proxy'], { stdio: 'ignore' });
      child.on('close', resolve);
    });
    server.close();
    expect(code).toBe(1);
  }, 60_000);
});
