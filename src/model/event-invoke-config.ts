/**
 * The five event-invoke-config operations (`aws-behaviour.md` section 4), each a deterministic
 * function of (state, input, context) whose only effect is on the state it is given.
 */
import type { OperationInput } from '../spec/inputs.js';
import { LIST_DEFAULT_MAX_ITEMS } from '../spec/shapes.js';
import { fail } from './aws-error.js';
import { configView, type EventInvokeConfigWire } from './config-view.js';
import type { Context } from './context.js';
import { checkDestinations, destinationOf } from './destinations.js';
import { sliceBounds } from './indexes.js';
import type { RegionState, StoredEventInvokeConfig } from './state.js';
import { checkRegion, findFunction, functionRef, requireQualifiedFunction, resolveTarget, targetArn } from './targets.js';

/** Get's and Delete's validated input (FunctionName and an optional Qualifier). */
export type TargetInput = OperationInput<'GetFunctionEventInvokeConfig'>;

/** Put's and Update's validated input. */
export type SettingsInput = OperationInput<'PutFunctionEventInvokeConfig'>;

/** List's validated input. */
export type ListInput = OperationInput<'ListFunctionEventInvokeConfigs'>;

export type ListOutput = {
  FunctionEventInvokeConfigs: EventInvokeConfigWire[];
  NextMarker?: string;
};

const present = (v: unknown): boolean => v !== undefined && v !== null;

/** Put and Update refuse a request with none of the three settings, before any lookup [recorded]. */
function requireSomeSetting(input: SettingsInput): void {
  if (!present(input.MaximumRetryAttempts) && !present(input.MaximumEventAgeInSeconds) && !present(input.DestinationConfig)) throw fail('atLeastOneSetting');
}

type Writable<T> = { -readonly [K in keyof T]?: T[K] };

/**
 * Writes the settings a request carries into `into`, as the stored form holds them, in the stored
 * member order (assignments, not spreads: Put is the hot path of a write-heavy client).
 */
function writeSettings<T extends Writable<StoredEventInvokeConfig>>(input: SettingsInput, into: T): T {
  if (present(input.MaximumRetryAttempts)) into.maximumRetryAttempts = input.MaximumRetryAttempts!;
  if (present(input.MaximumEventAgeInSeconds)) into.maximumEventAgeInSeconds = input.MaximumEventAgeInSeconds!;
  const config = input.DestinationConfig ?? undefined;
  const onSuccess = destinationOf(config, 'OnSuccess');
  if (onSuccess !== undefined) into.onSuccess = onSuccess;
  const onFailure = destinationOf(config, 'OnFailure');
  if (onFailure !== undefined) into.onFailure = onFailure;
  return into;
}

/**
 * PutFunctionEventInvokeConfig: creates or **overwrites** the config; a field left out is removed.
 * @example putEventInvokeConfig(state, { FunctionName: 'my-function', MaximumRetryAttempts: 0 }, ctx).MaximumRetryAttempts // 0
 */
export function putEventInvokeConfig(state: RegionState, input: SettingsInput, ctx: Context): EventInvokeConfigWire {
  requireSomeSetting(input);
  const target = resolveTarget(input.FunctionName, input.Qualifier ?? undefined, ctx);
  const fn = requireQualifiedFunction(state, target);
  checkDestinations(state, target.name, input.DestinationConfig ?? undefined, ctx);
  const stored: Writable<StoredEventInvokeConfig> = { qualifier: target.qualifier };
  writeSettings(input, stored).lastModified = ctx.now();
  const config = stored as StoredEventInvokeConfig;
  fn.configs.set(target.qualifier, config);
  return configView(ctx, target.name, config);
}

/**
 * UpdateFunctionEventInvokeConfig: **merges** the members present into the stored config;
 * DestinationConfig is replaced as a whole [inferred]. Never creates a config.
 * @example updateEventInvokeConfig(state, { FunctionName: 'my-function', MaximumRetryAttempts: 1 }, ctx) // keeps the stored age
 */
