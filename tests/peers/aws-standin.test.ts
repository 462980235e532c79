/**
 * `--target aws` and `cleanup` against stand-ins for a real account: Lambda is the emulator with
 * the AWS realism profile (Pending/InProgress with the recorded 409, a new role refused for a
 * while, the 429 above the quota, SigV4 checked), IAM and STS are moto_server, reached through
 * AWS_ENDPOINT_URL_<SERVICE>. Every test ends by asserting that nothing is left behind.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaClient, CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { destinationNames } from '../../runners/targets/aws/destinations.js';
import { serviceEndpoint } from '../../runners/targets/aws/endpoints.js';
import { Iam } from '../../runners/targets/aws/sts-iam.js';
import { jsonCall } from '../../runners/targets/aws/aws-call.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { STANDIN_ACCOUNT, hasMoto, runCli, startStandIns, type StandIns } from '../support/standins.js';

if (!hasMoto) console.warn('\n*** moto_server is not installed: the --target aws stand-in tests are SKIPPED (pip install "moto[server]") ***\n');

const TOTAL = ALL_SCENARIOS.length;
const inSuites = (...suites: string[]) => ALL_SCENARIOS.filter((s) => suites.includes(s.suite)).length;
/** The run's destinations: the five the policy covers and the two it leaves out. */
const DESTINATIONS = Object.keys(destinationNames('eic-x', STANDIN_ACCOUNT)).length;
const FIXTURES = readdirSync('fixtures/aws').filter((f) => f.endsWith('.json')).length;

const expectNothingLeftIn = async (standIns: StandIns) => expect(await standIns.leftovers()).toEqual({ functions: [], roles: [], destinations: [] });

/** Fast timings; the role delay is long enough that the runner must retry CreateFunction. */
const TIMINGS = { pendingMs: 150, updateMs: 150, roleDelayMs: 1_200, policyDelayMs: 2_500 };

