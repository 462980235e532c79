/**
 * The emulator with its default limits, as `lambda-eic serve` in a child process, under load that
 * takes seconds: five 100 MiB bodies at once, three times (memory must stay bounded while they
 * stream, and not grow from one burst to the next), 20,000 reads signed for new regions (no state may grow), and connections
 * that stall (408 within the default header and body timeouts). RSS is read from /proc.
 * Also: SIGTERM to `npx lambda-eic run` stops the node process beneath it cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketExchange, statusesIn } from '../hardening/support.js';

const rssMiB = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!existsSync('/proc/self/status'))('the emulator under load, default limits', () => {
  let serve: ChildProcess;
  let url: string;
  let host: string;
  let start: number;
  const figures: string[] = [];

  beforeAll(async () => {
    serve = spawn(process.execPath, ['bin/lambda-eic.js', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise<string>((resolve) => {
      let out = '';
      serve.stdout!.on('data', (d) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
    });
    host = new URL(url).host;
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    await Promise.all(Array.from({ length: 200 }, () => get('/2019-09-25/functions/warm/event-invoke-config', {}, agent)));
    agent.destroy();
    await sleep(500);
    start = rssMiB(serve.pid!);
  }, 30_000);

  afterAll(() => {
    serve?.kill('SIGTERM');
    console.log(`memory battery: ${figures.join('; ')}`);
  });

  const get = (path: string, headers: Record<string, string>, agent: Agent) =>
    new Promise<number>((resolve) => {
      const req = request(`${url}${path}`, { headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end();
    });

  /** Streams `mib` MiB (chunked, no length declared) until the server answers; resolves with its status. */
  const upload = (mib: number) =>
    new Promise<number>((resolve) => {
      const req = request(`${url}/2015-03-31/functions`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', () => resolve(0));
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < mib) {
          sent++;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });

  /** Five 100 MiB uploads at once: their statuses, the peak RSS while they stream, and the RSS a second after. */
  const burst = async () => {
    let peak = rssMiB(serve.pid!);
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(serve.pid!))), 25);
    const statuses = await Promise.all(Array.from({ length: 5 }, () => upload(100)));
    clearInterval(sampler);
    await sleep(1_000);
    return { statuses, peak, after: rssMiB(serve.pid!) };
  };

  it('five 100 MiB bodies at once, three times: refused while streaming (413/429), RSS bounded, no growth', async () => {
    const bursts = [await burst(), await burst(), await burst()];
    for (const [n, b] of bursts.entries())
      figures.push(`5 x 100 MiB (burst ${n + 1}): answers ${b.statuses.join(',')}; RSS ${start.toFixed(0)} MiB at start, peak ${b.peak.toFixed(0)}, ${b.after.toFixed(0)} after`);
    for (const b of bursts) {
      for (const s of b.statuses) expect([413, 429]).toContain(s);
      // The 128 MiB body budget, the socket chunks in flight and Node itself.
      expect(b.peak - start).toBeLessThan(300);
    }
    // The bodies are freed (the server asks V8 for a collection), but glibc keeps freed heap for
    // reuse, between 17 and 194 MiB of it measured here; RSS after is not deterministic. What is:
    // later bursts reuse that memory, so RSS stays within the same bound however many come.
    expect(bursts[2]!.after - start).toBeLessThan(300);
  }, 120_000);

  it('20,000 reads signed for new regions: no state, RSS flat', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const before = rssMiB(serve.pid!);
    const counts: Record<number, number> = {};
    for (let batch = 0; batch < 200; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          get(
            '/2019-09-25/functions/f/event-invoke-config',
            { authorization: `AWS4-HMAC-SHA256 Credential=AKID/20261130/zz-r${batch * 100 + i}-1/lambda/aws4_request, SignedHeaders=host, Signature=0` },
            agent,
          ),
        ),
      );
      for (const a of answers) counts[a] = (counts[a] ?? 0) + 1;
    }
    agent.destroy();
    await sleep(1_000);
    const after = rssMiB(serve.pid!);
    const state = await new Promise<string>((resolve) => {
      const req = request(`${url}/_lambda-eic/state`, { headers: { 'x-lambda-eic-control': '1' } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(body));
      });
      req.end();
    });
    figures.push(`20,000 reads in new regions: answers ${JSON.stringify(counts)}; RSS ${before.toFixed(0)} -> ${after.toFixed(0)} MiB; state ${state}`);
    expect(counts).toEqual({ 404: 20_000 });
    expect(JSON.parse(state)).toEqual({ regions: [] });
    expect(after - before).toBeLessThan(40);
  }, 180_000);

  it('stalled connections: incomplete headers and bodies get 408 within the default timeouts (5 s, 10 s)', async () => {
    const headers = Array.from({ length: 40 }, () => socketExchange(url, [`GET /2019-09-25/functions/f/event-invoke-config HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `], 15_000));
    const bodies = Array.from({ length: 20 }, () =>
      socketExchange(url, [`PUT /2019-09-25/functions/f/event-invoke-config HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"Max`], 20_000),
    );
    const h = await Promise.all(headers);
    const b = await Promise.all(bodies);
    const slowest = (xs: Array<{ ms: number }>) => Math.max(...xs.map((x) => x.ms));
    figures.push(
      `stalls: 40 header stalls answered ${[...new Set(h.flatMap((x) => statusesIn(x.text)))]} by ${slowest(h)} ms, 20 body stalls answered ${[...new Set(b.flatMap((x) => statusesIn(x.text)))]} by ${slowest(b)} ms`,
    );
    for (const x of [...h, ...b]) {
      expect(statusesIn(x.text)).toEqual([408]);
      expect(x.closed).toBe(true);
    }
    expect(slowest(h)).toBeLessThan(7_500);
    expect(slowest(b)).toBeLessThan(12_500);
  }, 60_000);

  it('a flood of 600 idle connections: past the cap of 512 they are closed, and the server still answers', async () => {
    const sockets = await Promise.all(
      Array.from(
        { length: 600 },
        () =>
          new Promise<{ closed: boolean; destroy: () => void }>((resolve) => {
            const s = connect(Number(new URL(url).port), '127.0.0.1');
            const state = { closed: false, destroy: () => s.destroy() };
            s.on('close', () => (state.closed = true));
            s.on('error', () => undefined);
            s.on('connect', () => resolve(state));
            s.on('error', () => resolve(state));
          }),
      ),
    );
    await sleep(500);
    const closed = sockets.filter((s) => s.closed).length;
    for (const s of sockets) s.destroy();
    await sleep(300);
    const agent = new Agent({ keepAlive: false });
    const status = await get('/_lambda-eic/health', {}, agent);
    figures.push(`600 idle connections: ${closed} closed by the cap; health afterwards ${status}`);
    expect(closed).toBeGreaterThanOrEqual(88);
    expect(status).toBe(200);
  }, 60_000);
});

