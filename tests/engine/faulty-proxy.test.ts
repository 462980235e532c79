/**
 * Faulty emulators made the way a gate's users meet them: a fault-injecting HTTP endpoint that
 * answers as `lambda-eic serve` does, with the runner pointed at it as at any endpoint. Every fault
 * must fail the run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleHttp } from '../../src/http/handler.js';
import { Emulator } from '../../src/model/emulator.js';
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

/**
 * An HTTP server answering as `lambda-eic serve` would (the same `handleHttp`, called in-process
 * rather than over a second socket), with the fault applied to each answer.
 */
function proxy(fault: Fault): Promise<Server> {
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = handleHttp(upstream, DEFAULTS, { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) });
      // Header names as a client reads them off the wire (lower-cased), so a fault replaces rather than duplicates.
      const headers = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      const out = fault({ status: answer.status, headers, body: answer.body }, { method: req.method ?? 'GET', url: req.url ?? '/' });
      res.writeHead(out.status, { ...out.headers, 'content-length': Buffer.byteLength(out.body) });
      res.end(out.body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const DEFAULTS = { account: '123456789012', region: 'us-east-1' };
const EARLY = ['shape', 'pagination', 'docs-examples', 'errors'];
const WIRE_FIRST = [...ALL_SCENARIOS.filter((s) => EARLY.includes(s.suite)), ...ALL_SCENARIOS.filter((s) => !EARLY.includes(s.suite))];
const upstream = new Emulator();

describe.each(Object.entries(FAULTS))('a proxy that injects "%s"', (name, fault) => {
  it('makes the run fail', async () => {
    const server = await proxy(fault);
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const target = httpTarget({ label: 'proxy', endpoint, region: 'us-east-1', runPrefix: `px-${Math.random().toString(16).slice(2, 6)}` });
    try {
      if (NOT_LAMBDA.has(name)) {
        await expect(target.connect()).rejects.toThrow(TargetUnreachable);
        return;
      }
      // The first failure decides it: the rest of the run would only add more (bail). Every
      // scenario is in the run; those that read the raw answer go first, so it is decided early.
      const results = await runScenarios(target, await target.connect(), WIRE_FIRST, { runPrefix: 'px', concurrency: 8, bail: true });
      expect(results.filter((r) => r.status === 'failed').length).toBeGreaterThan(0);
    } finally {
      await target.dispose();
      server.close();
    }
  }, 60_000);
});

describe('the CLI against a faulty proxy', () => {
  it('exits 1', async () => {
    const server = await proxy(FAULTS['unqualified FunctionArn']!);
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const code = await new Promise<number | null>((resolve) => {
      // The recorded suite holds the checks this fault breaks (recorded.get-existing, ...); the whole run is shown failing above.
      const out = mkdtempSync(join(tmpdir(), 'eic-proxy-'));
      const child = spawn(process.execPath, ['bin/lambda-eic.js', 'run', '--target', 'endpoint', '--endpoint-url', endpoint, '--suite', 'recorded', '--reporter', 'json', '--output-dir', out], {
        stdio: 'ignore',
      });
      child.on('close', resolve);
    });
    server.close();
    expect(code).toBe(1);
  }, 60_000);
});
