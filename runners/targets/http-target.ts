/**
 * A target reached over HTTP: the embedded emulator or any endpoint (moto, LocalStack, AWS).
 * Calls go through the real SDK with a handler that keeps the raw answer for wire checks and ends
 * every call within the request timeout. What the target creates goes into the run's ledger.
 */
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { SdkRequest } from '../../cases/scenario.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './deadline.js';
import type { Ledger } from './ledger.js';
import { rawExchange, type RawSend } from './raw-exchange.js';
import { envCredentials } from './sigv4.js';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';
import { deleteFunctionVia, observeCall } from './sdk-calls.js';
import { TargetUnreachable, type Identity, type Observation, type SendOptions, type Target, type WireExchange } from './target.js';
import { WireCapture } from './wire-capture.js';

export interface HttpTargetOptions {
  readonly label: string;
  readonly endpoint: string;
  readonly region: string;
  /** Prefix of names this run creates (functions, the IAM role). */
  readonly runPrefix: string;
  /** Called once on dispose (the embedded target stops its server). */
  readonly onDispose?: () => Promise<void>;
  /** Each call (headers and body) must end within this (ms). Default 15 s. */
  readonly requestTimeoutMs?: number;
  /** Where the probe function and the IAM role are recorded, so every stop deletes them. */
  readonly ledger?: Ledger;
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

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Whether an answer could come from AWS Lambda: an AWS request id or error-type header, or a
 * JSON body with a function or an AWS error message. A plain web server's 501 page is not.
 */
function lambdaShaped(seen: Observation): boolean {
  const wire = seen.wire;
  if (!wire) return seen.status !== undefined;
  if (wire.headers['x-amzn-requestid'] !== undefined || wire.headers['x-amzn-errortype'] !== undefined) return true;
  const body = parseJson(wire.bodyText) as Record<string, unknown> | undefined;
  return typeof body === 'object' && body !== null && ['FunctionName', 'FunctionArn', 'message', 'Message', '__type'].some((k) => k in body);
}

const firstLine = (text: string | undefined) => (text ?? '').split('\n')[0]!.slice(0, 160);

/**
 * Builds a target for an HTTP endpoint.
 * @example const target = httpTarget({ label: 'moto', endpoint: 'http://127.0.0.1:5000', region: 'us-east-1', runPrefix: 'eic-ab12' });
 */
export function httpTarget(options: HttpTargetOptions): Target {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const handler = () => new WireCapture({ connectionTimeout: Math.min(5_000, timeoutMs), requestTimeout: timeoutMs });
  const capture: WireCapturingHandler = options.transport?.handler ?? handler();
  const client = new LambdaClient({ endpoint: options.endpoint, region: options.region, credentials: envCredentials(), maxAttempts: 1, requestHandler: capture as WireCapture });
  type IamSdk = typeof import('@aws-sdk/client-iam');
  let iamClient: InstanceType<IamSdk['IAMClient']> | undefined;
  const loadIam = (): Promise<IamSdk | undefined> => import('@aws-sdk/client-iam').catch(() => undefined);
  const iam = async () => {
    const sdk = await loadIam();
    if (!sdk) return undefined;
    iamClient ??= new sdk.IAMClient({ endpoint: options.endpoint, region: options.region, credentials: envCredentials(), maxAttempts: 1, requestHandler: handler() });
    return iamClient;
  };
  let role: string | undefined;
  let identity: Identity | undefined;

  const send = (request: SdkRequest, sendOptions?: SendOptions): Promise<Observation> => observeCall(client, request, () => capture.take(), sendOptions);

  const deleteFunction = (FunctionName: string) => deleteFunctionVia(send, FunctionName);

  /**
   * Makes the run's role through IAM at the same endpoint (moto checks roles exist); it is deleted
   * with the run. IAM is the runner's need, not the mocks': @aws-sdk/client-iam is an optional
   * peer, loaded only here.
   */
  async function createRole(account: string): Promise<string> {
    const RoleName = `${options.runPrefix}-role`;
    const sdk = await loadIam();
    if (!sdk) {
      console.warn(`lambda-eic: ${options.endpoint} refused the probe's role; to let the runner create one through IAM, install @aws-sdk/client-iam (npm i -D @aws-sdk/client-iam@3)`);
      return `arn:aws:iam::${account}:role/${RoleName}`;
    }
    const { CreateRoleCommand, DeleteRoleCommand, GetRoleCommand } = sdk;
    options.ledger?.record('role', RoleName, async () => {
      await (await iam())!.send(new DeleteRoleCommand({ RoleName })).catch((error: Error) => {
        if (error.name !== 'NoSuchEntityException' && error.name !== 'NoSuchEntity') throw error;
      });
    });
    try {
      const made = await (await iam())!.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: ASSUME_ROLE_POLICY }));
      return made.Role?.Arn ?? `arn:aws:iam::${account}:role/${RoleName}`;
    } catch {
      const found = await (await iam())!.send(new GetRoleCommand({ RoleName })).catch(() => undefined);
      if (!found) options.ledger?.forget('role', RoleName);
      return found?.Role?.Arn ?? `arn:aws:iam::${account}:role/${RoleName}`;
    }
  }

  const noAnswer = (seen: Observation) =>
    seen.error?.code === 'TimeoutError'
      ? `no answer from ${options.endpoint} within ${timeoutMs / 1000} s: the target accepts connections but does not answer`
      : `cannot reach ${options.endpoint}: ${firstLine(seen.error?.message) || 'no answer'}`;

  /**
   * Creates and deletes a probe function: reachability, account and the role the target wants.
   * No answer, or an answer no Lambda endpoint would give (a plain web server's page), makes the
   * target unusable (exit 2); a target that answers the probe with an AWS error is still run, and
   * its scenarios show what it got wrong.
   */
  async function probe(): Promise<Identity> {
    const FunctionName = `${options.runPrefix}-probe`;
    options.ledger?.record('function', FunctionName, () => deleteFunction(FunctionName));
    const create = (Role: string) => send({ operation: 'CreateFunction', input: { FunctionName, Role, Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: deploymentPackage() } } });
    role = DEFAULT_ROLE;
    let made = await create(role);
    if (made.status === undefined) throw new TargetUnreachable(noAnswer(made));
    if (!lambdaShaped(made)) {
      const type = made.wire?.headers['content-type'] ?? 'no content type';
      throw new TargetUnreachable(
        `${options.endpoint} is not an AWS Lambda endpoint: CreateFunction got ${made.status} (${type}) ${JSON.stringify(firstLine(made.wire?.bodyText).slice(0, 80))}, no AWS request id and no Lambda-shaped body`,
      );
    }
    if (made.error) {
      role = await createRole(DEFAULT_ACCOUNT);
      made = await create(role);
      if (made.status === undefined) throw new TargetUnreachable(noAnswer(made));
    }
    if (made.error) {
      role = DEFAULT_ROLE;
      console.warn(`lambda-eic: the probe CreateFunction on ${options.endpoint} failed (${made.error.code}: ${firstLine(made.error.message)}); arranging state will likely fail too`);
    }
    const arn = typeof made.output?.FunctionArn === 'string' ? made.output.FunctionArn : '';
    const [, partition, , region, account] = arn.split(':');
    await deleteFunction(FunctionName).then(
      () => options.ledger?.forget('function', FunctionName),
      () => undefined,
    );
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
    sendRaw: (raw, sendOptions) => rawExchange(options.endpoint, identity?.region ?? options.region, raw, envCredentials(), options.transport?.sendRaw, { timeoutMs, signal: sendOptions?.signal }),
    async alive() {
      const seen = await send({ operation: 'ListFunctions', input: { MaxItems: 1 } });
      return seen.status !== undefined;
    },
    async roleArn() {
      if (!role) await this.connect();
      return role!;
    },
    async dispose() {
      client.destroy();
      iamClient?.destroy();
      await options.onDispose?.();
    },
  };
}
