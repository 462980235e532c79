/**
 * Per-call cost of each way to fake Lambda in a test, one GetFunctionEventInvokeConfig at a time:
 * a bare aws-sdk-client-mock `.resolves()` stub, `mockLambda()`, the embedded HTTP emulator
 * (`startServer`) and `interceptLambda()` (nock). Run with `npm run build && node dist/scripts/bench-mocks.js [calls]`.
 * nock is imported last: once loaded it intercepts every request, the server's included.
 */
import { GetFunctionEventInvokeConfigCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { performance } from 'node:perf_hooks';
import { mockLambda } from '../src/adapters/client-mock.js';
import { createModelCore, type LambdaModelHandle } from '../src/adapters/handle.js';
import { startServer } from '../src/http/server.js';

const CALLS = Number(process.argv[2] ?? 3000);
const WARMUP = Math.min(300, CALLS);
const ROUNDS = 3;
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const command = () => new GetFunctionEventInvokeConfigCommand({ FunctionName: 'bench' });

interface Row {
  readonly name: string;
  readonly calls: number;
  readonly perCallUs: number;
}

/** Microseconds per sequential call: the best of ROUNDS rounds (least disturbed by other load), after a warm-up. */
async function measure(name: string, client: LambdaClient, calls = CALLS): Promise<Row> {
  for (let i = 0; i < WARMUP; i++) await client.send(command());
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await client.send(command());
    best = Math.min(best, ((performance.now() - start) * 1000) / calls);
  }
  return { name, calls, perCallUs: best };
}

function seed(handle: LambdaModelHandle): void {
  handle.seedFunction('bench');
  handle.seedConfig('bench', { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600 });
}

/**
 * Runs every measurement and prints the table.
 * @example node dist/scripts/bench-mocks.js 3000
 */
export async function main(): Promise<void> {
  const rows: Row[] = [];

  const bare = mockClient(LambdaClient);
  bare.on(GetFunctionEventInvokeConfigCommand).resolves({ MaximumRetryAttempts: 1, $metadata: {} });
  rows.push(await measure('aws-sdk-client-mock .resolves()', new LambdaClient({ region: 'us-east-1' })));
  bare.restore();

  const lambda = mockLambda();
  seed(lambda);
  rows.push(await measure('mockLambda()', new LambdaClient({ region: 'us-east-1' })));
  lambda.restore();

  const server = await startServer();
  seed(createModelCore({ emulator: server.emulator }));
  const serverClient = new LambdaClient({ region: 'us-east-1', endpoint: server.url, credentials });
  rows.push(await measure('startServer() over node:http', serverClient));

  const { interceptLambda } = await import('../src/adapters/nock.js');
  const nocked = interceptLambda();
  seed(nocked);
  rows.push(await measure('interceptLambda() (nock, node:http)', new LambdaClient({ region: 'us-east-1', credentials })));
  rows.push(await measure('startServer() again, nock loaded (pass-through)', serverClient));
  nocked.restore();
  await server.close();

  const base = rows[0]!.perCallUs;
  const viaServer = rows[2]!.perCallUs;
  console.log(`\nper-call cost: ${CALLS} sequential GetFunctionEventInvokeConfig calls, best of ${ROUNDS} rounds (warm-up ${WARMUP}), node ${process.version}\n`);
  console.log(`${'transport'.padEnd(48)} ${'µs/call'.padStart(9)} ${'× bare stub'.padStart(12)} ${'× server'.padStart(9)}`);
  for (const row of rows)
    console.log(`${row.name.padEnd(48)} ${row.perCallUs.toFixed(1).padStart(9)} ${(row.perCallUs / base).toFixed(1).padStart(12)} ${(row.perCallUs / viaServer).toFixed(2).padStart(9)}`);
}

await main();
