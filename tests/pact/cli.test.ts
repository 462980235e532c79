/**
 * `lambda-eic verify-pacts` as a user runs it: help, one-line usage errors (exit 2), an unreachable
 * target or broker (exit 2), a faulty emulator (exit 1, naming the interactions), a pass (exit 0).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../runners/cli.js';
import { BUILT, freePort, runCli } from './support.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('lambda-eic verify-pacts usage (in process)', () => {
  it.each([
    [['--target', 'nowhere'], /--target must be one of embedded, endpoint, not 'nowhere'/],
    [['--target', 'endpoint'], /needs --endpoint-url/],
    [['--target', 'endpoint', '--endpoint-url', 'ftp://x'], /must be an http\(s\) URL/],
    [['--endpoint-url', 'http://127.0.0.1:1'], /goes with --target endpoint/],
    [['--pact-dir', '/nonexistent/pacts'], /--pact-dir \/nonexistent\/pacts does not exist/],
    [['--pact-dir', 'contracts/pacts', '--broker-url', 'http://127.0.0.1:1'], /use one pact source, not --pact-dir and --broker-url/],
    [['--pact-url', 'contracts/pacts/x.json'], /--pact-url must be an http\(s\) URL/],
    [['--publish-verification-results', '--broker-url', 'http://127.0.0.1:1'], /needs --provider-version/],
    [['--publish-verification-results', '--provider-version', '1.0.0'], /needs pacts from a broker/],
    [['--provider-branch', 'main'], /go with --publish-verification-results/],
    [['--consumer-version-selector', '{"mainBranch":true}'], /goes with a broker/],
    [['--broker-url', 'http://127.0.0.1:1', '--consumer-version-selector', 'main'], /must be JSON/],
    [['--broker-url', 'http://127.0.0.1:1', '--include-wip-pacts-since', 'yesterday'], /must be a date YYYY-MM-DD/],
    [['--quirk', 'nope'], /unknown quirk 'nope'/],
    [['--target', 'endpoint', '--endpoint-url', 'http://127.0.0.1:1', '--quirk', 'update-replaces'], /--quirk works with the embedded target only/],
    [['--log-level', 'loud'], /--log-level must be one of/],
    [['--baseline', '/nonexistent/baseline.json'], /cannot read baseline/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    vi.stubEnv('PACT_BROKER_BASE_URL', '');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await main(['verify-pacts', ...args])).toBe(2);
    expect(errors.mock.calls).toEqual([[expect.stringMatching(message)]]);
    expect(String(errors.mock.calls[0]![0])).not.toContain('\n');
  });
});

// Each test spawns its own CLI process and shares nothing: they run side by side.
describe.skipIf(!BUILT).concurrent('lambda-eic verify-pacts (the built CLI)', () => {
  it('is listed by lambda-eic --help and has its own --help', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}verify-pacts {2}verify Pact contracts/m);
    const help = await runCli(['verify-pacts', '--help']);
    expect(help.code).toBe(0);
    for (const flag of [
      '--target',
      '--endpoint-url',
      '--region',
      '--pact-dir',
      '--pact-url',
      '--broker-url',
      '--publish-verification-results',
      '--provider-version',
      '--consumer-version-selector',
      '--baseline',
    ])
      expect(help.stdout).toContain(flag);
  });

  it('prints a usage error as one line, without a stack trace', async () => {
    const run = await runCli(['verify-pacts', '--target', 'nowhere']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("lambda-eic verify-pacts: --target must be one of embedded, endpoint, not 'nowhere'\n");
  });

  it('exits 2 when the endpoint cannot be reached', async () => {
    const run = await runCli(['verify-pacts', '--target', 'endpoint', '--endpoint-url', `http://127.0.0.1:${await freePort()}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lambda-eic verify-pacts: cannot reach http:\/\/127\.0\.0\.1:\d+/);
  }, 30_000);

  it('exits 2 when the broker in PACT_BROKER_BASE_URL cannot be reached', async () => {
    const run = await runCli(['verify-pacts'], { PACT_BROKER_BASE_URL: `http://127.0.0.1:${await freePort()}` });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Failed to load pact: No pacts found for provider 'aws-lambda-event-invoke-config'/);
    expect(run.stderr).toMatch(/no interaction was verified/);
  }, 30_000);

  it('exits 1 against a faulty emulator and says which interactions failed and why', async () => {
    const run = await runCli(['verify-pacts', '--quirk', 'update-replaces'], { PACT_BROKER_BASE_URL: '' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAILED {2}aws\.update-merges: Update \{retries 0\}.*\n {10}body \$: Actual map is missing the following keys: MaximumEventAgeInSeconds$/m);
    expect(run.stdout).toMatch(/^49 interactions: 45 passed, 4 failed$/m);
    expect(run.stdout.match(/aws\.update-merges/g), 'each failure is printed once').toHaveLength(1);
    expect(run.stdout).not.toContain('\u001b[');
  }, 60_000);

  it('never colours with NO_COLOR, and shows the Pact core log (plain in a pipe) only with --log-level info', async () => {
    const quiet = await runCli(['verify-pacts', '--quirk', 'update-replaces'], { PACT_BROKER_BASE_URL: '', NO_COLOR: '1' });
    expect(quiet.code).toBe(1);
    expect(quiet.stdout + quiet.stderr).not.toContain('\u001b[');
    expect(quiet.stdout).not.toContain('Verifying a pact between');
    const verbose = await runCli(['verify-pacts', '--quirk', 'update-replaces', '--log-level', 'info'], { PACT_BROKER_BASE_URL: '' });
    expect(verbose.code).toBe(1);
    expect(verbose.stdout).toContain('Verifying a pact between lambda-eic-consumer and aws-lambda-event-invoke-config');
    expect(verbose.stdout).not.toContain('\u001b[');
  }, 90_000);

  it('exits 0 when the embedded emulator verifies the committed contracts', async () => {
    const run = await runCli(['verify-pacts'], { PACT_BROKER_BASE_URL: '' });
    expect(run.stdout).toMatch(/^49 interactions: 49 passed, 0 failed$/m);
    expect(run.code).toBe(0);
  }, 60_000);
});
