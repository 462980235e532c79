/**
 * A target reached over HTTP: the embedded emulator or any endpoint (moto, LocalStack, AWS).
 * Calls go through the real SDK with a handler that keeps the raw answer for wire checks.
 */
import { DeleteFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { SdkRequest } from '../../cases/scenario.js';
import { rawExchange, type RawSend } from './raw-exchange.js';
import { envCredentials } from './sigv4.js';
import { minimalZip } from './zip.js';
import { observeCall } from './sdk-calls.js';
import { TargetUnreachable, type Identity, type Observation, type Target, type WireExchange } from './target.js';
import { WireCapture } from './wire-capture.js';

export interface HttpTargetOptions {
  readonly label: string;
  readonly endpoint: string;
  readonly region: string;
  /** Prefix of names this run creates (functions, the IAM role). */
  readonly runPrefix: string;
  /** Called once on dispose (the embedded target stops its server). */
  readonly onDispose?: () => Promise<void>;
  /** How requests travel; default node:http to `endpoint` (the in-process target answers without a socket). */
  readonly transport?: { readonly handler: WireCapturingHandler; readonly sendRaw: RawSend };
}

/** An SDK request handler that keeps the last raw answer for the wire checks. */
export interface WireCapturingHandler {
  handle: WireCapture['handle'] | ((request: never) => Promise<unknown>);
  take(): WireExchange | undefined;
  destroy(): void;
}


const DEFAULT_ACCOUNT = '123456789012';
const DEFAULT_ROLE = `arn:aws:iam::${DEFAULT_ACCOUNT}:role/lambda-eic-conformance`;

const ASSUME_ROLE_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/**
 * Builds a target for an HTTP endpoint.
 * @example const target = httpTarget({ label: 'moto', endpoint: 'http://127.0.0.1:5000', region: 'us-east-1', runPrefix: 'eic-ab12' });
 */
export function httpTarget(options: HttpTargetOptions): Target {
  const capture: WireCapturingHandler = options.transport?.handler ?? new WireCapture({ connectionTimeout: 5_000, requestTimeout: 30_000 });
  const client = new LambdaClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: envCredentials(),
    maxAttempts: 1,
    requestHandler: capture as WireCapture,
  });
  let role: string | undefined;
  let identity: Identity | undefined;

  const send = (request: SdkRequest): Promise<Observation> => observeCall(client, request, () => capture.take());

  /**
   * Makes the run's role through IAM at the same endpoint (moto checks roles exist). IAM is the
   * runner's need, not the mocks': @aws-sdk/client-iam is an optional peer, loaded only here.
   */
  async function createRole(account: string): Promise<string> {
    const RoleName = `${options.runPrefix}-role`;
    const sdk = await import('@aws-sdk/client-iam').catch(() => undefined);
    if (!sdk) {
      console.warn(`lambda-eic: ${options.endpoint} refused the probe's role; to let the runner create one through IAM, install @aws-sdk/client-iam (npm i -D @aws-sdk/client-iam@3)`);
      return `arn:aws:iam::${account}:role/${RoleName}`;
    }
    const { CreateRoleCommand, GetRoleCommand, IAMClient } = sdk;
    const iam = new IAMClient({ endpoint: options.endpoint, region: options.region, credentials: envCredentials(), maxAttempts: 1 });
    try {
      const made = await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: ASSUME_ROLE_POLICY }));
      return made.Role?.Arn ?? `arn:aws:iam::${account}:role/${RoleName}`;
    } catch {
      const found = await iam.send(new GetRoleCommand({ RoleName })).catch(() => undefined);
      return found?.Role?.Arn ?? `arn:aws:iam::${account}:role/${RoleName}`;
    } finally {
      iam.destroy();
    }
  }

  /**
   * Creates and deletes a probe function: reachability, account and the role the target wants.
   * Only no answer at all makes the target unreachable; a target that answers the probe with an
   * error is still run, and its scenarios show what it got wrong.
   */
  async function probe(): Promise<Identity> {
    const FunctionName = `${options.runPrefix}-probe`;
    const create = (Role: string) =>
      send({ operation: 'CreateFunction', input: { FunctionName, Role, Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: minimalZip(0) } } });
    role = DEFAULT_ROLE;
    let made = await create(role);
    if (made.status === undefined) throw new TargetUnreachable(`cannot reach ${options.endpoint}: ${made.error?.message.split('\n')[0] ?? 'no answer'}`);
    if (made.error) {
      role = await createRole(DEFAULT_ACCOUNT);
      made = await create(role);
    }
    if (made.error) {
      role = DEFAULT_ROLE;
      console.warn(`lambda-eic: the probe CreateFunction on ${options.endpoint} failed (${made.error.code}: ${made.error.message.split('\n')[0]}); arranging state will likely fail too`);
    }
    const arn = typeof made.output?.FunctionArn === 'string' ? made.output.FunctionArn : '';
    const [, partition, , region, account] = arn.split(':');
    await client.send(new DeleteFunctionCommand({ FunctionName })).catch(() => undefined);
    return {
      account: account && /^\d{12}$/.test(account) ? account : DEFAULT_ACCOUNT,
      region: region || options.region,
      partition: partition || 'aws',
    };
  }

  return {
    label: options.label,
    endpoint: options.endpoint,
    observesWire: true,
    async connect() {
      identity ??= await probe();
      return identity;
    },
    send,
    sendRaw: (raw) => rawExchange(options.endpoint, identity?.region ?? options.region, raw, envCredentials(), options.transport?.sendRaw),
    async roleArn() {
      if (!role) await this.connect();
      return role!;
    },
    async dispose() {
      client.destroy();
      await options.onDispose?.();
    },
  };
}

