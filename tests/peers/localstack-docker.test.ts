/**
 * The suite against LocalStack in a container (testcontainers). Where no Docker engine answers
 * (as on these machines), this is found in milliseconds and the test is skipped with a clear message.
 */
import type { StartedLocalStackContainer } from '@testcontainers/localstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarios } from '../../runners/engine/run.js';
import { dockerAvailable } from '../../runners/targets/docker.js';
import { httpTarget } from '../../runners/targets/http-target.js';
import { ALL_SCENARIOS } from '../../suites/index.js';

const started = performance.now();
const docker = await dockerAvailable();
const probeMs = Math.round(performance.now() - started);
if (!docker) console.warn(`\n*** No Docker engine answered (checked in ${probeMs} ms): the LocalStack container test is SKIPPED ***\n`);

describe('docker detection', () => {
  it('answers within a second, whatever the machine', () => {
    expect(probeMs).toBeLessThan(1000);
  });
});

describe.skipIf(!docker)('the suite against LocalStack (testcontainers)', () => {
  let container: StartedLocalStackContainer;
  beforeAll(async () => {
    const { LocalstackContainer } = await import('@testcontainers/localstack');
    container = await new LocalstackContainer('localstack/localstack:3.8').start();
  }, 180_000);
  afterAll(async () => {
    await container?.stop();
  });

  it('runs every scenario to the end', async () => {
    const target = httpTarget({ label: 'localstack', endpoint: container.getConnectionUri(), region: 'us-east-1', runPrefix: 'eic-ls' });
    try {
      const results = await runScenarios(target, await target.connect(), ALL_SCENARIOS, { runPrefix: 'eic-ls', concurrency: 4 });
      expect(results).toHaveLength(ALL_SCENARIOS.length);
      expect(results.filter((r) => r.status === 'passed').length).toBeGreaterThan(0);
    } finally {
      await target.dispose();
    }
  }, 300_000);
});
