/**
 * Generates the consumer contracts: every fixture (docs, aws, spec) becomes a PactV4 interaction, each
 * run through the Pact mock server as a consumer test (the request is made on the wire and must
 * match), then the pact file is written in its committed, stable form.
 *
 *   lambda-eic contracts [--out DIR]      (default: contracts/pacts; runners/commands/contracts.ts)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PactV4, SpecificationVersion, type V3MockServer } from '@pact-foundation/pact';
import { loadFixtures, packageRoot, type Fixture } from '../cases/fixtures.js';
import { toInteraction, type ContractInteraction } from './interactions.js';
import { stablePact } from './pact-file.js';
import { CONSUMER, PACT_FILE, PROVIDER } from './values.js';

export interface GenerateOptions {
  /** Where the pact file goes (default contracts/pacts). */
  readonly outDir?: string;
  /** Default: every fixture, docs, aws, then spec. */
  readonly fixtures?: readonly Fixture[];
}

export interface Generated {
  readonly file: string;
  readonly interactions: number;
}

/**
 * Makes the interaction's request against the mock server, as a consumer would, on a connection
 * of its own (`agent: false`): no pooled socket outlives the interaction's mock server.
 */
async function callMock(mock: V3MockServer, interaction: ContractInteraction, settleMs: number): Promise<void> {
  const { method, path, query, headers, body } = interaction.request;
  const search = new URLSearchParams(query).toString();
  const payload = body ? JSON.stringify(body) : undefined;
  await new Promise<void>((resolve, reject) => {
    const req = httpRequest(
      `${mock.url}${path}${search ? `?${search}` : ''}`,
      { method, agent: false, headers: { ...headers, ...(payload ? { 'Content-Length': Buffer.byteLength(payload) } : {}) } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === interaction.response.status
            ? resolve()
            : reject(new Error(`${interaction.description}: the mock answered ${res.statusCode}, the contract says ${interaction.response.status}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
}

/** Adds one interaction to the pact by running it as a consumer test on its own mock server. */
async function record(pact: PactV4, interaction: ContractInteraction, settleMs: number): Promise<void> {
  let builder = pact.addInteraction();
  for (const state of interaction.states) builder = builder.given(state.name, state.params as never);
  await builder
    .uponReceiving(interaction.description)
    .withRequest(interaction.request.method, interaction.request.path, (req) => {
      if (Object.keys(interaction.request.query).length > 0) req.query(interaction.request.query);
      if (Object.keys(interaction.request.headers).length > 0) req.headers(interaction.request.headers);
      if (interaction.request.body) req.jsonBody(interaction.request.body);
    })
    .willRespondWith(interaction.response.status, (res) => {
      res.headers(interaction.response.headers as never);
      if (interaction.response.body !== undefined) res.jsonBody(interaction.response.body);
    })
    .executeTest((mock) => callMock(mock, interaction, settleMs));
}

/**
 * The Pact mock server records a match on a channel after it has answered, so under load it can
 * report "expected but not received" for a request it matched (pact-foundation/pact-core-mock-server#13,
 * pact-js#1835). Only that failure is retried, on a new mock server and with more time for the
 * core to record the match; nothing is written until an attempt passes.
 */
async function recordWithRetry(pact: PactV4, interaction: ContractInteraction, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await record(pact, interaction, (attempt - 1) * 50);
    } catch (error) {
      const raced = error instanceof Error && /expected but not received/.test(error.message);
      if (!raced || attempt >= attempts) throw error;
    }
  }
}

/**
 * Writes the pact file for the fixtures and returns where and how many interactions.
 * @example const { file, interactions } = await generateContracts({ outDir: '/tmp/pacts' });
 */
export async function generateContracts(options: GenerateOptions = {}): Promise<Generated> {
  const fixtures = options.fixtures ?? [...loadFixtures('docs'), ...loadFixtures('aws'), ...loadFixtures('spec')];
  const outDir = options.outDir ?? join(packageRoot(), 'contracts', 'pacts');
  // Pact merges into an existing file, so it writes into a fresh directory; only the result is kept.
  const work = mkdtempSync(join(tmpdir(), 'lambda-eic-pact-'));
  try {
    const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: work, spec: SpecificationVersion.SPECIFICATION_VERSION_V4, logLevel: 'error' });
    for (const fixture of fixtures) await recordWithRetry(pact, toInteraction(fixture));
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, PACT_FILE);
    writeFileSync(file, stablePact(readFileSync(join(work, PACT_FILE), 'utf8')));
    return { file, interactions: fixtures.length };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
