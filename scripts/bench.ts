/**
 * `npm run bench`: every figure of the performance goals, each beside the reference it is judged
 * against, measured side by side in interleaved rounds (each round measures the figure and its
 * reference back to back, alternating which goes first) and reported as the median of the rounds.
 * Absolute figures move with the machine's load; the ratios are what to compare.
 *
 *   npm run bench             # 3 rounds
 *   npm run bench -- --quick  # 1 round, shorter runs (a smoke test of the script)
 *   npm run bench -- --only scaling,startup   # some sections: scaling, startup, http, mocks, suite
 *
 * Uses wrk for raw HTTP when it is installed (apt-get install wrk) and moto_server when present.
 * With `taskset` and two or more CPUs, servers run on the last CPU and their load (wrk, SDK probes)
 * on the others (`pinned` in bench/processes.ts), so the HTTP ratios measure the servers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { listConfigsWalk, listFunctionsPageCost, listFunctionsWalk, seedConfigCost, seededEmulator } from './bench/scaling.js';
import { cpuSeconds, freePort, PINNING, pinned, probe, runToEnd, startListening, stop, type Started } from './bench/processes.js';

const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',') : undefined;
const wanted = (section: string) => !ONLY || ONLY.includes(section);
const ROUNDS = QUICK ? 1 : 3;
const WRK_SECONDS = QUICK ? 1 : 2;
const CALLS = QUICK ? 300 : 2_000;
const BIN = new URL('../../bin/lambda-eic.js', import.meta.url).pathname;
const CANNED = new URL('./bench/canned-server.js', import.meta.url).pathname;
const PATH = '/2019-09-25/functions/bench/event-invoke-config';

interface Row {
  readonly measure: string;
  readonly figure: string;
  readonly reference: string;
  readonly ratio: string;
  readonly goal: string;
}
const rows: Row[] = [];
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

function report(row: Row): void {
  rows.push(row);
  console.log(`  ${row.measure}: ${row.figure} vs ${row.reference} = ${row.ratio} (goal ${row.goal})`);
}

/** Runs `measureA` and `measureB` in ROUNDS rounds, alternating which goes first; medians. */
async function sideBySide(a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> {
  const as: number[] = [];
  const bs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
  }
  return [median(as), median(bs)];
}

/** The median of `runs` walks over the same state (the first warms the JIT and is left out). */
function walks(state: ReturnType<typeof seededEmulator>, walk: typeof listFunctionsWalk, runs = 4): { ms: number; pages: number } {
  const all = Array.from({ length: runs }, () => walk(state)).slice(1);
  return { ms: median(all.map((w) => w.ms)), pages: all[0]!.pages };
}

async function scaling(): Promise<void> {
  console.log('scaling (the model alone)');
  const many = seededEmulator(10_000, 0);
  const functions = walks(many, listFunctionsWalk);
  report({
    measure: 'ListFunctions, walk 10,000 functions in pages of 50',
    figure: `${fmt(functions.ms)} ms (${fmt((functions.ms * 1000) / functions.pages, 0)} µs a page)`,
    reference: 'goal 300 ms',
    ratio: fmt(functions.ms / 300, 2),
    goal: '< 300 ms',
  });
  const few = seededEmulator(100, 0);
  const [pageOfMany, pageOfFew] = await sideBySide(
    async () => listFunctionsPageCost(many, 400),
    async () => listFunctionsPageCost(few, 400),
  );
  report({
    measure: 'ListFunctions, one page mid-list of 10,000',
    figure: `${fmt(pageOfMany, 0)} µs`,
    reference: `${fmt(pageOfFew, 0)} µs of 100`,
    ratio: fmt(pageOfMany / pageOfFew, 2),
    goal: 'flat (≈ 1)',
  });
  const configs = walks(seededEmulator(0, 10_000), listConfigsWalk);
  report({
    measure: 'ListFunctionEventInvokeConfigs, walk 10,000 configs in pages of 50',
    figure: `${fmt(configs.ms)} ms (${fmt((configs.ms * 1000) / configs.pages, 0)} µs a page)`,
    reference: 'goal 15 ms',
    ratio: fmt(configs.ms / 15, 2),
    goal: '< 15 ms',
  });
  const [large, small] = await sideBySide(
    async () => seedConfigCost(10_000, 5_000),
    async () => seedConfigCost(10, 5_000),
  );
  report({ measure: 'mock seedConfig with 10,000 functions seeded', figure: `${fmt(large)} µs`, reference: `${fmt(small)} µs with 10`, ratio: fmt(large / small, 2), goal: '< 20 µs, flat' });
}

