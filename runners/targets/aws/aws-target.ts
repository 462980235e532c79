/**
 * `--target aws`: a real AWS account (or stand-ins reached through `AWS_ENDPOINT_URL_<SERVICE>`).
 * Credentials and region come from the SDK's standard chain (environment, shared config and
 * credentials files, `--profile`, SSO, container and instance roles). Nothing is written before
 * STS GetCallerIdentity names the account `--allow-account` allows. Everything the run creates
 * carries the run prefix and the tags `lambda-eic:run` and `lambda-eic:created`, is recorded in a
 * ledger as it goes, and is deleted by `dispose()` (also on failure, timeout and signals).
 */
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { SdkRequest } from '../../../cases/scenario.js';
import { rawExchange } from '../raw-exchange.js';
import { observeCall } from '../sdk-calls.js';
import { DEFAULT_RUNTIME, TargetUnreachable, type Identity, type Observation, type Target } from '../target.js';
import { WireCapture } from '../wire-capture.js';
import { deploymentPackage } from '../../../src/arrange/deployment-package.js';
import { AwsCallError, type CredentialSource } from './aws-call.js';
import { serviceEndpoint, type ServiceEndpoint, type ServiceName } from './endpoints.js';
import { DELIVERABLE, createDestinations, deleteDestination, deliveryPolicy, type RunDestinations } from './destinations.js';
import { Ledger, LedgerClosed, type LedgerEntry } from './ledger.js';
import { waitFor } from './lambda-waits.js';
import { Pacer, withRetries } from './pacing.js';
import { Iam, callerIdentity, type CallerIdentity } from './sts-iam.js';

export interface AwsTargetOptions {
  /** `--region`; otherwise the SDK's chain (`AWS_REGION`, the profile's region). */
  readonly region?: string;
  readonly profile?: string;
  /** The account writes are allowed in; without it, the target refuses to write. */
  readonly allowAccount?: string;
  /** An existing execution role; otherwise one is made for the run. */
  readonly roleArn?: string;
  readonly runtime?: string;
  /** Client-side pace for Lambda calls, requests per second (under the quota of 15). */
  readonly maxRps?: number;
  readonly runPrefix: string;
  readonly ledgerFile?: string;
  /** Progress lines (stderr by default). */
  readonly log?: (line: string) => void;
  /** Budgets, for tests: role propagation and each wait. */
  readonly roleBudgetMs?: number;
  readonly waitBudgetMs?: number;
  /** How long to wait for the delivery policy to take effect (default 120 s). */
  readonly policyBudgetMs?: number;
}

/** What a real-account target adds to a target: the account check, the plan, teardown. */
export interface AwsTarget extends Target {
  /** STS GetCallerIdentity and the region: read-only. */
  whoAmI(): Promise<CallerIdentity & { region: string }>;
  /** Deletes everything the run created; answers what could not be deleted. */
  teardown(budgetMs?: number): Promise<Array<LedgerEntry & { error: string }>>;
  readonly ledger: Ledger;
  /** Where a service is reached for this run's region (the standard overrides honoured). */
  serviceEndpoint(service: ServiceName): Promise<ServiceEndpoint>;
  /** IAM at IAM's endpoint, with the run's credentials. */
  iamClient(): Promise<Iam>;
  readonly credentials: CredentialSource;
  /** A signed Lambda call with pacing and retries, for cleanup. */
  lambdaCall(request: SdkRequest): Promise<Observation>;
}

/** The tags every resource of a run carries. */
export const runTags = (runPrefix: string, now = new Date()): Record<string, string> => ({
  'lambda-eic:run': runPrefix,
  'lambda-eic:created': now.toISOString(),
});

const ROLE_REFUSED = 'The role defined for the function cannot be assumed by Lambda.';
const IN_PROGRESS = /An update is in progress|another operation is in progress/;
/** What AWS answers while a new delivery policy propagates [recorded]: tools retry these for a while. */
const NOT_YET_PERMITTED = /^The function's execution role does not have permissions to call |^The destination ARN .* is invalid\.$/;

