/**
 * `lambda-eic-conformance/client-mock`: aws-sdk-client-mock on `LambdaClient`, answered by the
 * reference model. Each supported command is serialised by the SDK's own protocol, answered by
 * the same HTTP exchange as the embedded server (`handleHttp`), and parsed back by the SDK's own
 * deserializer, so outputs and exceptions are what the real SDK returns. Any other command
 * rejects with an Error naming it (never a silent `undefined`).
 */
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  DeleteFunctionEventInvokeConfigCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetFunctionEventInvokeConfigCommand,
  LambdaClient,
  ListAliasesCommand,
  ListFunctionEventInvokeConfigsCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type LambdaClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-lambda';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import type { OperationName } from '../spec/operations.js';
import { createModelCore, type LambdaModelHandle, type ModelOptions } from './handle.js';
import { fromHttpResponse, operationSchemaOf, toHttpRequest } from './sdk-wire.js';

export type { LambdaModelHandle, ModelOptions, SeedFunctionOptions, SeededFunction, ConfigSettings, ConfigSnapshot } from './handle.js';

/** The command class of every operation the model answers; the type makes the table complete. */
export const LAMBDA_COMMANDS = {
  PutFunctionEventInvokeConfig: PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfig: UpdateFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfig: GetFunctionEventInvokeConfigCommand,
  DeleteFunctionEventInvokeConfig: DeleteFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigs: ListFunctionEventInvokeConfigsCommand,
  CreateFunction: CreateFunctionCommand,
  GetFunction: GetFunctionCommand,
  GetFunctionConfiguration: GetFunctionConfigurationCommand,
  UpdateFunctionConfiguration: UpdateFunctionConfigurationCommand,
  DeleteFunction: DeleteFunctionCommand,
  UpdateFunctionCode: UpdateFunctionCodeCommand,
  PublishVersion: PublishVersionCommand,
  ListVersionsByFunction: ListVersionsByFunctionCommand,
  ListFunctions: ListFunctionsCommand,
  CreateAlias: CreateAliasCommand,
  GetAlias: GetAliasCommand,
  DeleteAlias: DeleteAliasCommand,
  ListAliases: ListAliasesCommand,
} as const satisfies Record<OperationName, new (input: never) => unknown>;

export type LambdaStub = AwsStub<ServiceInputTypes, ServiceOutputTypes, LambdaClientResolvedConfig>;

export interface MockLambdaOptions extends ModelOptions {
  /** Mock this client only. Default: every LambdaClient (its prototype). */
  readonly client?: LambdaClient;
}

export interface LambdaMock extends LambdaModelHandle {
  /** The aws-sdk-client-mock stub: call history, and the target of aws-sdk-client-mock-vitest/jest matchers. */
  readonly stub: LambdaStub;
  /**
   * Puts the real `send` back.
   * @example mock.restore()
   */
  restore(): void;
}

const SUPPORTED = Object.values(LAMBDA_COMMANDS).map((c) => c.name).join(', ');
const OPERATION_SCHEMAS = Object.values(LAMBDA_COMMANDS).map((Command) => [Command, operationSchemaOf(Command)] as const);

/** The client's region when it has one; a mock that answers for another region must say so. */
async function regionOf(client: LambdaClient): Promise<string | undefined> {
  try {
    return await client.config.region();
  } catch {
    return undefined;
  }
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
  const core = createModelCore(options);
  const stub: LambdaStub = options.client ? mockClient(options.client) : mockClient(LambdaClient);
  const hostname = `lambda.${core.region}.amazonaws.com`;

  // One dispatching behaviour rather than sixteen `.on(Command)` ones: sinon tries every `withArgs`
  // fake on each call, which cost ~250 µs per call. A user's own `.on(...)` still takes precedence.
  stub.send.callsFake(function (this: LambdaClient, command) {
    const operation = OPERATION_SCHEMAS.find(([Command]) => command instanceof Command)?.[1];
    if (!operation)
      return Promise.reject(new Error(`mockLambda does not answer ${command.constructor.name}: the model answers ${SUPPORTED}`));
    return (async () => {
      const region = await regionOf(this);
      if (region !== undefined && region !== core.region)
        throw new Error(`mockLambda answers for ${core.region} but the client is configured for ${region}: use mockLambda({ region: '${region}' })`);
      const request = await toHttpRequest(this.config, operation, command.input, hostname);
      return fromHttpResponse<ServiceOutputTypes>(this.config, operation, core.answer(request));
    })();
  });

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
