/**
 * What every mock transport offers on top of answering calls: one emulator, seeding through the
 * model's own operations (so seeded state is state AWS could hold), read-only inspection, fault
 * injection through the model's FaultPlan, and reset. The client mock and the nock interceptor
 * share it; neither adds behaviour of its own.
 */
import type { PutFunctionEventInvokeConfigRequest } from '@aws-sdk/client-lambda';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, systemContext, type Context } from '../model/context.js';
import { Emulator } from '../model/emulator.js';
import type { ActiveFault, FaultKind, FaultSpec } from '../model/faults.js';
import { parseFunctionName } from '../model/names.js';
import { snapshot, type StateSnapshot } from '../model/snapshot.js';
import { handleHttp, type HandlerDefaults, type HttpRequestLike } from '../http/handler.js';
import type { WireResponse } from '../http/codec.js';
import { isOperationName, type OperationName } from '../spec/operations.js';
import { arrangeCalls } from '../arrange/plan.js';

export interface ModelOptions {
  /** The region the mock answers as. Default us-east-1. */
  readonly region?: string;
  /** The caller's account. Default 123456789012. */
  readonly account?: string;
  /** Epoch milliseconds, for deterministic LastModified values. Default the system clock. */
  readonly now?: () => number;
  /** Request and revision ids. Default random UUIDs. */
  readonly newId?: () => string;
  /** Share an emulator (its state and faults) with another transport, e.g. `startServer({ emulator })`. */
  readonly emulator?: Emulator;
}

export interface SeedFunctionOptions {
  /** How many versions to publish (1, 2, ...), each with its own code. Default 0. */
  readonly versions?: number;
  /** Aliases to create, name to version (`{ live: '1' }`). */
  readonly aliases?: Readonly<Record<string, string>>;
}

export interface SeededFunction {
  readonly FunctionName: string;
  readonly FunctionArn: string;
  readonly Versions: readonly string[];
  readonly Aliases: readonly string[];
}

/** The settings of a config, as the SDK's PutFunctionEventInvokeConfig input spells them. */
export type ConfigSettings = Omit<PutFunctionEventInvokeConfigRequest, 'FunctionName'>;

/** One stored config, as `state()` shows it. */
export type ConfigSnapshot = StateSnapshot['regions'][number]['functions'][number]['configs'][number];

/** Seeding, inspection, faults and reset: the same on every mock transport. */
export interface LambdaModelHandle {
  /**
   * The emulator answering this mock, to share it with another transport (`startServer({ emulator })`).
   * @remarks Its `world` and `quirks` are escape hatches into the live model: read state with
   * `state()` or `configOf()`, change it with `seedFunction()`, `seedConfig()` and the SDK.
   * @example const server = await startServer({ emulator: mock.emulator });
   */
  readonly emulator: Emulator;
  readonly region: string;
  readonly account: string;
  /**
   * Creates a function (CreateFunction), publishes versions and creates aliases, through the model.
   * @example mock.seedFunction('my-function', { versions: 2, aliases: { live: '1' } }).Versions // ['1', '2']
   */
  seedFunction(name: string, options?: SeedFunctionOptions): SeededFunction;
  /**
   * Stores a config with PutFunctionEventInvokeConfig (the function must exist) and returns it.
   * @example mock.seedConfig('my-function', { Qualifier: 'live', MaximumRetryAttempts: 0 }).maximumRetryAttempts // 0
   */
  seedConfig(functionName: string, settings: ConfigSettings): ConfigSnapshot;
  /**
   * A copy of the whole state; changing it changes nothing.
   * @example mock.state().regions[0]?.functions.map((f) => f.name) // ['my-function']
   */
  state(): StateSnapshot;
  /**
   * The stored config of a function (name, `name:qualifier` or ARN) and qualifier (default the one
   * in the name, else `$LATEST`), or undefined.
   * @example mock.configOf('my-function', 'live')?.maximumRetryAttempts // 0
   */
  configOf(functionName: string, qualifier?: string): ConfigSnapshot | undefined;
  /**
   * Makes the next `times` calls of an operation (or `*`) fail: 429 throttle, 500 service, 409 conflict.
   * `retryAfterSeconds` (throttle) defaults to 1, which the SDK's retry honours; pass 0 in fast tests.
   * @example mock.failNext('PutFunctionEventInvokeConfig', 'throttle', 2, { retryAfterSeconds: 0 })
   */
  failNext(operation: OperationName | '*', kind: FaultKind, times?: number, details?: Pick<FaultSpec, 'retryAfterSeconds' | 'reason' | 'message'>): ActiveFault;
  /**
   * Forgets all state and armed faults.
   * @example mock.reset()
   */
  reset(): void;
}

