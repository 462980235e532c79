/**
 * The route half of the spec table: each operation the emulator implements, its HTTP binding,
 * its success status and its input members in model order (`aws-behaviour.md` section 1) [model].
 */
import { BODY_LIMITS, DESTINATION_CONFIG, SHAPES, type MemberSpec, type Shape } from './shapes.js';

export interface OperationSpec {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  readonly uri: string;
  readonly successStatus: number;
  /** Input members in model order; validation messages list them in this order. */
  readonly input: Readonly<Record<string, MemberSpec>>;
  /** True for the event-invoke-config API; false for the arrange subset of the control plane. */
  readonly eventInvokeConfig: boolean;
  /** Largest body accepted, in bytes. */
  readonly bodyLimit: number;
  /** Whether body members outside `input` are refused (the EIC operations) or ignored. */
  readonly strictBody: boolean;
  /**
   * For a List operation: the answer member holding the items, and whether AWS specifies their
   * order. `unspecified` means a check may assert a page's members, never their order.
   */
  readonly items?: { readonly member: string; readonly order: 'unspecified' };
}

/** A member whose shape keeps its type (`SHAPES.MaximumRetryAttempts`: an integer of 0 to 2). */
type Member<S extends Shape> = MemberSpec & { readonly shape: S };
/** A member validation refuses when absent; its `true` stays in the type, so inputs are typed by it (`inputs.ts`). */
type RequiredMember<S extends Shape> = Member<S> & { readonly required: true };
const uri = <S extends Shape>(shape: S, path: string): RequiredMember<S> => ({ shape, path, location: 'uri', required: true });
const query = <S extends Shape>(shape: S, path: string): Member<S> => ({ shape, path, location: 'querystring' });
const body = <S extends Shape>(shape: S, path: string): Member<S> => ({ shape, path, location: 'body', required: false });
const requiredBody = <S extends Shape>(shape: S, path: string): RequiredMember<S> => ({ shape, path, location: 'body', required: true });

const EIC_URI = '/2019-09-25/functions/{FunctionName}/event-invoke-config';
const eicTarget = {
  FunctionName: uri(SHAPES.NamespacedFunctionName, 'functionName'),
  Qualifier: query(SHAPES.Qualifier, 'qualifier'),
};
const eicSettings = {
  ...eicTarget,
  MaximumRetryAttempts: body(SHAPES.MaximumRetryAttempts, 'maximumRetryAttempts'),
  MaximumEventAgeInSeconds: body(SHAPES.MaximumEventAgeInSeconds, 'maximumEventAgeInSeconds'),
  DestinationConfig: body(DESTINATION_CONFIG, 'destinationConfig'),
};
const eic = { eventInvokeConfig: true, bodyLimit: BODY_LIMITS.default, strictBody: true } as const;
const control = { eventInvokeConfig: false, bodyLimit: BODY_LIMITS.default, strictBody: false } as const;
const FN = '/2015-03-31/functions/{FunctionName}';

