/**
 * Benchmarks (run with `npm run bench`): the whole suite against the embedded emulator, the model's
 * cost per operation, and one SDK call to the HTTP emulator. Figures go to the README.
 */
import { GetFunctionEventInvokeConfigCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { fixedContext } from '../src/model/context.js';
import { Emulator } from '../src/model/emulator.js';
import { startServer } from '../src/http/server.js';
import { runScenarios } from '../runners/engine/run.js';
import { embeddedTarget } from '../runners/targets/embedded.js';
import { deploymentPackage } from '../src/arrange/deployment-package.js';
import { ALL_SCENARIOS } from '../suites/index.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function wholeSuite(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const target = await embeddedTarget({ region: 'us-east-1', runPrefix: `bench-${i}` });
    const results = await runScenarios(target, await target.connect(), ALL_SCENARIOS, { runPrefix: `bench-${i}`, concurrency: 4 });
    await target.dispose();
    if (results.some((r) => r.status === 'failed')) throw new Error('the suite failed against the embedded emulator');
    times.push(performance.now() - started);
  }
  return times;
}

function modelOps(iterations: number): { put: number; get: number } {
  const emulator = new Emulator();
  const ctx = fixedContext(1_700_000_000_000);
  emulator.invoke('CreateFunction', { FunctionName: 'f', Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: deploymentPackage() } }, ctx);
  const time = (fn: () => void) => {
    const started = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    return ((performance.now() - started) * 1000) / iterations;
  };
  return {
    put: time(() => emulator.invoke('PutFunctionEventInvokeConfig', { FunctionName: 'f', MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:q' } } }, ctx)),
    get: time(() => emulator.invoke('GetFunctionEventInvokeConfig', { FunctionName: 'f' }, ctx)),
  };
}

async function httpCalls(iterations: number): Promise<number> {
  const server = await startServer();
  const client = new LambdaClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
  const call = () => client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' })).catch(() => undefined);
  for (let i = 0; i < 50; i++) await call();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await call();
  const perCall = ((performance.now() - started) * 1000) / iterations;
  client.destroy();
  await server.close();
  return perCall;
}

const suite = await wholeSuite(5);
const ops = modelOps(20_000);
const http = await httpCalls(1_000);
console.log(`whole suite (${ALL_SCENARIOS.length} scenarios) against the embedded emulator: median ${(median(suite) / 1000).toFixed(2)} s of 5 runs (min ${(Math.min(...suite) / 1000).toFixed(2)} s, max ${(Math.max(...suite) / 1000).toFixed(2)} s)`);
console.log(`model, per operation: Put ${ops.put.toFixed(1)} µs, Get ${ops.get.toFixed(1)} µs`);
console.log(`HTTP emulator through @aws-sdk/client-lambda, per call (404 Get): ${http.toFixed(0)} µs`);