async function startup(): Promise<void> {
  console.log('start-up');
  const bare = ['-e', "require('node:http').createServer((q, s) => s.end()).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); })"];
  const listenMs = async (args: string[]) => {
    const s = await startListening(process.execPath, args);
    await stop(s.child);
    return s.startupMs;
  };
  const [serve, node] = await sideBySide(
    () => listenMs([BIN, 'serve', '--port', '0']),
    () => listenMs(bare),
  );
  report({ measure: '`lambda-eic serve` until listening', figure: `${fmt(serve, 0)} ms`, reference: `${fmt(node, 0)} ms bare node:http`, ratio: fmt(serve / node, 2), goal: '≤ 2×' });
  const [list, empty] = await sideBySide(
    async () => (await runToEnd(process.execPath, [BIN, 'run', '--list'])).ms,
    async () => (await runToEnd(process.execPath, ['-e', ''])).ms,
  );
  report({ measure: '`lambda-eic run --list`', figure: `${fmt(list, 0)} ms`, reference: `${fmt(empty, 0)} ms node -e ''`, ratio: fmt(list / empty, 2), goal: '< 500 ms' });
}

/** Creates the function `bench` and its config on an emulator, over HTTP. */
async function seedOverHttp(url: string): Promise<void> {
  const zip = Buffer.from(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])).toString('base64');
  const json = { 'content-type': 'application/json' };
  await fetch(`${url}/2015-03-31/functions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ FunctionName: 'bench', Role: 'arn:aws:iam::123456789012:role/bench', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: zip } }),
  });
  await fetch(`${url}${PATH}`, { method: 'PUT', headers: json, body: JSON.stringify({ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600 }) });
}

/** Requests a second (wrk) and server CPU µs a request, for one server, method and concurrency. */
async function wrk(server: Started, method: 'GET' | 'PUT', connections: number, script: string): Promise<{ rps: number; cpuUs: number }> {
  const before = cpuSeconds(server.child.pid!) ?? 0;
  const out = spawnSync(...pinned('load', 'wrk', ['-t1', `-c${connections}`, `-d${WRK_SECONDS}s`, ...(method === 'PUT' ? ['-s', script] : []), `${server.url}${PATH}`]), { encoding: 'utf8' });
  const after = cpuSeconds(server.child.pid!) ?? 0;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out.stdout)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(out.stdout)?.[1]);
  if (!rps || /Non-2xx/.test(out.stdout)) throw new Error(`wrk against ${server.url} failed:\n${out.stdout}${out.stderr}`);
  return { rps, cpuUs: ((after - before) * 1e6) / requests };
}

async function rawHttp(canned: Started, emulator: Started): Promise<void> {
  console.log('raw HTTP (wrk, 1 thread)');
  const dir = mkdtempSync(join(tmpdir(), 'eic-bench-'));
  const script = join(dir, 'put.lua');
  writeFileSync(script, `wrk.method = "PUT"\nwrk.body = '{"MaximumRetryAttempts":1,"MaximumEventAgeInSeconds":600}'\nwrk.headers["Content-Type"] = "application/json"\n`);
  for (const s of [canned, emulator]) await wrk(s, 'GET', 16, script); // warm-up
  for (const method of ['GET', 'PUT'] as const)
    for (const connections of [1, 16, 64]) {
      const cpu: [number[], number[]] = [[], []];
      const [ours, ceiling] = await sideBySide(
        async () => {
          const r = await wrk(emulator, method, connections, script);
          cpu[0].push(r.cpuUs);
          return r.rps;
        },
        async () => {
          const r = await wrk(canned, method, connections, script);
          cpu[1].push(r.cpuUs);
          return r.rps;
        },
      );
      report({
        measure: `serve, ${method}, ${connections} connection${connections > 1 ? 's' : ''}`,
        figure: `${fmt(ours, 0)} req/s (${fmt(median(cpu[0]), 0)} µs CPU/req)`,
        reference: `${fmt(ceiling, 0)} req/s canned (${fmt(median(cpu[1]), 0)} µs)`,
        ratio: fmt(ours / ceiling, 2),
        goal: '≥ 0.8',
      });
    }
}

async function throughSdk(canned: Started, emulator: Started, moto: Started | undefined): Promise<void> {
  console.log('through @aws-sdk/client-lambda, sequential Put + Get');
  const calls = String(QUICK ? 200 : 1_000);
  const [ours, ceiling] = await sideBySide(
    () => probe(['put-get', calls, emulator.url], 'load'),
    () => probe(['put-get', calls, canned.url], 'load'),
  );
  report({ measure: 'SDK Put+Get, HTTP emulator', figure: `${fmt(ours, 0)} µs`, reference: `${fmt(ceiling, 0)} µs canned`, ratio: fmt(ceiling / ours, 2), goal: '≥ 0.85 of the canned speed' });
  if (moto) {
    const [again, viaMoto] = await sideBySide(
      () => probe(['put-get', calls, emulator.url], 'load'),
      () => probe(['put-get', String(Number(calls) / 5), moto.url], 'load'),
    );
    report({
      measure: 'SDK Put+Get, HTTP emulator vs moto',
      figure: `${fmt(again, 0)} µs`,
      reference: `${fmt(viaMoto, 0)} µs moto_server`,
      ratio: `${fmt(viaMoto / again, 1)}× faster`,
      goal: 'faster than moto',
    });
  }
}

async function mocks(): Promise<void> {
  console.log('mock transports, per GetFunctionEventInvokeConfig (each in its own process)');
  const calls = String(CALLS);
  const [mock, stub] = await sideBySide(
    () => probe(['mock-lambda', calls]),
    () => probe(['stub', calls]),
  );
  report({ measure: 'mockLambda()', figure: `${fmt(mock)} µs`, reference: `${fmt(stub)} µs bare .resolves() stub`, ratio: fmt(mock / stub, 2), goal: '≤ 1.5×' });
  const [intercept, http] = await sideBySide(
    () => probe(['intercept', String(CALLS / 2)]),
    () => probe(['http', calls]),
  );
  report({ measure: 'interceptLambda() (nock)', figure: `${fmt(intercept)} µs`, reference: `${fmt(http)} µs HTTP emulator`, ratio: fmt(intercept / http, 2), goal: '≤ 1.5×' });
  // nock's floor: the same answer, canned, through the same nock and SDK. What interceptLambda adds is ours.
  const [again, floor] = await sideBySide(
    () => probe(['intercept', String(CALLS / 2)]),
    () => probe(['nock-canned', String(CALLS / 2)]),
  );
  report({ measure: 'interceptLambda() vs nock alone', figure: `${fmt(again)} µs`, reference: `${fmt(floor)} µs nock replying a canned answer`, ratio: fmt(again / floor, 2), goal: '—' });
}

async function wholeSuite(): Promise<void> {
  console.log('the whole suite, embedded (median of runs after a warm-up run)');
  const runs = String(QUICK ? 1 : 3);
  const [inProcess, overHttp] = await sideBySide(
    () => probe(['suite-in-process', runs]),
    () => probe(['suite-http', runs]),
  );
  report({ measure: 'whole suite, in-process target', figure: `${fmt(inProcess, 0)} ms`, reference: 'goal 1000 ms', ratio: fmt(inProcess / 1000, 2), goal: '< 1 s' });
  report({
    measure: 'whole suite, embedded over loopback HTTP (`lambda-eic run`)',
    figure: `${fmt(overHttp, 0)} ms`,
    reference: `${fmt(inProcess, 0)} ms in-process`,
    ratio: fmt(overHttp / inProcess, 2),
    goal: '—',
  });
}

const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

console.log(
  `lambda-eic bench: ${ROUNDS} interleaved round(s), medians; node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (wanted('scaling')) await scaling();
if (wanted('startup')) await startup();
if (wanted('http')) {
  console.log(`processes: ${PINNING}`);
  const canned = await startListening(...pinned('server', process.execPath, [CANNED]));
  const emulator = await startListening(...pinned('server', process.execPath, [BIN, 'serve', '--port', '0']));
  let moto: Started | undefined;
  try {
    await seedOverHttp(emulator.url);
    if (spawnSync('wrk', ['--version']).error === undefined) await rawHttp(canned, emulator);
    else console.log('raw HTTP: SKIPPED, wrk is not installed (apt-get install wrk)');
    if (has('moto_server', ['--help'])) moto = await startListening(...pinned('server', 'moto_server', ['-H', '127.0.0.1', '-p', String(await freePort())]));
    else console.log('moto: SKIPPED, moto_server is not installed');
    await throughSdk(canned, emulator, moto);
  } finally {
    for (const s of [canned, emulator, moto]) if (s) await stop(s.child);
  }
}
if (wanted('mocks')) await mocks();
if (wanted('suite')) await wholeSuite();

console.log(`\n| measure | figure | reference | ratio | goal |\n|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.measure} | ${r.figure} | ${r.reference} | ${r.ratio} | ${r.goal} |`);
console.log(
  `\nload average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
