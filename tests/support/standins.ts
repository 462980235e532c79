/**
 * Stand-ins for a real AWS account: moto_server (IAM, STS, SQS, SNS, S3, EventBridge) on a free
 * loopback port, and the emulator with the AWS realism profile (Lambda), wired together through
 * the standard `AWS_ENDPOINT_URL_<SERVICE>` variables; plus a way to run the CLI against them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { Emulator } from '../../src/model/emulator.js';
import { QuirkLayer } from '../../src/quirks/layer.js';
import { AwsRealism } from '../../src/realism/aws-realism.js';
import type { RealismOptions } from '../../src/realism/profile.js';
import { serviceEndpoint } from '../../runners/targets/aws/endpoints.js';
import { Iam } from '../../runners/targets/aws/sts-iam.js';
import { taggedDestinations } from '../../runners/targets/aws/leftovers.js';

export const hasMoto = spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
export const STANDIN_ACCOUNT = '123456789012';
const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** Starts moto_server on a port it picks itself (no race for a free port); resolves with its URL. */
export function startMoto(): Promise<{ url: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`moto_server did not start within 30 s: ${seen}`)), 30_000);
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      const port = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, process: child });
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('error', reject);
  });
}

/** The realism layer counting every call it sees (to prove that nothing was written). */
export class CountingRealism extends AwsRealism {
  readonly calls: string[] = [];
  override around(...args: Parameters<AwsRealism['around']>) {
    this.calls.push(args[0]);
    return super.around(...args);
  }
  override reset(): void {
    super.reset();
    this.calls.length = 0;
  }
}

export interface StandIns {
  readonly moto: string;
  readonly lambda: RunningServer;
  readonly realism: CountingRealism;
  /** The quirks switched on in the Lambda stand-in (none until a test adds one). */
  readonly quirks: QuirkLayer;
  /** The environment of a CLI run against the stand-ins: no inherited AWS_* variable. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  /** Functions in the emulator; eic-* roles and destinations (`kind name`) in moto. */
  leftovers(): Promise<{ functions: string[]; roles: string[]; destinations: string[] }>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * @example const standIns = await startStandIns({ pendingMs: 100, updateMs: 100, roleDelayMs: 800 });
 */
export async function startStandIns(realismOptions: Partial<RealismOptions>): Promise<StandIns> {
  const moto = await startMoto();
  const realism = new CountingRealism({ credentials: { [CREDENTIALS.accessKeyId]: CREDENTIALS.secretAccessKey }, ...realismOptions });
  const quirks = new QuirkLayer();
  const lambda = await startServer({ emulator: new Emulator({ layer: realism, wrapper: quirks }), account: STANDIN_ACCOUNT });
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
    const base: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) base[k] = v;
    return {
      ...base,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/nonexistent/lambda-eic-standin/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/lambda-eic-standin/credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      ...Object.fromEntries(['IAM', 'STS', 'SQS', 'SNS', 'S3', 'EVENTBRIDGE'].map((s) => [`AWS_ENDPOINT_URL_${s}`, moto.url])),
      ...extra,
    };
  };
  const iam = new Iam(serviceEndpoint('iam', 'us-east-1', env()), async () => CREDENTIALS);
  return {
    moto: moto.url,
    lambda,
    realism,
    quirks,
    env,
    async leftovers() {
      const functions = lambda.emulator.world.all().flatMap((r) => [...r.functions.keys()]);
      const roles = (await iam.rolesNamed('eic-')).map((r) => r.name);
      const at = async (service: Parameters<typeof serviceEndpoint>[0]) => serviceEndpoint(service, 'us-east-1', env());
      const destinations = (await taggedDestinations(at, async () => CREDENTIALS)).map((d) => `${d.kind} ${d.name}`);
      return { functions: functions.sort(), roles: roles.sort(), destinations: destinations.sort() };
    },
    async reset() {
      lambda.emulator.reset();
      await fetch(`${moto.url}/moto-api/reset`, { method: 'POST' });
    },
    async stop() {
      await lambda.close();
      moto.process.kill('SIGTERM');
    },
  };
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `lambda-eic <args>` in a child process; `interrupt.act` is called with the child once its
 * output matches `interrupt.when` (to interrupt it mid-run). (Not `then`: an object with a `then`
 * method is a thenable, which `await` would call.)
 * @example await runCli(['run', '--target', 'aws', '--plan'], standIns.env())
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv, interrupt?: { when: RegExp; act: (child: ChildProcess) => void }): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lambda-eic.js', ...args], { env });
    let stdout = '';
    let stderr = '';
    let fired = false;
    const check = () => {
      if (interrupt && !fired && interrupt.when.test(stdout + stderr)) {
        fired = true;
        interrupt.act(child);
      }
    };
    child.stdout.on('data', (d) => {
      stdout += d;
      check();
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      check();
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