type Failure = { code: string; status: number | undefined; message: string };
const failureOf = (seen: Observation): Failure | undefined => (seen.error ? { code: seen.error.code, status: seen.status, message: seen.error.message } : undefined);
const throttled = (f: Failure) => f.status === 429 || f.code === 'TooManyRequestsException' || f.code === 'ThrottlingException';
/** Arranging, cleanup and waits retry throttles, server errors, no answer, and an update in progress. */
const arrangeRetryable = (f: Failure) => throttled(f) || f.status === undefined || (f.status ?? 0) >= 500 || (f.status === 409 && IN_PROGRESS.test(f.message));

/**
 * Builds the target; reads no credentials and calls nothing until used.
 * @example const target = awsTarget({ runPrefix: 'eic-ab12cd', allowAccount: '123456789012' });
 */
export function awsTarget(options: AwsTargetOptions): AwsTarget {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const lambdaOverride = process.env.AWS_ENDPOINT_URL_LAMBDA || process.env.AWS_ENDPOINT_URL;
  const capture = new WireCapture({ connectionTimeout: 10_000, requestTimeout: 60_000 });
  const client = new LambdaClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(lambdaOverride ? { endpoint: lambdaOverride } : {}),
    maxAttempts: 1,
    requestHandler: capture,
  });
  const credentials: CredentialSource = async () => {
    const c = await client.config.credentials();
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) };
  };
  const pacer = new Pacer(options.maxRps ?? 10);
  const ledger = new Ledger(options.ledgerFile);
  const runtime = options.runtime ?? DEFAULT_RUNTIME;
  let region: string | undefined;
  let identity: Identity | undefined;
  let role: string | undefined;
  let iam: Iam | undefined;
  let destinations: RunDestinations | undefined;
  let torn: Promise<Array<LedgerEntry & { error: string }>> | undefined;

  async function resolveRegion(): Promise<string> {
    if (region) return region;
    try {
      region = await client.config.region();
    } catch {
      throw new TargetUnreachable('no AWS region: pass --region, or set AWS_REGION or a region in your profile');
    }
    return region;
  }
  const endpoint = async (service: ServiceName) => serviceEndpoint(service, await resolveRegion());

  /** One paced Lambda call; a throttle slows the pace down. */
  async function paced(request: SdkRequest): Promise<Observation> {
    await pacer.turn();
    const seen = await observeCall(client, request, () => capture.take());
    if (seen.status === 429) pacer.throttled();
    else if (!seen.error) pacer.succeeded();
    return seen;
  }

  const stopping = (request: SdkRequest): Observation => ({
    status: undefined,
    error: { code: 'RunStopping', message: `the run is stopping: ${request.operation} not sent` },
  });

  /** Arranging and cleanup: adaptive retries within a budget. */
  async function retried(request: SdkRequest, extra: (f: Failure) => boolean = () => false, budgetMs = 120_000): Promise<Observation> {
    const { result } = await withRetries(() => paced(request), failureOf, { retryable: (f) => arrangeRetryable(f) || extra(f), budgetMs });
    return result;
  }

  const waitBudget = options.waitBudgetMs ?? 300_000;
  async function settled(seen: Observation, waiter: 'FunctionActiveV2' | 'FunctionUpdatedV2' | 'PublishedVersionActive', input: Record<string, unknown>): Promise<Observation> {
    if (seen.error) return seen;
    const waited = await waitFor((r) => retried(r, () => false, 30_000), waiter, input, { budgetMs: waitBudget });
    return waited.ok ? seen : { status: undefined, error: { code: 'WaiterFailed', message: waited.reason ?? waiter } };
  }

  async function arrangeSend(request: SdkRequest): Promise<Observation> {
    if (ledger.isClosed && request.operation !== 'DeleteFunction') return stopping(request);
    const input = request.input as Record<string, unknown>;
    const FunctionName = String(input.FunctionName ?? '');
    switch (request.operation) {
      case 'CreateFunction': {
        const tagged: SdkRequest = { operation: 'CreateFunction', input: { ...input, Tags: { ...((input.Tags as object) ?? {}), ...runTags(options.runPrefix) } } };
        const roleRefused = (f: Failure) => f.message === ROLE_REFUSED;
        try {
          const made = await ledger.creating('function', FunctionName, () => retried(tagged, roleRefused, options.roleBudgetMs ?? 120_000));
          // A definite refusal created nothing; no answer at all may have, so that entry stays for teardown.
          if (made.error && made.status !== undefined && made.status < 500) ledger.remove('function', FunctionName);
          return await settled(made, 'FunctionActiveV2', { FunctionName });
        } catch (error) {
          if (error instanceof LedgerClosed) return stopping(request);
          throw error;
        }
      }
      case 'UpdateFunctionCode':
      case 'UpdateFunctionConfiguration':
        return settled(await retried(request), 'FunctionUpdatedV2', { FunctionName });
      case 'PublishVersion': {
        const published = await retried(request);
        return settled(published, 'PublishedVersionActive', { FunctionName, Qualifier: String(published.output?.Version ?? '') });
      }
      case 'DeleteFunction': {
        const deleted = await retried(request);
        if (!deleted.error || deleted.status === 404) ledger.remove('function', FunctionName);
        return deleted;
      }
      case 'PutFunctionEventInvokeConfig':
        return retried(request, (f) => f.status === 400 && NOT_YET_PERMITTED.test(f.message), 60_000);
      default:
        return retried(request);
    }
  }

  /** A judged step: a 429 is retried (and counted), never reported as a conformance failure. */
  async function judged(call: () => Promise<Observation>): Promise<Observation> {
    const { result, retries } = await withRetries(call, failureOf, { retryable: throttled, budgetMs: 120_000, baseDelayMs: 500 });
    return retries > 0 ? { ...result, retries } : result;
  }

  async function whoAmI() {
    const at = await endpoint('sts');
    try {
      return { ...(await callerIdentity(at, credentials)), region: await resolveRegion() };
    } catch (error) {
      throw new TargetUnreachable(`cannot learn the account (STS GetCallerIdentity at ${at.url}): ${(error as Error).message.split('\n')[0]}`);
    }
  }

  async function makeRole(account: string): Promise<string> {
    iam ??= new Iam(await endpoint('iam'), credentials);
    const name = `${options.runPrefix}-role`;
    log(`lambda-eic: creating the run's execution role ${name} (IAM, trust policy for lambda.amazonaws.com)`);
    try {
      return await ledger.creating('role', name, () => iam!.createRole(name, runTags(options.runPrefix)));
    } catch (error) {
      throw new TargetUnreachable(`cannot create the execution role ${name} in ${account}: ${(error as Error).message}; pass --role-arn to use an existing one`);
    }
  }

  /** The run's destinations and, on a role made for the run, the policy to deliver to them. */
  async function makeDestinations(who: CallerIdentity & { region: string }): Promise<void> {
    log("lambda-eic: creating the run's destinations (2 SQS queues, an SNS topic, an S3 bucket, an EventBridge bus, and a queue and a topic the role may not deliver to)");
    try {
      destinations = await createDestinations(
        { runPrefix: options.runPrefix, account: who.account, region: who.region, partition: who.partition, tags: runTags(options.runPrefix), endpoint, credentials },
        ledger,
      );
      if (!options.roleArn)
        await iam!.putRolePolicy(
          `${options.runPrefix}-role`,
          'lambda-eic-destinations',
          deliveryPolicy(destinations, `arn:${who.partition}:lambda:${who.region}:${who.account}:function:${options.runPrefix}-`),
        );
    } catch (error) {
      throw new TargetUnreachable(`cannot create the run's destinations: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  /** Puts a config naming each destination on the probe until AWS accepts them all: the policy is in effect. */
  async function awaitDeliveryPolicy(FunctionName: string): Promise<void> {
    if (!destinations) return;
    log('lambda-eic: waiting for the delivery policy to take effect (AWS takes seconds to apply a new policy)');
    for (const ref of DELIVERABLE) {
      const arn = destinations.arns[ref];
      const { result } = await withRetries(() => paced({ operation: 'PutFunctionEventInvokeConfig', input: { FunctionName, DestinationConfig: { OnFailure: { Destination: arn } } } }), failureOf, {
        retryable: (f) => arrangeRetryable(f) || (f.status === 400 && NOT_YET_PERMITTED.test(f.message)),
        budgetMs: options.policyBudgetMs ?? 120_000,
        baseDelayMs: 500,
      });
      if (result.error) throw new TargetUnreachable(`the ${ref} destination ${arn} is still refused: ${result.error.code}: ${result.error.message}`);
    }
    await retried({ operation: 'DeleteFunctionEventInvokeConfig', input: { FunctionName } });
  }

  /** A first function: waits out role and policy propagation once, and proves the runtime is accepted. */
  async function probe(): Promise<void> {
    const FunctionName = `${options.runPrefix}-probe`;
    log('lambda-eic: creating a probe function (AWS refuses a new role for about ten seconds; retrying meanwhile)');
    const made = await arrangeSend({ operation: 'CreateFunction', input: { FunctionName, Role: role!, Runtime: runtime, Handler: 'index.handler', Code: { ZipFile: deploymentPackage() } } });
    try {
      if (!made.error) await awaitDeliveryPolicy(FunctionName);
    } finally {
      await arrangeSend({ operation: 'DeleteFunction', input: { FunctionName } });
    }
    if (made.status === undefined && made.error?.code === 'NetworkError') throw new TargetUnreachable(`cannot reach Lambda: ${made.error.message.split('\n')[0]}`);
    if (made.error) throw new TargetUnreachable(`the probe CreateFunction failed: ${made.error.code}: ${made.error.message.split('\n')[0]}`);
  }

  async function deleteEntry(entry: LedgerEntry): Promise<void> {
    if (entry.kind === 'function') {
      const seen = await retried({ operation: 'DeleteFunction', input: { FunctionName: entry.id } }, () => false, 30_000);
      if (seen.error && seen.status !== 404) throw new Error(`${seen.error.code}: ${seen.error.message}`);
      return;
    }
    if (entry.kind === 'role') {
      iam ??= new Iam(await endpoint('iam'), credentials);
      return iam.deleteRole(entry.id);
    }
    return deleteDestination(entry, endpoint, credentials);
  }

  const target: AwsTarget = {
    get label() {
      return `aws${region ? ` ${region}` : ''}`;
    },
    get endpoint() {
      return lambdaOverride || (region ? serviceEndpoint('lambda', region).url : undefined);
    },
    observesWire: true,
    /** Only a role made for the run has a policy the suite controls; the user's own role may allow anything. */
    checksIam: !options.roleArn,
    runtime,
    get destinationNames() {
      return destinations?.names;
    },
    ledger,
    credentials,
    serviceEndpoint: endpoint,
    async iamClient() {
      iam ??= new Iam(await endpoint('iam'), credentials);
      return iam;
    },
    whoAmI,
    async connect() {
      if (identity) return identity;
      const who = await whoAmI();
      if (!options.allowAccount)
        throw new TargetUnreachable(`refusing to write to account ${who.account} (${who.arn}): pass --allow-account ${who.account} to allow it, or --plan to see what a run would create`);
      if (options.allowAccount !== who.account)
        throw new TargetUnreachable(`refusing: the credentials are for account ${who.account} (${who.arn}), but --allow-account says ${options.allowAccount}; nothing was created`);
      iam = new Iam(await endpoint('iam'), credentials);
      role = options.roleArn ?? (await makeRole(who.account));
      await makeDestinations(who);
      identity = { account: who.account, region: who.region, partition: who.partition };
      await probe();
      return identity;
    },
    send: (request) => (ledger.isClosed ? Promise.resolve(stopping(request)) : judged(() => paced(request))),
    sendRaw: async (raw) => {
      const origin = target.endpoint!;
      const creds = await credentials();
      return judged(async () => {
        await pacer.turn();
        return rawExchange(origin, await resolveRegion(), raw, creds);
      });
    },
    arrangeSend,
    lambdaCall: (request) => retried(request, () => false, 60_000),
    async roleArn() {
      if (!role) await target.connect();
      return role!;
    },
    teardown(budgetMs = 120_000) {
      torn ??= ledger.teardown(deleteEntry, budgetMs);
      return torn;
    },
    async dispose() {
      const left = await target.teardown();
      for (const entry of left) log(`lambda-eic: could not delete ${entry.kind} ${entry.id}: ${entry.error} (run 'lambda-eic cleanup --target aws')`);
      client.destroy();
    },
  };
  return target;
}

export { AwsCallError };