describe.skipIf(!hasMoto)('--target aws against stand-ins (realism emulator + moto_server)', () => {
  let standIns: StandIns;
  let out: string;

  beforeAll(async () => {
    standIns = await startStandIns({ ...TIMINGS, rps: 40 });
  });
  afterAll(async () => standIns?.stop());
  beforeEach(async () => {
    await standIns.reset();
    out = mkdtempSync(join(tmpdir(), 'lambda-eic-aws-'));
  });

  const run = (args: string[], interrupt?: Parameters<typeof runCli>[2]) => runCli(['run', '--target', 'aws', '--output-dir', out, ...args], standIns.env(), interrupt);

  const expectNothingLeft = () => expectNothingLeftIn(standIns);

  it('runs the whole suite: arranged, waited for, cleaned up, every scenario passed', async () => {
    const result = await run(['--allow-account', STANDIN_ACCOUNT, '--max-rps', '30', '--reporter', 'console,json']);
    // Every scenario passed but those whose checks all need an injected fault, which a real account cannot give (skipped, with that reason).
    const counts = new RegExp(`PASS: ${TOTAL} scenarios, (\\d+) passed, 0 failed, 0 advisory, 0 known, 0 fixed, (\\d+) skipped`).exec(result.stdout);
    expect(counts, result.stdout.slice(-2000)).not.toBeNull();
    expect(Number(counts![1]) + Number(counts![2])).toBe(TOTAL);
    expect(result.code).toBe(0);
    // The permissions group ran (the target checks IAM) and met the recorded refusal.
    const report = JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8')) as { results: Array<{ suite: string; status: string; skipReason?: string }> };
    for (const skipped of report.results.filter((r) => r.status === 'skipped')) expect(skipped.skipReason).toMatch(/inject faults/);
    const permissions = report.results.filter((r) => r.suite === 'permissions');
    expect(permissions.length).toBe(inSuites('permissions'));
    expect(permissions.every((r) => r.status === 'passed')).toBe(true);
    expect(result.stderr).toMatch(/creating the run's execution role eic-[0-9a-f]{6}-role/);
    expect(result.stderr).toContain("creating the run's destinations");
    expect(result.stderr).toContain('waiting for the delivery policy to take effect');
    // The runner met the role refusal, the Pending state and the waits, and got through them.
    expect(standIns.realism.calls.filter((c) => c === 'CreateFunction').length).toBeGreaterThan(ALL_SCENARIOS.reduce((n, s) => n + (s.given?.functions.length ?? 0), 1));
    expect(standIns.realism.calls).toContain('GetFunction');
    expect(standIns.realism.calls).toContain('GetFunctionConfiguration');
    await expectNothingLeft();
    expect(JSON.parse(readFileSync(join(out, 'lambda-eic-ledger.json'), 'utf8'))).toEqual({ resources: [] });
  }, 180_000);

  it('--plan prints account, region and what would be created, and writes nothing', async () => {
    const result = await run(['--plan']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`account ${STANDIN_ACCOUNT}`);
    expect(result.stdout).toContain('region us-east-1');
    expect(result.stdout).toMatch(new RegExp(`then \\d+ functions eic-[0-9a-f]{6}-<n> for ${TOTAL} scenarios`));
    expect(standIns.realism.calls).toEqual([]);
    await expectNothingLeft();
  });

  it('refuses a mismatched --allow-account, and a missing one, before any write', async () => {
    const wrong = await run(['--allow-account', '111122223333']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`the credentials are for account ${STANDIN_ACCOUNT}`);
    expect(wrong.stderr).toContain('but --allow-account says 111122223333; nothing was created');
    const missing = await run([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`pass --allow-account ${STANDIN_ACCOUNT}`);
    expect(standIns.realism.calls).toEqual([]);
    await expectNothingLeft();
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    it(`${signal} mid-run tears everything down and exits ${code}`, async () => {
      let sawRole = false;
      const result = await run(['--allow-account', STANDIN_ACCOUNT, '--max-rps', '10'], {
        when: /scenarios against aws[\s\S]*\.\.\./,
        act: (child) => {
          void standIns.leftovers().then((l) => {
            sawRole = l.roles.length === 1 && l.destinations.length === DESTINATIONS;
            child.kill(signal);
          });
        },
      });
      expect(result.stderr).toContain(`received ${signal}: deleting what the run created`);
      expect(result.stderr).toContain('teardown complete, nothing left behind');
      expect(result.code).toBe(code);
      expect(sawRole).toBe(true);
      await expectNothingLeft();
    }, 120_000);

  it('a run that hits its --timeout tears down and exits 2', async () => {
    const result = await run(['--allow-account', STANDIN_ACCOUNT, '--max-rps', '10', '--timeout', '5s']);
    expect(result.stderr).toContain('the run exceeded --timeout (5 s)');
    expect(result.code).toBe(2);
    await expectNothingLeft();
  }, 120_000);

  it('a run with conformance failures still cleans up', async () => {
    standIns.lambda.emulator.faults.add({ operation: 'GetFunctionEventInvokeConfig', kind: 'service', times: 1_000 });
    const result = await run(['--allow-account', STANDIN_ACCOUNT, '--suite', 'merge', '--max-rps', '30']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`FAIL: ${inSuites('merge')} scenarios, \\d+ passed, [1-9]\\d* failed`));
    await expectNothingLeft();
  }, 120_000);

  it('a 429 on a judged step is retried and reported as a retry, never a failure', async () => {
    standIns.lambda.emulator.layer = new (standIns.realism.constructor as typeof import('../support/standins.js').CountingRealism)({ ...standIns.realism.options, rps: 15 });
    try {
      const result = await run(['--allow-account', STANDIN_ACCOUNT, '--suite', 'merge,pagination', '--max-rps', '60', '--reporter', 'console,json']);
      expect(result.stdout).toContain(`PASS: ${inSuites('merge', 'pagination')} scenarios, ${inSuites('merge', 'pagination')} passed, 0 failed`);
      expect(result.stdout).toMatch(/\d+ judged requests were throttled \(429\) and retried/);
      const report = JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8')) as { results: Array<{ retries?: number }> };
      expect(report.results.some((r) => (r.retries ?? 0) > 0)).toBe(true);
      expect(result.code).toBe(0);
    } finally {
      standIns.lambda.emulator.layer = standIns.realism;
    }
    await expectNothingLeft();
  }, 120_000);
});

describe.skipIf(!hasMoto)('lambda-eic cleanup against stand-ins', () => {
  let standIns: StandIns;
  beforeAll(async () => {
    standIns = await startStandIns({ ...TIMINGS, roleDelayMs: 0 });
  });
  afterAll(async () => standIns?.stop());

  it('sweeps planted leftovers by tag and prefix, older than the cut-off, and nothing else', async () => {
    const env = standIns.env();
    const iam = new Iam(serviceEndpoint('iam', 'us-east-1', env), async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' }));
    const old = { 'lambda-eic:run': 'eic-0ld000', 'lambda-eic:created': '2026-01-01T00:00:00.000Z' };
    const fresh = { 'lambda-eic:run': 'eic-fre5h0', 'lambda-eic:created': new Date().toISOString() };
    const role = await iam.createRole('eic-0ld000-role', old);
    await iam.createRole('eic-fre5h0-role', fresh);
    await iam.createRole('eic-not-ours', {});
    const lambda = new LambdaClient({ endpoint: standIns.lambda.url, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const zip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    for (const [name, Tags] of [
      ['eic-0ld000-1', old],
      ['eic-0ld000-2', old],
      ['eic-fre5h0-1', fresh],
      ['eic-untagged', undefined],
    ] as const)
      await lambda.send(new CreateFunctionCommand({ FunctionName: name, Role: role, Runtime: 'provided.al2023', Handler: 'x', Code: { ZipFile: zip }, ...(Tags ? { Tags } : {}) }));
    lambda.destroy();
    const sqs = serviceEndpoint('sqs', 'us-east-1', env);
    const creds = async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' });
    await jsonCall(sqs, creds, 'AmazonSQS.CreateQueue', '1.0', { QueueName: 'eic-0ld000-queue', tags: old });
    await jsonCall(sqs, creds, 'AmazonSQS.CreateQueue', '1.0', { QueueName: 'eic-not-ours-queue' });

    const plan = await runCli(['cleanup', '--target', 'aws', '--plan', '--older-than', '1h'], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('4 leftovers');
    expect((await standIns.leftovers()).functions).toHaveLength(4);

    const wrong = await runCli(['cleanup', '--target', 'aws', '--allow-account', '111122223333'], env);
    expect(wrong.code).toBe(2);
    expect((await standIns.leftovers()).roles).toHaveLength(3);

    const swept = await runCli(['cleanup', '--target', 'aws', '--allow-account', STANDIN_ACCOUNT, '--older-than', '1h'], env);
    expect(swept.stdout).toContain('deleted 4 of 4');
    expect(swept.code).toBe(0);
    expect(await standIns.leftovers()).toEqual({ functions: ['eic-fre5h0-1', 'eic-untagged'], roles: ['eic-fre5h0-role', 'eic-not-ours'], destinations: ['queue eic-not-ours-queue'] });

    const all = await runCli(['cleanup', '--target', 'aws', '--allow-account', STANDIN_ACCOUNT], env);
    expect(all.stdout).toContain('deleted 2 of 2');
    expect(await standIns.leftovers()).toEqual({ functions: ['eic-untagged'], roles: ['eic-not-ours'], destinations: ['queue eic-not-ours-queue'] });
  }, 120_000);
});

describe.skipIf(!hasMoto)('lambda-eic record against stand-ins', () => {
  let standIns: StandIns;
  let fixturesDir: string;
  beforeAll(async () => {
    standIns = await startStandIns({ ...TIMINGS, rps: 60 });
  });
  afterAll(async () => standIns?.stop());
  beforeEach(async () => {
    await standIns.reset();
    standIns.quirks.names.clear();
    fixturesDir = mkdtempSync(join(tmpdir(), 'lambda-eic-fixtures-'));
    cpSync('fixtures', fixturesDir, { recursive: true });
  });
  const record = (args: string[]) => runCli(['record', '--target', 'aws', '--allow-account', STANDIN_ACCOUNT, '--fixtures-dir', fixturesDir, '--max-rps', '40', ...args], standIns.env());

  it('reproduces every committed aws fixture on an unchanged model, and stamps the validation record', async () => {
    const result = await record([]);
    expect(result.stdout).toContain(`${FIXTURES} fixtures: ${FIXTURES} unchanged, 0 differ, 0 not recorded`);
    expect(result.code).toBe(0);
    const validated = JSON.parse(readFileSync(join(fixturesDir, 'validated.json'), 'utf8')) as { validated: Record<string, string> };
    expect(Object.keys(validated.validated)).toHaveLength(FIXTURES);
    expect(Object.values(validated.validated)).toEqual(Array(FIXTURES).fill(new Date().toISOString().slice(0, 10)));
    await expectNothingLeftIn(standIns);
  }, 180_000);

  it('reports an injected difference, and writes it only with --update', async () => {
    standIns.quirks.names.add('reworded-messages');
    const file = join(fixturesDir, 'aws', 'get-missing-function.json');
    const before = readFileSync(file, 'utf8');
    const shown = await record(['--fixture', 'aws.get-missing-function,aws.put-overwrites']);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toContain('DIFFERS    aws.get-missing-function');
    expect(shown.stdout).toMatch(/body\.Message: committed "The function arn:\{partition\}:lambda:\{region\}:\{account\}:function:\{fn\}:\$LATEST doesn't have an EventInvokeConfig"/);
    expect(shown.stdout).toContain('unchanged  aws.put-overwrites');
    expect(shown.stdout).toContain('2 fixtures: 1 unchanged, 1 differ, 0 not recorded');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const written = await record(['--fixture', 'aws.get-missing-function', '--update']);
    expect(written.code).toBe(0);
    const updated = JSON.parse(readFileSync(file, 'utf8'));
    expect(updated.recordedAt).toBe(new Date().toISOString().slice(0, 10));
    expect(updated.response.body.Message).not.toBe(JSON.parse(before).response.body.Message);
    expect(updated.response.body.Message).toContain('{fn}');
    await expectNothingLeftIn(standIns);
  }, 180_000);
});
