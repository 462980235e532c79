/**
 * The public types of the mocks and the emulator, checked by the compiler (`expectTypeOf`; vitest
 * runs this file in typecheck mode, project `types` in vitest.config.ts): what a user's code may
 * pass, what it gets back, and what the handles do not expose.
 */
import type { LambdaClient, LambdaClientResolvedConfig, PutFunctionEventInvokeConfigRequest, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-lambda';
import type { AwsStub } from 'aws-sdk-client-mock';
import { describe, expectTypeOf, it } from 'vitest';
import {
  mockLambda,
  type ConfigSettings,
  type ConfigSnapshot,
  type LambdaMock,
  type LambdaModelHandle,
  type LambdaStub,
  type MockLambdaOptions,
  type SeededFunction,
  type SeedFunctionOptions,
} from '../../src/adapters/client-mock.js';
import { interceptLambda, type InterceptLambdaOptions, type LambdaInterceptor } from '../../src/adapters/nock.js';
import {
  EIC_OPERATIONS,
  Emulator,
  startServer,
  type ActiveFault,
  type Context,
  type FaultKind,
  type OperationName,
  type Outcome,
  type RunningServer,
  type ServeOptions,
  type StateSnapshot,
} from '../../src/index.js';
import type { OperationInput, OperationRequests } from '../../src/spec/inputs.js';
import type { EicOperationName } from '../../src/spec/operations.js';

/** Never run: the file is only compiled. */
declare const handle: LambdaModelHandle;

describe('mockLambda', () => {
  it('takes the model options and a client, and returns the handle with its stub', () => {
    expectTypeOf(mockLambda).parameters.toEqualTypeOf<[options?: MockLambdaOptions]>();
    expectTypeOf(mockLambda).returns.toEqualTypeOf<LambdaMock>();
    expectTypeOf<MockLambdaOptions>().toHaveProperty('client').toEqualTypeOf<LambdaClient | undefined>();
    expectTypeOf<MockLambdaOptions>().toHaveProperty('now').toEqualTypeOf<(() => number) | undefined>();
    expectTypeOf<MockLambdaOptions>().toHaveProperty('emulator').toEqualTypeOf<Emulator | undefined>();
    expectTypeOf({ region: 'eu-west-1', account: '111122223333' }).toExtend<MockLambdaOptions>();
    // @ts-expect-error an unknown option is a compile error, not a silently ignored setting
    mockLambda({ regoin: 'eu-west-1' });
  });

  it('exposes the aws-sdk-client-mock stub (typed for the matchers), restore() and the shared handle', () => {
    expectTypeOf<LambdaMock>().toExtend<LambdaModelHandle>();
    expectTypeOf<LambdaMock['stub']>().toEqualTypeOf<LambdaStub>();
    expectTypeOf<LambdaStub>().toEqualTypeOf<AwsStub<ServiceInputTypes, ServiceOutputTypes, LambdaClientResolvedConfig>>();
    expectTypeOf<LambdaMock['restore']>().toEqualTypeOf<() => void>();
  });

  it('does not expose the transport core', () => {
    expectTypeOf<LambdaMock>().not.toHaveProperty('answer');
    expectTypeOf<LambdaInterceptor>().not.toHaveProperty('answer');
  });
});

describe('interceptLambda', () => {
  it('takes the model options and returns the handle with origin, done() and restore()', () => {
    expectTypeOf(interceptLambda).parameters.toEqualTypeOf<[options?: InterceptLambdaOptions]>();
    expectTypeOf(interceptLambda).returns.toEqualTypeOf<LambdaInterceptor>();
    expectTypeOf<LambdaInterceptor>().toExtend<LambdaModelHandle>();
    expectTypeOf<LambdaInterceptor['origin']>().toEqualTypeOf<string>();
    expectTypeOf<LambdaInterceptor['done']>().toEqualTypeOf<() => void>();
    expectTypeOf<LambdaInterceptor['restore']>().toEqualTypeOf<() => void>();
  });

  it('does not hand out the raw nock scope', () => {
    expectTypeOf<LambdaInterceptor>().not.toHaveProperty('scope');
  });
});

describe('the handle shared by both mocks', () => {
  it('seeds functions by name with versions and aliases', () => {
    expectTypeOf<LambdaModelHandle['seedFunction']>().toEqualTypeOf<(name: string, options?: SeedFunctionOptions) => SeededFunction>();
    expectTypeOf<SeedFunctionOptions>().toEqualTypeOf<{ readonly versions?: number; readonly aliases?: Readonly<Record<string, string>> }>();
    expectTypeOf<SeededFunction>().toEqualTypeOf<{
      readonly FunctionName: string;
      readonly FunctionArn: string;
      readonly Versions: readonly string[];
      readonly Aliases: readonly string[];
    }>();
  });

  it("seeds configs with the settings as the SDK's Put request spells them", () => {
    expectTypeOf<ConfigSettings>().toEqualTypeOf<Omit<PutFunctionEventInvokeConfigRequest, 'FunctionName'>>();
    expectTypeOf<LambdaModelHandle['seedConfig']>().toEqualTypeOf<(functionName: string, settings: ConfigSettings) => ConfigSnapshot>();
    expectTypeOf(handle.seedConfig('f', { Qualifier: 'live', MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: 'arn' } } }))
      .toHaveProperty('maximumRetryAttempts')
      .toEqualTypeOf<number | undefined>();
    // @ts-expect-error a setting of the wrong type is refused at compile time
    handle.seedConfig('f', { MaximumRetryAttempts: '0' });
    // @ts-expect-error the function is the first argument, not a setting
    handle.seedConfig('f', { FunctionName: 'f', MaximumRetryAttempts: 0 });
  });

  it('reads state as copies', () => {
    expectTypeOf<LambdaModelHandle['state']>().returns.toEqualTypeOf<StateSnapshot>();
    expectTypeOf<LambdaModelHandle['configOf']>().toEqualTypeOf<(functionName: string, qualifier?: string) => ConfigSnapshot | undefined>();
    expectTypeOf<ConfigSnapshot>().toHaveProperty('qualifier').toEqualTypeOf<string>();
  });

  it('arms faults only for operations the model answers, or *', () => {
    expectTypeOf<LambdaModelHandle['failNext']>().parameters.toExtend<[OperationName | '*', FaultKind, number?, object?]>();
    expectTypeOf<LambdaModelHandle['failNext']>().returns.toEqualTypeOf<ActiveFault>();
    expectTypeOf<FaultKind>().toEqualTypeOf<'throttle' | 'service' | 'conflict'>();
    handle.failNext('*', 'throttle', 2, { retryAfterSeconds: 0 });
    // @ts-expect-error Invoke is not an operation the model answers
    handle.failNext('Invoke', 'throttle');
    // @ts-expect-error an unknown fault kind
    handle.failNext('GetFunctionEventInvokeConfig', 'timeout');
  });

  it('shares its emulator with startServer', () => {
    expectTypeOf<LambdaModelHandle['emulator']>().toEqualTypeOf<Emulator>();
    expectTypeOf<LambdaModelHandle['emulator']>().toExtend<NonNullable<ServeOptions['emulator']>>();
  });
});

