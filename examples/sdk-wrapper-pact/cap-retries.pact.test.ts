/**
 * Both halves of a contract test, as the author of the `capRetries` wrapper would write them.
 *
 * Consumer: the wrapper runs against the Pact mock server, which answers as the contract says and
 * records the interactions (Get then Update; Get then Put) into a pact file. The states use the
 * vocabulary `lambda-eic verify-pacts` implements ('function my-function exists', 'my-function has
 * an event invoke config' with the settings as params); values a verification run changes (function
 * names in ARNs, LastModified) are matched by type or regex.
 *
 * Provider: `lambda-eic verify-pacts --pact-dir <dir>` replays the pact against this project's
 * emulator; and against an emulator whose Update replaces instead of merging, which would have let
 * a wrong wrapper pass its unit tests, the verification fails naming the interaction.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { MatchersV3, PactV4, type V3MockServer } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { capRetries } from './cap-retries.js';

const { decimal, regex } = MatchersV3;
const PACT_DIR = mkdtempSync(join(tmpdir(), 'cap-retries-pacts-'));
const pact = new PactV4({ consumer: 'cap-retries-wrapper', provider: 'aws-lambda-event-invoke-config', dir: PACT_DIR, logLevel: 'error' });

const PATH = '/2019-09-25/functions/my-function/event-invoke-config';
const EXISTS = 'function my-function exists';
const HAS_CONFIG = 'my-function has an event invoke config';
/** A verification runs under its own function names, account and region: ARNs match by pattern. */
const functionArn = regex(
  '^arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d:\\d{12}:function:[a-zA-Z0-9_-]+:\\$LATEST$',
  'arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST',
);
const config = (settings: Record<string, number>) => ({
  FunctionArn: functionArn,
  LastModified: decimal(1573687896.493),
  ...settings,
  DestinationConfig: { OnSuccess: {}, OnFailure: {} },
});
const json = { 'Content-Type': 'application/json' };
const client = (mock: V3MockServer) => new LambdaClient({ endpoint: mock.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });

// The Pact mock server records a match just after answering; under load it can report a request it
// answered as not received (pact-foundation/pact-core-mock-server#13). A retry runs on a new server.
describe('capRetries, consumer side (Pact mock server)', { retry: 2 }, () => {
  it('lowers the retries of an existing config and keeps its event age', async () => {
    const stored = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 };
    pact
      .addInteraction()
      .given(EXISTS)
      .given(HAS_CONFIG, stored)
      .uponReceiving('cap-retries.get-existing: a Get of a config with 2 retries')
      .withRequest('GET', PATH)
      .willRespondWith(200, (res) => res.headers(json).jsonBody(config(stored)));
    await pact
      .addInteraction()
      .given(EXISTS)
      .given(HAS_CONFIG, stored)
      .uponReceiving('cap-retries.update-merges: an Update to 0 retries keeps the event age')
      .withRequest('POST', PATH, (req) => req.headers(json).jsonBody({ MaximumRetryAttempts: 0 }))
      .willRespondWith(200, (res) => res.headers(json).jsonBody(config({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 3600 })))
      .executeTest(async (mock) => {
        const result = await capRetries(client(mock), 'my-function', 0);
        expect(result.action).toBe('lowered');
        expect(result.config).toMatchObject({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 3600 });
        expect(result.config.LastModified).toBeInstanceOf(Date);
      });
  });

  it('creates a config when the function has none', async () => {
    pact
      .addInteraction()
      .given(EXISTS)
      .uponReceiving('cap-retries.get-missing: a Get when there is no config')
      .withRequest('GET', PATH)
      .willRespondWith(404, (res) =>
        res.headers({ ...json, 'x-amzn-ErrorType': 'ResourceNotFoundException' }).jsonBody({
          Type: 'User',
          Message: regex(
            "^The function arn:.*:function:[a-zA-Z0-9_-]+:\\$LATEST doesn't have an EventInvokeConfig$",
            "The function arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST doesn't have an EventInvokeConfig",
          ),
        }),
      );
    await pact
      .addInteraction()
      .given(EXISTS)
      .uponReceiving('cap-retries.put: a Put of 0 retries')
      .withRequest('PUT', PATH, (req) => req.headers(json).jsonBody({ MaximumRetryAttempts: 0 }))
      .willRespondWith(200, (res) => res.headers(json).jsonBody(config({ MaximumRetryAttempts: 0 })))
      .executeTest(async (mock) => {
        const result = await capRetries(client(mock), 'my-function', 0);
        expect(result).toMatchObject({ action: 'created', config: { MaximumRetryAttempts: 0 } });
      });
  });
});

/** `lambda-eic verify-pacts` from the installed package, as a CI step would run it. */
function verifyPacts(args: string[]): Promise<{ code: number | null; stdout: string }> {
  const root = dirname(createRequire(import.meta.url).resolve('lambda-eic-conformance/package.json'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'lambda-eic.js'), 'verify-pacts', '--pact-dir', PACT_DIR, ...args], {
      env: { ...process.env, NODE_NO_WARNINGS: '1', PACT_BROKER_BASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

const built = existsSync(new URL('../../dist/runners/cli.js', import.meta.url));

describe.skipIf(!built)('capRetries, provider side (lambda-eic verify-pacts)', () => {
  it('the pact verifies against the reference emulator', async () => {
    expect(readdirSync(PACT_DIR)).toEqual(['cap-retries-wrapper-aws-lambda-event-invoke-config.json']);
    const run = await verifyPacts([]);
    expect(run.stdout).toMatch(/^4 interactions: 4 passed, 0 failed$/m);
    expect(run.code).toBe(0);
  }, 60_000);

  it('and fails, naming the interaction, against an emulator whose Update replaces the config', async () => {
    const run = await verifyPacts(['--quirk', 'update-replaces']);
    expect(run.stdout).toMatch(/^FAILED {2}cap-retries\.update-merges: an Update to 0 retries keeps the event age$/m);
    expect(run.stdout).toMatch(/^4 interactions: 3 passed, 1 failed$/m);
    expect(run.code).toBe(1);
  }, 60_000);
});