export function updateEventInvokeConfig(state: RegionState, input: SettingsInput, ctx: Context): EventInvokeConfigWire {
  requireSomeSetting(input);
  const target = resolveTarget(input.FunctionName, input.Qualifier ?? undefined, ctx);
  const fn = requireQualifiedFunction(state, target);
  const previous = fn.configs.get(target.qualifier);
  if (!previous) throw fail('noEventInvokeConfig', targetArn(ctx, target));
  checkDestinations(state, target.name, input.DestinationConfig ?? undefined, ctx);
  const next = writeSettings(input, {});
  const { onSuccess: _s, onFailure: _f, ...kept } = previous;
  const stored: StoredEventInvokeConfig = {
    ...(present(input.DestinationConfig) ? kept : previous),
    ...next,
    lastModified: ctx.now(),
  };
  fn.configs.set(target.qualifier, stored);
  return configView(ctx, target.name, stored);
}

/** The stored config for a Get or Delete; neither checks that the qualifier exists [recorded]. */
function existingConfig(state: RegionState, input: TargetInput, ctx: Context) {
  const target = resolveTarget(input.FunctionName, input.Qualifier ?? undefined, ctx);
  const fn = findFunction(state, target);
  const config = fn?.configs.get(target.qualifier);
  if (!fn || !config) throw fail('noEventInvokeConfig', targetArn(ctx, target));
  return { fn, config, target };
}

/**
 * GetFunctionEventInvokeConfig.
 * @example getEventInvokeConfig(state, { FunctionName: 'my-function', Qualifier: '1221' }, ctx)
 * // throws 404 "The function arn:aws:lambda:...:function:my-function:1221 doesn't have an EventInvokeConfig"
 */
export function getEventInvokeConfig(state: RegionState, input: TargetInput, ctx: Context): EventInvokeConfigWire {
  const { config, target } = existingConfig(state, input, ctx);
  return configView(ctx, target.name, config);
}

/**
 * DeleteFunctionEventInvokeConfig: 204; not idempotent (a second Delete is a 404) [recorded].
 * @example deleteEventInvokeConfig(state, { FunctionName: 'my-function' }, ctx) // undefined (204)
 */
export function deleteEventInvokeConfig(state: RegionState, input: TargetInput, ctx: Context): undefined {
  const { fn, target } = existingConfig(state, input, ctx);
  fn.configs.delete(target.qualifier);
  return undefined;
}

const encodeMarker = (qualifier: string): string => Buffer.from(`eic:${qualifier}`).toString('base64url');
const decodeMarker = (marker: string): string => {
  const m = /^eic:(.+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'));
  if (!m) throw fail('markerInvalid', marker);
  return m[1]!;
};

/**
 * ListFunctionEventInvokeConfigs: every qualifier's config, paged by MaxItems (default 50) with
 * opaque markers; NextMarker only when more remain. A missing function is a 404 [recorded].
 * Configs come in qualifier order (the order of a store keyed by qualifier [inferred]), and a
 * marker names the last qualifier of its page, so pages hold every config once even when configs
 * change between pages.
 * @example listEventInvokeConfigs(state, { FunctionName: 'my-function', MaxItems: 1 }, ctx).NextMarker // a marker when a second config exists
 */
export function listEventInvokeConfigs(state: RegionState, input: ListInput, ctx: Context): ListOutput {
  const ref = functionRef(input.FunctionName);
  checkRegion(ref, ctx);
  const fn = findFunction(state, { name: ref.name, account: ref.account ?? ctx.account });
  if (!fn) throw fail('functionDoesNotExist');
  const marker = input.Marker ?? undefined;
  const after = marker === undefined ? undefined : decodeMarker(marker);
  const pageSize = input.MaxItems ?? LIST_DEFAULT_MAX_ITEMS;
  // The configs after the marker start where a binary search over the sorted qualifiers says.
  const qualifiers = fn.configs.sortedKeys;
  const start = after === undefined ? 0 : fn.configs.indexAfter(after);
  const remaining = qualifiers.length - start;
  const [from, to] = sliceBounds(remaining, 0, pageSize);
  const page: StoredEventInvokeConfig[] = [];
  for (let i = start + from; i < start + to; i++) page.push(fn.configs.get(qualifiers[i]!)!);
  const output: ListOutput = { FunctionEventInvokeConfigs: page.map((c) => configView(ctx, fn.name, c)) };
  // A page that holds nothing (MaxItems below 1 reaches here only past a waived range check)
  // cannot say where the next one starts: it ends the listing.
  if (remaining > pageSize && page.length > 0) output.NextMarker = encodeMarker(page[page.length - 1]!.qualifier);
  return output;
}
