import { PATTERNS } from '../spec/shapes.js';
import type { Context } from './context.js';

/** What a FunctionName value says, once it has passed the model's pattern. */
export interface FunctionRef {
  readonly name: string;
  readonly partition?: string;
  readonly region?: string;
  readonly account?: string;
  readonly qualifier?: string;
  /** True for a full or partial ARN; false for a bare name (`my-function`, `my-function:v1`). */
  readonly isArn: boolean;
}

const NAME_PARTS =
  /^(?:arn:(aws[a-zA-Z-]*)?:lambda:)?(?:([a-z]{2}(?:(?:-gov)|(?:-iso(?:[a-z]?)))?-[a-z]+-\d{1}):)?(?:(\d{12}):)?(function:)?([a-zA-Z0-9-_.]+)(?::(\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;

const BARE_NAME = /^[a-zA-Z0-9-_.]+$/;

/**
 * Splits a FunctionName (name, partial ARN or ARN, each optionally qualified) into its parts.
 * Returns undefined when the value does not match the model's pattern.
 * @example parseFunctionName('123456789012:function:my-function:live') // { name: 'my-function', account: '123456789012', qualifier: 'live', isArn: true }
 */
export function parseFunctionName(value: string): FunctionRef | undefined {
  // A bare name (the common case) needs no split: the same answer as the full pattern, no match array.
  if (BARE_NAME.test(value)) return { name: value, isArn: false };
  const m = NAME_PARTS.exec(value);
  if (!m) return undefined;
  const [, partition, region, account, functionPrefix, name, qualifier] = m;
  const ref: { -readonly [K in keyof FunctionRef]: FunctionRef[K] } = { name: name!, isArn: functionPrefix !== undefined || value.startsWith('arn:') };
  if (partition !== undefined || value.startsWith('arn:')) ref.partition = partition ?? '';
  if (region) ref.region = region;
  if (account) ref.account = account;
  if (qualifier) ref.qualifier = qualifier;
  return ref;
}

/**
 * The function's ARN, qualified when a qualifier is given.
 * @example functionArn(ctx, 'my-function', '$LATEST') // 'arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST'
 */
export function functionArn(ctx: Pick<Context, 'partition' | 'region' | 'account'>, name: string, qualifier?: string): string {
  const base = `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.account}:function:${name}`;
  return qualifier === undefined ? base : `${base}:${qualifier}`;
}

/** True for a published version number (`1`, `42`). */
export const isVersionNumber = (qualifier: string): boolean => /^[0-9]+$/.test(qualifier);

export const LATEST = '$LATEST';

/** Anchored form of a spec pattern (patterns apply to the whole value). */
export const wholeMatch = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);

export const FUNCTION_ARN_PATTERN = wholeMatch(PATTERNS.functionArn);
