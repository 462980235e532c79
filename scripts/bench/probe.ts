/**
 * One measurement in a process of its own (`npm run bench` starts one per measurement and round,
 * so nock's interception, JIT state and garbage never leak from one figure into another). Prints
 * one JSON line: `{ "value": <number> }` in the unit the kind states.
 *
 *   node dist/scripts/bench/probe.js stub 2000            µs per Get, bare aws-sdk-client-mock `.resolves()`
 *   node dist/scripts/bench/probe.js mock-lambda 2000     µs per Get, mockLambda()
 *   node dist/scripts/bench/probe.js intercept 2000       µs per Get, interceptLambda() (nock)
 *   node dist/scripts/bench/probe.js nock-canned 2000     µs per Get, nock replying a canned answer (nock's own floor)
 *   node dist/scripts/bench/probe.js http 2000            µs per Get, the HTTP emulator (startServer) in this process
 *   node dist/scripts/bench/probe.js put-get 500 URL      µs per sequential Put+Get through the SDK to URL
 *   node dist/scripts/bench/probe.js suite-in-process 3   ms for the whole suite, in-process target (median)
 *   node dist/scripts/bench/probe.js suite-http 3         ms for the whole suite, embedded over loopback HTTP (median)
 */
import { CreateFunctionCommand, GetFunctionEventInvokeConfigCommand, LambdaClient, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import type { LambdaModelHandle } from '../../src/adapters/handle.js';
import { runScenarios } from '../../runners/engine/run.js';
import { embeddedTarget } from '../../runners/targets/embedded.js';
import { inProcessTarget } from '../../runners/targets/in-process.js';
import type { Target } from '../../runners/targets/target.js';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';
import { ALL_SCENARIOS } from '../../suites/index.js';

const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' };
const get = () => new GetFunctionEventInvokeConfigCommand({ FunctionName: 'bench' });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** µs per call of `call`, after a warm-up of a tenth as many. */
async function perCall(calls: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.max(50, calls / 10); i++) await call();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call();
  return ((performance.now() - started) * 1000) / calls;
}

/** µs per Get through a client the mock transport answers, with the config seeded. */
function getsThrough(handle: LambdaModelHandle, calls: number): Promise<number> {
  handle.seedFunction('bench');
  handle.seedConfig('bench', { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600 });
  const client = new LambdaClient({ region: 'us-east-1', credentials });
  return perCall(calls, () => client.send(get()));
}

async function putGet(calls: number, url: string): Promise<number> {
  const client = new LambdaClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
  const iam = new IAMClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
  const made = await iam
    .send(
      new CreateRoleCommand({
        RoleName: 'bench',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      }),
    )
    .catch(() => undefined);
  iam.destroy();
  const Role = made?.Role?.Arn ?? 'arn:aws:iam::123456789012:role/bench';
  await client.send(new CreateFunctionCommand({ FunctionName: 'bench', Role, Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: deploymentPackage() } })).catch(() => undefined);
  const value = await perCall(calls, async () => {
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'bench', MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600 }));
    await client.send(get());
  });
  client.destroy();
  return value;
}

async function suite(runs: number, make: (runPrefix: string) => Promise<Target>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const target = await make(`bench-${i}`);
    const results = await runScenarios(target, await target.connect(), ALL_SCENARIOS, { runPrefix: `bench-${i}`, concurrency: 4 });
    await target.dispose();
    if (results.some((r) => r.status === 'failed')) throw new Error('the suite failed against the embedded emulator');
    // The first run warms the JIT and is left out.
    if (i > 0) times.push(performance.now() - started);
  }
  return median(times);
}

async function measure(kind: string, count: number, url: string | undefined): Promise<number> {
  switch (kind) {
    case 'stub': {
      const { mockClient } = await import('aws-sdk-client-mock');
      mockClient(LambdaClient).on(GetFunctionEventInvokeConfigCommand).resolves({ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600, $metadata: {} });
      const client = new LambdaClient({ region: 'us-east-1', credentials });
      return perCall(count, () => client.send(get()));
    }
    case 'mock-lambda':
      return getsThrough((await import('../../src/adapters/client-mock.js')).mockLambda(), count);
    case 'intercept':
      return getsThrough((await import('../../src/adapters/nock.js')).interceptLambda(), count);
    case 'nock-canned': {
      // The same answer interceptLambda gives, computed once: what is left is nock and the SDK.
      const { createModelCore } = await import('../../src/adapters/handle.js');
      const core = createModelCore({});
      core.seedFunction('bench');
      core.seedConfig('bench', { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600 });
      const answer = core.answer({ method: 'GET', url: '/2019-09-25/functions/bench/event-invoke-config', headers: {}, body: Buffer.alloc(0) });
      const { default: nock } = await import('nock');
      nock('https://lambda.us-east-1.amazonaws.com')
        .persist()
        .get(() => true)
        .reply(() => [answer.status, answer.body, answer.headers]);
      const client = new LambdaClient({ region: 'us-east-1', credentials });
      return perCall(count, () => client.send(get()));
    }
    case 'http': {
      const { startServer } = await import('../../src/http/server.js');
      const { createModelCore } = await import('../../src/adapters/handle.js');
      const server = await startServer();
      const core = createModelCore({ emulator: server.emulator });
      core.seedFunction('bench');
      core.seedConfig('bench', { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600 });
      const client = new LambdaClient({ region: 'us-east-1', endpoint: server.url, credentials });
      const value = await perCall(count, () => client.send(get()));
      client.destroy();
      await server.close();
      return value;
    }
    case 'put-get':
      if (!url) throw new Error('put-get needs a URL');
      return putGet(count, url);
    case 'suite-in-process':
      return suite(count, (runPrefix) => inProcessTarget({ region: 'us-east-1', runPrefix }));
    case 'suite-http':
      return suite(count, (runPrefix) => embeddedTarget({ region: 'us-east-1', runPrefix }));
    default:
      throw new Error(`unknown probe ${kind}`);
  }
}

const [kind = '', count = '1000', url] = process.argv.slice(2);
console.log(JSON.stringify({ value: await measure(kind, Number(count), url) }));
process.exit(0);
