/**
 * `lambda-eic-conformance/client-mock`: aws-sdk-client-mock on `LambdaClient`, answered by the
 * reference model. Each supported command runs through the client's own middleware (the SDK's
 * serialisation, endpoint resolution and parsing, whatever its version) and is answered in memory
 * by the same HTTP exchange as the embedded server (`handleHttp`), so outputs and exceptions are
 * what the user's SDK returns. Signing, retries and the network are never run: any other command,
 * client or failure rejects with an Error naming it (never a silent `undefined`, never a real call).
 */
import { LambdaClient, type LambdaClientResolvedConfig, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-lambda';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { OPERATIONS, isOperationName, type OperationName } from '../spec/operations.js';
import { createModelCore, type LambdaModelHandle, type ModelOptions } from './handle.js';
import { assertSupportedSdk } from './sdk-support.js';
import { directInput, isPlainClient, isPlainCommand, sdkOutput } from './direct-call.js';
import { sendOffline, unsupportedShape, type Answer, type ClientLike, type CommandLike } from './sdk-wire.js';
import type { WireResponse } from '../http/codec.js';

export type { LambdaModelHandle, ModelOptions, SeedFunctionOptions, SeededFunction, ConfigSettings, ConfigSnapshot } from './handle.js';
export { SDK_FLOOR, SDK_RANGE } from './sdk-support.js';

/**
 * aws-sdk-client-mock's stub of `LambdaClient#send`, as `mockLambda().stub` exposes it.
 * @remarks An escape hatch into aws-sdk-client-mock, not part of the model's contract: read call
 * history and use it with the aws-sdk-client-mock-vitest/-jest matchers; its `reset()`,
 * `on()`, `resolves()` and `callsFake()` replace the model's answers.
 */
export type LambdaStub = AwsStub<ServiceInputTypes, ServiceOutputTypes, LambdaClientResolvedConfig>;

export interface MockLambdaOptions extends ModelOptions {
  /** Mock this client only. Default: every LambdaClient (its prototype). */
  readonly client?: LambdaClient;
}

export interface LambdaMock extends LambdaModelHandle {
  /**
   * The aws-sdk-client-mock stub: call history, and the target of aws-sdk-client-mock-vitest/jest matchers.
   * @remarks Escape hatch: `stub.reset()` or `stub.on(...)` replace the model's answers; reset with
   * `mock.reset()`, which keeps them.
   * @example expect(mock.stub).toHaveReceivedCommandWith(PutFunctionEventInvokeConfigCommand, { MaximumRetryAttempts: 0 });
   */
  readonly stub: LambdaStub;
  /**
   * Puts the real `send` back.
   * @example mock.restore()
   */
  restore(): void;
}

const SUPPORTED = Object.keys(OPERATIONS)
  .map((name) => `${name}Command`)
  .join(', ');

/** The client's region when it has one; a mock that answers for another region must say so. */
async function regionOf(client: LambdaClient): Promise<string | undefined> {
  try {
    return await client.config.region();
  } catch {
    return undefined;
  }
}

/** Hands the SDK's way an answer the model already gave (once), else asks the model. */
class Replay {
  pending: WireResponse | undefined;
  constructor(private readonly fallback: Answer) {}
  readonly answer: Answer = (request) => {
    const given = this.pending;
    this.pending = undefined;
    return given ?? this.fallback(request);
  };
}

/** Operations by command class name, looked up once per name (only names of classes that were sent). */
const OPERATION_OF_CLASS = new Map<string, OperationName | null>();

/** The operation a command names (`GetFunctionEventInvokeConfigCommand` -> GetFunctionEventInvokeConfig), if the model answers it. */
function operationOf(command: unknown): OperationName | undefined {
  const name = (command as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  if (typeof name !== 'string') return undefined;
  let operation = OPERATION_OF_CLASS.get(name);
  if (operation === undefined) {
    const stem = name.endsWith('Command') ? name.slice(0, -'Command'.length) : '';
    operation = isOperationName(stem) ? stem : null;
    OPERATION_OF_CLASS.set(name, operation);
  }
  return operation ?? undefined;
}

function commandName(command: unknown): string {
  const name = (command as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? name : `a ${typeof command} that is not an SDK command`;
}

/**
 * Mocks `LambdaClient#send` with answers from the reference model.
 * @example
 * const lambda = mockLambda();
 * lambda.seedFunction('my-function');
 * const client = new LambdaClient({ region: 'us-east-1' });
 * await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumRetryAttempts: 0 }));
 * lambda.configOf('my-function')?.maximumRetryAttempts; // 0
 * lambda.restore();
 */
export function mockLambda(options: MockLambdaOptions = {}): LambdaMock {
  assertSupportedSdk();
  const core = createModelCore(options);
  const stub: LambdaStub = options.client ? mockClient(options.client) : mockClient(LambdaClient);

  // One dispatching behaviour rather than sixteen `.on(Command)` ones: sinon tries every `withArgs`
  // fake on each call, which cost ~250 µs per call. A user's own `.on(...)` still takes precedence.
  stub.send.callsFake(function (this: LambdaClient, command: unknown, ...rest: unknown[]) {
    const answered = answer(this, command);
    const callback = rest.find((arg): arg is (error: unknown, output?: unknown) => void => typeof arg === 'function');
    if (!callback) return answered;
    answered.then(
      (output) => callback(null, output),
      (error: unknown) => callback(error),
    );
    return undefined as unknown as Promise<ServiceOutputTypes>; // the SDK's callback form returns nothing
  });

  // Answers the model already gave, for the SDK's way to turn into its exception: one slot per call in flight.
  const replays: Replay[] = [];
  async function replay(client: LambdaClient, command: CommandLike, wire: WireResponse): Promise<ServiceOutputTypes> {
    const slot = replays.pop() ?? new Replay(core.answer);
    slot.pending = wire;
    try {
      return await sendOffline<ServiceOutputTypes>(client as unknown as ClientLike, command, slot.answer);
    } finally {
      slot.pending = undefined;
      replays.push(slot);
    }
  }

  async function answer(client: LambdaClient, command: unknown): Promise<ServiceOutputTypes> {
    const operation = operationOf(command);
    if (operation === undefined) throw new Error(`mockLambda does not answer ${commandName(command)}: the model answers ${SUPPORTED}`);
    const shape = unsupportedShape(client, command);
    if (shape) throw new Error(`mockLambda cannot answer ${commandName(command)}: ${shape}`);
    const region = await regionOf(client);
    if (region !== undefined && region !== core.region) throw new Error(`mockLambda answers for ${core.region} but the client is configured for ${region}: use mockLambda({ region: '${region}' })`);
    const sdkCommand = command as CommandLike;
    // The short way (direct-call.ts) where it returns what the SDK's way would; the SDK's way otherwise.
    const input = isPlainCommand(sdkCommand) && isPlainClient(client) ? directInput(operation, sdkCommand.input) : undefined;
    const outcome = input && core.call(operation, input);
    if (!outcome) return sendOffline<ServiceOutputTypes>(client as unknown as ClientLike, sdkCommand, core.answer);
    if (!outcome.ok) return replay(client, sdkCommand, outcome.answer);
    return sdkOutput(operation, outcome.status, outcome.output, outcome.requestId) as unknown as ServiceOutputTypes;
  }

  const { answer: _answer, ...handle } = core;
  return {
    ...handle,
    stub,
    reset() {
      core.reset();
      stub.resetHistory();
    },
    restore: () => stub.restore(),
  };
}