export const OPERATIONS = {
  PutFunctionEventInvokeConfig: { method: 'PUT', uri: EIC_URI, successStatus: 200, input: eicSettings, ...eic },
  UpdateFunctionEventInvokeConfig: { method: 'POST', uri: EIC_URI, successStatus: 200, input: eicSettings, ...eic },
  GetFunctionEventInvokeConfig: { method: 'GET', uri: EIC_URI, successStatus: 200, input: eicTarget, ...eic },
  DeleteFunctionEventInvokeConfig: { method: 'DELETE', uri: EIC_URI, successStatus: 204, input: eicTarget, ...eic },
  ListFunctionEventInvokeConfigs: {
    method: 'GET',
    uri: `${EIC_URI}/list`,
    successStatus: 200,
    input: {
      FunctionName: uri(SHAPES.NamespacedFunctionName, 'functionName'),
      Marker: query(SHAPES.String, 'marker'),
      MaxItems: query(SHAPES.MaxEventInvokeConfigItems, 'maxItems'),
    },
    // Configs made as $LATEST, 1, alias came back as alias, $LATEST, 1 [recorded 2022-09].
    items: { member: 'FunctionEventInvokeConfigs', order: 'unspecified' },
    ...eic,
  },
  CreateFunction: {
    method: 'POST',
    uri: '/2015-03-31/functions',
    successStatus: 201,
    input: {
      FunctionName: requiredBody(SHAPES.FunctionName, 'functionName'),
      Runtime: body(SHAPES.String, 'runtime'),
      Role: requiredBody(SHAPES.RoleArn, 'role'),
      Handler: body(SHAPES.Handler, 'handler'),
      Code: requiredBody(
        {
          type: 'structure',
          members: {
            ZipFile: { shape: SHAPES.Blob, path: 'code.zipFile' },
            S3Bucket: { shape: SHAPES.String, path: 'code.s3Bucket' },
            S3Key: { shape: SHAPES.String, path: 'code.s3Key' },
            S3ObjectVersion: { shape: SHAPES.String, path: 'code.s3ObjectVersion' },
            ImageUri: { shape: SHAPES.String, path: 'code.imageUri' },
          },
        },
        'code',
      ),
      Description: body(SHAPES.Description, 'description'),
      Timeout: body(SHAPES.Timeout, 'timeout'),
      MemorySize: body(SHAPES.MemorySize, 'memorySize'),
      Publish: body(SHAPES.Boolean, 'publish'),
      PackageType: body(SHAPES.String, 'packageType'),
      Tags: body(SHAPES.Tags, 'tags'),
      Architectures: body(SHAPES.Architectures, 'architectures'),
    },
    ...control,
    bodyLimit: BODY_LIMITS.code,
  },
  GetFunction: { method: 'GET', uri: FN, successStatus: 200, input: eicTarget, ...control },
  DeleteFunction: { method: 'DELETE', uri: FN, successStatus: 204, input: eicTarget, ...control },
  UpdateFunctionCode: {
    method: 'PUT',
    uri: `${FN}/code`,
    successStatus: 200,
    input: {
      FunctionName: uri(SHAPES.FunctionName, 'functionName'),
      ZipFile: body(SHAPES.Blob, 'zipFile'),
      Publish: body(SHAPES.Boolean, 'publish'),
    },
    ...control,
    bodyLimit: BODY_LIMITS.code,
  },
  GetFunctionConfiguration: { method: 'GET', uri: `${FN}/configuration`, successStatus: 200, input: eicTarget, ...control },
  UpdateFunctionConfiguration: {
    method: 'PUT',
    uri: `${FN}/configuration`,
    successStatus: 200,
    input: {
      FunctionName: uri(SHAPES.FunctionName, 'functionName'),
      Role: body(SHAPES.RoleArn, 'role'),
      Handler: body(SHAPES.Handler, 'handler'),
      Description: body(SHAPES.Description, 'description'),
      Timeout: body(SHAPES.Timeout, 'timeout'),
      MemorySize: body(SHAPES.MemorySize, 'memorySize'),
      Runtime: body(SHAPES.String, 'runtime'),
    },
    ...control,
  },
  PublishVersion: {
    method: 'POST',
    uri: `${FN}/versions`,
    successStatus: 201,
    input: {
      FunctionName: uri(SHAPES.FunctionName, 'functionName'),
      CodeSha256: body(SHAPES.String, 'codeSha256'),
      Description: body(SHAPES.Description, 'description'),
    },
    ...control,
  },
  ListVersionsByFunction: {
    method: 'GET',
    uri: `${FN}/versions`,
    successStatus: 200,
    input: {
      FunctionName: uri(SHAPES.NamespacedFunctionName, 'functionName'),
      Marker: query(SHAPES.String, 'marker'),
      MaxItems: query(SHAPES.MaxListItems, 'maxItems'),
    },
    ...control,
  },
  ListFunctions: {
    method: 'GET',
    uri: '/2015-03-31/functions',
    successStatus: 200,
    input: { Marker: query(SHAPES.String, 'marker'), MaxItems: query(SHAPES.MaxListItems, 'maxItems') },
    ...control,
  },
  CreateAlias: {
    method: 'POST',
    uri: `${FN}/aliases`,
    successStatus: 201,
    input: {
      FunctionName: uri(SHAPES.FunctionName, 'functionName'),
      Name: requiredBody(SHAPES.Alias, 'name'),
      FunctionVersion: requiredBody(SHAPES.Version, 'functionVersion'),
      Description: body(SHAPES.Description, 'description'),
    },
    ...control,
  },
  GetAlias: {
    method: 'GET',
    uri: `${FN}/aliases/{Name}`,
    successStatus: 200,
    input: { FunctionName: uri(SHAPES.FunctionName, 'functionName'), Name: uri(SHAPES.Alias, 'name') },
    ...control,
  },
  DeleteAlias: {
    method: 'DELETE',
    uri: `${FN}/aliases/{Name}`,
    successStatus: 204,
    input: { FunctionName: uri(SHAPES.FunctionName, 'functionName'), Name: uri(SHAPES.Alias, 'name') },
    ...control,
  },
  ListAliases: {
    method: 'GET',
    uri: `${FN}/aliases`,
    successStatus: 200,
    input: {
      FunctionName: uri(SHAPES.FunctionName, 'functionName'),
      FunctionVersion: query(SHAPES.Version, 'functionVersion'),
      Marker: query(SHAPES.String, 'marker'),
      MaxItems: query(SHAPES.MaxListItems, 'maxItems'),
    },
    ...control,
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATIONS;

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(OPERATIONS, name);

/**
 * Every operation of the spec table, in table order.
 * @example OPERATION_NAMES.length // 18
 */
export const OPERATION_NAMES: readonly OperationName[] = Object.keys(OPERATIONS).filter(isOperationName);

/**
 * An operation's input members in model order, as `[name, member]` pairs.
 * @example inputMembers('GetFunctionEventInvokeConfig').map(([name]) => name) // ['FunctionName', 'Qualifier']
 */
export function inputMembers(operation: OperationName): [string, MemberSpec][] {
  const spec: OperationSpec = OPERATIONS[operation];
  return Object.entries(spec.input);
}

/** The operations the spec table marks `eventInvokeConfig` (the API under test). */
export type EicOperationName = { [O in OperationName]: (typeof OPERATIONS)[O]['eventInvokeConfig'] extends true ? O : never }[OperationName];

const isEicOperation = (name: OperationName): name is EicOperationName => OPERATIONS[name].eventInvokeConfig;

/**
 * The five event-invoke-config operations, in table order, derived from the spec table.
 * @example EIC_OPERATIONS[0] // 'PutFunctionEventInvokeConfig'
 */
export const EIC_OPERATIONS: readonly EicOperationName[] = OPERATION_NAMES.filter(isEicOperation);