describe('the emulator and the server', () => {
  it('invoke takes any input (validated into AWS errors) for a known operation', () => {
    expectTypeOf<Emulator['invoke']>().parameters.toEqualTypeOf<[operation: OperationName, input: Readonly<Record<string, unknown>>, ctx?: Context, options?: { faults?: boolean }]>();
    expectTypeOf<Emulator['invoke']>().returns.toEqualTypeOf<Outcome>();
    // @ts-expect-error Invoke is not an operation of the spec table
    new Emulator().invoke('Invoke', {});
  });

  it('startServer answers a running server sharing the emulator', () => {
    expectTypeOf(startServer).parameters.toEqualTypeOf<[options?: ServeOptions]>();
    expectTypeOf(startServer).returns.resolves.toEqualTypeOf<RunningServer>();
    expectTypeOf<RunningServer>().toHaveProperty('emulator').toEqualTypeOf<Emulator>();
    expectTypeOf<RunningServer['close']>().toEqualTypeOf<() => Promise<void>>();
  });
});

describe('the spec table types', () => {
  it('derives the event-invoke-config operations from the table', () => {
    expectTypeOf<EicOperationName>().toEqualTypeOf<
      'PutFunctionEventInvokeConfig' | 'UpdateFunctionEventInvokeConfig' | 'GetFunctionEventInvokeConfig' | 'DeleteFunctionEventInvokeConfig' | 'ListFunctionEventInvokeConfigs'
    >();
    expectTypeOf(EIC_OPERATIONS).toEqualTypeOf<readonly EicOperationName[]>();
  });

  it("types every operation's input from the SDK request", () => {
    expectTypeOf<keyof OperationRequests>().toEqualTypeOf<OperationName>();
    expectTypeOf<OperationInput<'PutFunctionEventInvokeConfig'>>().toEqualTypeOf<{
      readonly FunctionName: string;
      readonly Qualifier?: string | null;
      readonly MaximumRetryAttempts?: number | null;
      readonly MaximumEventAgeInSeconds?: number | null;
      readonly DestinationConfig?: {
        readonly OnSuccess?: { readonly Destination?: string | null } | null;
        readonly OnFailure?: { readonly Destination?: string | null } | null;
      } | null;
    }>();
    // A validated SDK request is an input; a member the spec table does not check is not read.
    expectTypeOf<PutFunctionEventInvokeConfigRequest & { FunctionName: string }>().toExtend<OperationInput<'PutFunctionEventInvokeConfig'>>();
    expectTypeOf<OperationInput<'CreateFunction'>>().toHaveProperty('Code').toExtend<{ readonly ZipFile?: Uint8Array | string | null }>();
    expectTypeOf<OperationInput<'CreateFunction'>>().not.toHaveProperty('VpcConfig');
  });
});
