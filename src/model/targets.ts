/**
 * Naming the function and the qualifier (`aws-behaviour.md` section 3) [recorded]: the effective
 * qualifier, the qualifier-conflict check, the other-region check, and existence lookups.
 */
import { BARE_FUNCTION_NAME_MAX } from '../spec/shapes.js';
import { fail } from './aws-error.js';
import type { Context } from './context.js';
import { LATEST, functionArn, isVersionNumber, parseFunctionName, type FunctionRef } from './names.js';
import type { FunctionRecord, RegionState } from './state.js';

export interface Target {
  readonly ref: FunctionRef;
  /** The bare function name. */
  readonly name: string;
  /** The effective qualifier: the Qualifier parameter, else the one in the name, else `$LATEST`. */
  readonly qualifier: string;
  /** The account the name points at (the caller's unless an ARN names another). */
  readonly account: string;
}

/**
 * Parses a FunctionName that has passed the model pattern.
 * A bare name longer than 64 characters is refused as AWS refuses it [docs].
 * @example functionRef('my-function:live').qualifier // 'live'
 */
export function functionRef(functionName: string): FunctionRef {
  const ref = parseFunctionName(functionName);
  if (!ref) throw new Error(`FunctionName ${JSON.stringify(functionName)} reached the model unvalidated`);
  if (!ref.isArn && ref.name.length > BARE_FUNCTION_NAME_MAX) throw fail('bareNameTooLong', functionName, BARE_FUNCTION_NAME_MAX);
  return ref;
}

/**
 * Resolves FunctionName and Qualifier to a target, applying the conflict and region checks,
 * which come before any existence check.
 * @example resolveTarget('my-function:1', '1', ctx).qualifier // '1'
 * @example resolveTarget('my-function:1', 'live', ctx) // throws 400 "The derived qualifier from the function name does not match the specified qualifier."
 */
export function resolveTarget(functionName: string, qualifier: string | undefined, ctx: Context): Target {
  const ref = functionRef(functionName);
  if (ref.qualifier !== undefined && qualifier !== undefined && ref.qualifier !== qualifier) throw fail('qualifierMismatch');
  checkRegion(ref, ctx);
  return { ref, name: ref.name, qualifier: qualifier ?? ref.qualifier ?? LATEST, account: ref.account ?? ctx.account };
}

/** A full ARN naming another region is not reachable from this one [recorded]. */
export function checkRegion(ref: FunctionRef, ctx: Context): void {
  if (ref.region !== undefined && ref.region !== ctx.region) throw fail('regionUnreachable', ref.region, ctx.region);
}

/** The function the target names, if it exists in the caller's account and region. */
export function findFunction(state: RegionState, target: Pick<Target, 'name' | 'account'>): FunctionRecord | undefined {
  return target.account === state.account ? state.functions.get(target.name) : undefined;
}

/** Whether a qualifier names `$LATEST`, a published version or an alias of the function. */
export function qualifierExists(fn: FunctionRecord, qualifier: string): boolean {
  if (qualifier === LATEST) return true;
  return isVersionNumber(qualifier) ? fn.versions.has(qualifier) : fn.aliases.has(qualifier);
}

/**
 * The function and qualifier must both exist (Put, Update) or the answer is the 404
 * "The function doesn't exist." [recorded].
 */
export function requireQualifiedFunction(state: RegionState, target: Target): FunctionRecord {
  const fn = findFunction(state, target);
  if (!fn || !qualifierExists(fn, target.qualifier)) throw fail('functionDoesNotExist');
  return fn;
}

/** The qualified ARN of the target, as it appears in Get's and Update's 404 message. */
export const targetArn = (ctx: Context, target: Target): string => functionArn({ ...ctx, account: target.account }, target.name, target.qualifier);