/** The handle plus the one thing transports need: an HTTP exchange answered by the same emulator. */
export interface ModelCore extends LambdaModelHandle {
  answer(request: HttpRequestLike): WireResponse;
}

/**
 * Builds the shared core of a mock transport.
 * @example
 * const core = createModelCore({ region: 'eu-west-1' });
 * core.seedFunction('my-function');
 * core.answer({ method: 'GET', url: '/2015-03-31/functions', headers: {}, body: Buffer.alloc(0) }).status // 200
 */
export function createModelCore(options: ModelOptions = {}): ModelCore {
  const emulator = options.emulator ?? new Emulator();
  const region = options.region ?? DEFAULT_REGION;
  const account = options.account ?? DEFAULT_ACCOUNT;
  const clock: Partial<Context> = { ...(options.now ? { now: options.now } : {}), ...(options.newId ? { newId: options.newId } : {}) };
  const context = (r: string, a: string): Context => systemContext({ region: r, account: a, ...clock });
  const defaults: HandlerDefaults = { region, account, context };

  const run = (operation: OperationName, input: Record<string, unknown>): Record<string, unknown> => {
    // Members set to undefined are left out, as the SDK's serializer leaves them out.
    const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    // Seeding never spends a fault meant for the code under test.
    const outcome = emulator.invoke(operation, defined, context(region, account), { faults: false });
    if (!outcome.ok) throw new Error(`seeding failed: ${operation} answered ${outcome.error.code}: ${outcome.error.message}`, { cause: outcome.error });
    return outcome.output ?? {};
  };
  const configOf = (functionName: string, qualifier?: string): ConfigSnapshot | undefined => {
    const ref = parseFunctionName(functionName);
    const wanted = qualifier ?? ref?.qualifier ?? '$LATEST';
    // Straight to the one config (no snapshot of the whole state), so seeding stays O(1) as it grows.
    const config = emulator.world
      .find(ref?.account ?? account, ref?.region ?? region)
      ?.functions.get(ref?.name ?? functionName)
      ?.configs.get(wanted);
    return config && { ...config };
  };

  return {
    emulator,
    region,
    account,
    answer: (request) => handleHttp(emulator, defaults, request),
    seedFunction(name, { versions = 0, aliases = {} } = {}) {
      const given = { functions: [{ ref: 'fn' as const, versions, aliases: Object.entries(aliases).map(([alias, version]) => ({ name: alias, version })) }] };
      const outputs = arrangeCalls(given, { functions: { fn: name }, role: `arn:aws:iam::${account}:role/lambda-eic-mock` }).map(
        (call) => [call.operation, run(call.operation, { ...call.input })] as const,
      );
      const created = outputs.find(([operation]) => operation === 'CreateFunction')![1];
      const published = outputs.filter(([operation]) => operation === 'PublishVersion').map(([, output]) => String(output.Version));
      return { FunctionName: name, FunctionArn: String(created.FunctionArn), Versions: published, Aliases: Object.keys(aliases) };
    },
    seedConfig(functionName, settings) {
      run('PutFunctionEventInvokeConfig', { ...settings, FunctionName: functionName });
      return configOf(functionName, settings.Qualifier)!;
    },
    state: () => snapshot(emulator),
    configOf,
    failNext(operation, kind, times = 1, details = {}) {
      if (operation !== '*' && !isOperationName(operation)) throw new TypeError(`failNext: ${String(operation)} is not an operation the emulator answers`);
      return emulator.faults.add({ ...details, operation, kind, times });
    },
    reset: () => emulator.reset(),
  };
}