describe('npx and signals', () => {
  it('SIGTERM to `npx lambda-eic run` stops the node process beneath it with a report marked interrupted', async () => {
    const out = mkdtempSync(join(tmpdir(), 'eic-npx-'));
    const npx = spawn('npx', ['--no-install', 'lambda-eic', 'run', '--concurrency', '1', '--reporter', 'console,json', '--output-dir', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    await new Promise<void>((resolve) => {
      npx.stdout!.on('data', (d) => {
        stdout += d;
        if (/\n[.]{3}/.test(stdout)) resolve();
      });
      npx.on('close', () => resolve());
    });
    npx.kill('SIGTERM');
    const file = join(out, 'lambda-eic-report.json');
    const until = Date.now() + 30_000;
    while (!existsSync(file) && Date.now() < until) await sleep(200);
    const report = JSON.parse(readFileSync(file, 'utf8'));
    expect(report.incomplete).toEqual({ reason: 'interrupted', detail: 'SIGTERM received' });
    expect(report.summary['not-run']).toBeGreaterThan(0);
    await sleep(500);
    const ps = await new Promise<string>((resolve) => {
      const p = spawn('ps', ['-eo', 'args']);
      let text = '';
      p.stdout.on('data', (d) => (text += d));
      p.on('close', () => resolve(text));
    });
    expect(ps.split('\n').filter((l) => l.includes(out))).toEqual([]);
  }, 60_000);
});
