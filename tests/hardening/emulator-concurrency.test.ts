/**
 * 16 clients make 1,000 mixed calls at once (Put, Update, Get, List, and calls that must fail) on
 * four configs. Every write's answer echoes what it wrote (no lost update), and every config's
 * history is linearizable: each read returns a write that began before the read ended and that no
 * other write had certainly replaced before the read began, and reads never go back in time.
 */
import {
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { arrange } from '../support/arrange.js';
import { lambdaClient } from '../support/client.js';

const CLIENTS = 16;
const CALLS = 1_000;
const FUNCTIONS = ['lin-a', 'lin-b'];
const QUALIFIERS = ['$LATEST', 'live'];
const CONFIGS = FUNCTIONS.flatMap((f) => QUALIFIERS.map((q) => `${f}:${q}`));

interface Op {
  readonly config: string;
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

let server: RunningServer;
const clients: LambdaClient[] = [];
beforeAll(async () => {
  server = await startServer();
  const setup = lambdaClient(server.url);
  for (const f of FUNCTIONS) await arrange(setup, f, { versions: 1, aliases: { live: '1' } });
  for (const c of CONFIGS) {
    const [FunctionName, Qualifier] = c.split(':');
    await setup.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, Qualifier, MaximumEventAgeInSeconds: 60 }));
  }
  setup.destroy();
  for (let i = 0; i < CLIENTS; i++) clients.push(lambdaClient(server.url));
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe('concurrent mixed calls', () => {
  it(`${CLIENTS} clients, ${CALLS} calls: no lost update, a linearizable history per config`, async () => {
    const writes: Op[] = CONFIGS.map((config) => ({ config, value: 60, start: -1, end: -1 }));
    const reads: Op[] = [];
    const errors: Record<string, number> = {};
    const unexpected: string[] = [];
    const echoes: string[] = [];
    let nextValue = 61;
    let issued = 0;
    const rand = random(9);
    const pickConfig = () => CONFIGS[Math.floor(rand() * CONFIGS.length)]!;

    const one = async (client: LambdaClient) => {
      const roll = rand();
      const config = pickConfig();
      const [FunctionName, Qualifier] = config.split(':') as [string, string];
      const start = performance.now();
      try {
        if (roll < 0.35 || (roll >= 0.35 && roll < 0.5)) {
          const value = nextValue++;
          const out =
            roll < 0.35
              ? await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName, Qualifier, MaximumEventAgeInSeconds: value }))
              : await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, Qualifier, MaximumEventAgeInSeconds: value, MaximumRetryAttempts: 1 }));
          writes.push({ config, value, start, end: performance.now() });
          if (out.MaximumEventAgeInSeconds !== value) echoes.push(`${config} wrote ${value}, answer says ${out.MaximumEventAgeInSeconds}`);
        } else if (roll < 0.8) {
          const out = await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName, Qualifier }));
          reads.push({ config, value: out.MaximumEventAgeInSeconds!, start, end: performance.now() });
        } else if (roll < 0.9) {
          const out = await client.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName }));
          const end = performance.now();
          for (const item of out.FunctionEventInvokeConfigs ?? []) {
            const qualifier = item.FunctionArn!.split(':').at(-1)!;
            reads.push({ config: `${FunctionName}:${qualifier}`, value: item.MaximumEventAgeInSeconds!, start, end });
          }
        } else if (roll < 0.95) {
          await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'lin-missing' }));
          unexpected.push('Get on a missing function succeeded');
        } else {
          await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName, Qualifier, MaximumEventAgeInSeconds: 5 }));
          unexpected.push('Update with MaximumEventAgeInSeconds 5 succeeded');
        }
      } catch (error) {
        const e = error as { name: string; $metadata?: { httpStatusCode?: number } };
        const kind = `${e.$metadata?.httpStatusCode ?? 'no answer'} ${e.name}`;
        errors[kind] = (errors[kind] ?? 0) + 1;
        if (roll < 0.9 || !['404 ResourceNotFoundException', '400 ValidationException'].includes(kind)) unexpected.push(kind);
      }
    };
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        while (issued < CALLS) {
          issued++;
          await one(client);
        }
      }),
    );
    const ms = performance.now() - started;

    const writeOf = new Map(writes.map((w) => [`${w.config}=${w.value}`, w]));
    const violations: string[] = [];
    for (const r of reads) {
      const w = writeOf.get(`${r.config}=${r.value}`);
      if (!w) {
        violations.push(`${r.config}: read ${r.value}, which no write wrote`);
        continue;
      }
      if (w.start > r.end) violations.push(`${r.config}: read ${r.value} before it was written`);
      const replaced = writes.find((w2) => w2 !== w && w2.config === r.config && w2.start > w.end && w2.end < r.start);
      if (replaced) violations.push(`${r.config}: read ${r.value}, though ${replaced.value} had certainly replaced it`);
    }
    for (const config of CONFIGS) {
      const ordered = reads.filter((r) => r.config === config).sort((a, b) => a.start - b.start);
      for (let i = 0; i < ordered.length; i++)
        for (let j = i + 1; j < ordered.length; j++) {
          const [r1, r2] = [ordered[i]!, ordered[j]!];
          if (r1.end >= r2.start) continue;
          const [w1, w2] = [writeOf.get(`${config}=${r1.value}`), writeOf.get(`${config}=${r2.value}`)];
          if (w1 && w2 && w2.end < w1.start) violations.push(`${config}: read ${r2.value} after reading the later ${r1.value}`);
        }
    }
    // The final state: a write that nothing certainly replaced.
    const lambda = clients[0]!;
    for (const config of CONFIGS) {
      const [FunctionName, Qualifier] = config.split(':');
      const last = (await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName, Qualifier }))).MaximumEventAgeInSeconds!;
      const w = writeOf.get(`${config}=${last}`);
      if (!w || writes.some((w2) => w2.config === config && w2.start > w.end)) violations.push(`${config}: final value ${last} is not the last write`);
    }

    console.log(
      `concurrency battery: ${CALLS} calls by ${CLIENTS} clients in ${Math.round(ms)} ms; ${writes.length - CONFIGS.length} writes, ${reads.length} reads; errors by kind ${JSON.stringify(errors)}; unexpected ${unexpected.length}; violations ${violations.length}`,
    );
    expect(issued).toBe(CALLS);
    expect(echoes).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(violations).toEqual([]);
    expect(Object.keys(errors).sort()).toEqual(['400 ValidationException', '404 ResourceNotFoundException']);
  }, 60_000);
});
