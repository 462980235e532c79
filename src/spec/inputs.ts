/**
 * The input half of the spec table, as types: each operation's request as the AWS SDK types it
 * (`@aws-sdk/client-lambda`, imported for its types only: nothing of it is loaded at run time),
 * narrowed to what the model's validation has checked. Wire input stays `unknown`-valued until
 * `checkInput` (`src/model/validate.ts`) has checked it against `OPERATIONS`; from there on the
 * handlers read typed members.
 */
import type * as Sdk from '@aws-sdk/client-lambda';
import type { OPERATIONS, OperationName } from './operations.js';

/** Each operation's request type in the SDK. */
export interface OperationRequests {
  PutFunctionEventInvokeConfig: Sdk.PutFunctionEventInvokeConfigRequest;
  UpdateFunctionEventInvokeConfig: Sdk.UpdateFunctionEventInvokeConfigRequest;
  GetFunctionEventInvokeConfig: Sdk.GetFunctionEventInvokeConfigRequest;
  DeleteFunctionEventInvokeConfig: Sdk.DeleteFunctionEventInvokeConfigRequest;
  ListFunctionEventInvokeConfigs: Sdk.ListFunctionEventInvokeConfigsRequest;
  CreateFunction: Sdk.CreateFunctionRequest;
  GetFunction: Sdk.GetFunctionRequest;
  GetFunctionConfiguration: Sdk.GetFunctionConfigurationRequest;
  UpdateFunctionConfiguration: Sdk.UpdateFunctionConfigurationRequest;
  DeleteFunction: Sdk.DeleteFunctionRequest;
  UpdateFunctionCode: Sdk.UpdateFunctionCodeRequest;
  PublishVersion: Sdk.PublishVersionRequest;
  ListVersionsByFunction: Sdk.ListVersionsByFunctionRequest;
  ListFunctions: Sdk.ListFunctionsRequest;
  CreateAlias: Sdk.CreateAliasRequest;
  GetAlias: Sdk.GetAliasRequest;
  DeleteAlias: Sdk.DeleteAliasRequest;
  ListAliases: Sdk.ListAliasesRequest;
}

/**
 * A value as it may arrive once its JSON type is checked: a blob as bytes or base64 text, an enum
 * as any string (the spec table checks only the enums it lists), a structure's members optional
 * and possibly JSON `null`.
 */
export type WireValue<T> = T extends Uint8Array
  ? Uint8Array | string
  : T extends string
    ? string
    : T extends number | boolean
      ? T
      : T extends readonly (infer E)[]
        ? readonly WireValue<E>[]
        : T extends object
          ? string extends keyof T
            ? { readonly [key: string]: WireValue<T[string]> }
            : { readonly [K in keyof T]?: WireValue<NonNullable<T[K]>> | null }
          : T;

type Members<O extends OperationName> = (typeof OPERATIONS)[O]['input'];
/** The members the spec table requires (validation refuses the call without them). */
type RequiredMembers<O extends OperationName> = {
  [K in keyof Members<O>]: Members<O>[K] extends { readonly required: true } ? K : never;
}[keyof Members<O>];
/** The members the spec table declares (and so validates); any other member is never read. */
type Checked<O extends OperationName> = keyof Members<O> & keyof OperationRequests[O];

type Validated<O extends OperationName> = {
  readonly [K in Checked<O> & RequiredMembers<O>]: WireValue<NonNullable<OperationRequests[O][K]>>;
} & {
  readonly [K in Exclude<Checked<O>, RequiredMembers<O>>]?: WireValue<NonNullable<OperationRequests[O][K]>> | null;
};

/**
 * Each operation's input after validation: the SDK request's members that the spec table declares,
 * required ones present, every value of its JSON type.
 * @example
 * const input: OperationInputs['GetFunctionEventInvokeConfig'] = { FunctionName: 'my-function', Qualifier: '1' };
 */
export type OperationInputs = { [O in OperationName]: { [K in keyof Validated<O>]: Validated<O>[K] } };

/** One operation's validated input. */
export type OperationInput<O extends OperationName> = OperationInputs[O];

/** The spec table's members that the SDK's request type lacks: `never`, or the type below does not compile. */
type Untyped = { [O in OperationName]: Exclude<keyof Members<O>, keyof OperationRequests[O]> }[OperationName];
type MustBeNever<T extends never> = T;
/** Compile-time proof that every member the spec table validates is typed from the SDK. */
export type EveryMemberTyped = MustBeNever<Untyped>;
