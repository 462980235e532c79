/**
 * The constraint half of the spec table: every member the emulator validates, with its type,
 * range, length and pattern, exactly as `aws-behaviour.md` section 1 gives them [model].
 *
 * Validation messages are built from this data (see `src/model/validate.ts`); no handler
 * retypes a number or a pattern.
 */

export interface StringShape {
  readonly type: 'string';
  readonly min?: number;
  readonly max?: number;
  /** The values allowed, as AWS lists them in messages. */
  readonly enum?: readonly string[];
  /** The pattern as AWS prints it in messages; it is applied to the whole value. */
  readonly pattern?: string;
}

export interface IntegerShape {
  readonly type: 'integer';
  readonly min?: number;
  readonly max?: number;
}

export interface StructureShape {
  readonly type: 'structure';
  /** Members in the order of the AWS model; validation reports them in this order. */
  readonly members: Readonly<Record<string, MemberSpec>>;
}

export interface BlobShape {
  readonly type: 'blob';
}

export interface BooleanShape {
  readonly type: 'boolean';
}

export interface MapShape {
  readonly type: 'map';
  /** Every key and value must be of these shapes (checked for type, then constraints). */
  readonly key?: StringShape;
  readonly value?: StringShape;
  readonly maxEntries?: number;
}

export interface ListShape {
  readonly type: 'list';
  /** Every item must be of this shape; `min`/`max` bound the number of items. */
  readonly member?: StringShape;
  readonly min?: number;
  readonly max?: number;
}

export type Shape = StringShape | IntegerShape | StructureShape | BlobShape | BooleanShape | MapShape | ListShape;

export interface MemberSpec {
  readonly shape: Shape;
  /** The lower-camel path AWS prints in validation messages (`maximumRetryAttempts`). */
  readonly path: string;
  readonly location?: 'uri' | 'querystring' | 'body';
  readonly required?: boolean;
}

export const PATTERNS = {
  namespacedFunctionName: '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?',
  functionName: '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?',
  qualifier: '\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+',
  destination: '$|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)',
  functionArn: 'arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?',
  roleArn: 'arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+',
  alias: '(?!^[0-9]+$)([a-zA-Z0-9-_]+)',
  version: '(\\$LATEST(\\.PUBLISHED)?|[0-9]+)',
  handler: '[^\\s]+',
} as const;

/** A bare function name (no ARN, no partial ARN) is limited to this many characters [docs]. */
export const BARE_FUNCTION_NAME_MAX = 64;

/** Page size of ListFunctionEventInvokeConfigs when MaxItems is not given [model]. */
export const LIST_DEFAULT_MAX_ITEMS = 50;

/** Largest request body accepted, per operation family (bytes). */
export const BODY_LIMITS = { default: 256 * 1024, code: 70 * 1024 * 1024 } as const;

export const SHAPES = {
  NamespacedFunctionName: { type: 'string', min: 1, max: 256, pattern: PATTERNS.namespacedFunctionName },
  FunctionName: { type: 'string', min: 1, max: 140, pattern: PATTERNS.functionName },
  Qualifier: { type: 'string', min: 1, max: 128, pattern: PATTERNS.qualifier },
  MaximumRetryAttempts: { type: 'integer', min: 0, max: 2 },
  MaximumEventAgeInSeconds: { type: 'integer', min: 60, max: 21600 },
  MaxEventInvokeConfigItems: { type: 'integer', min: 1, max: 50 },
  MaxListItems: { type: 'integer', min: 1, max: 10000 },
  DestinationArn: { type: 'string', min: 0, max: 350, pattern: PATTERNS.destination },
  String: { type: 'string' },
  RoleArn: { type: 'string', pattern: PATTERNS.roleArn },
  Handler: { type: 'string', min: 0, max: 128, pattern: PATTERNS.handler },
  Description: { type: 'string', min: 0, max: 256 },
  Timeout: { type: 'integer', min: 1 },
  MemorySize: { type: 'integer', min: 128, max: 32768 },
  Alias: { type: 'string', min: 1, max: 128, pattern: PATTERNS.alias },
  Version: { type: 'string', min: 1, max: 1024, pattern: PATTERNS.version },
  Blob: { type: 'blob' },
  Boolean: { type: 'boolean' },
  Map: { type: 'map' },
  List: { type: 'list' },
  /** Lambda tags: string keys of 1-128 and values of 0-256 characters, at most 50 [docs: Lambda tagging limits]. */
  Tags: { type: 'map', key: { type: 'string', min: 1, max: 128 }, value: { type: 'string', min: 0, max: 256 }, maxEntries: 50 },
  /** One architecture, x86_64 or arm64 [model: ArchitecturesList]. */
  Architectures: { type: 'list', member: { type: 'string', enum: ['x86_64', 'arm64'] }, min: 1, max: 1 },
} as const satisfies Record<string, Shape>;

const destination = (path: string): StructureShape => ({
  type: 'structure',
  members: { Destination: { shape: SHAPES.DestinationArn, path: `${path}.destination` } },
});

export const DESTINATION_CONFIG: StructureShape = {
  type: 'structure',
  members: {
    OnSuccess: { shape: destination('destinationConfig.onSuccess'), path: 'destinationConfig.onSuccess' },
    OnFailure: { shape: destination('destinationConfig.onFailure'), path: 'destinationConfig.onFailure' },
  },
};
