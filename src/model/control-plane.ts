/**
 * The control-plane subset needed to arrange state: functions (a zip is accepted and kept, never
 * run), published versions and aliases. Answers follow AWS's shapes; messages come from the catalogue.
 */
import { createHash } from 'node:crypto';
import type { OperationInput } from '../spec/inputs.js';
import { fail } from './aws-error.js';
import type { Context } from './context.js';
import { aliasConfiguration, functionConfiguration, pageOf } from './function-view.js';
import { LATEST, functionArn, isVersionNumber } from './names.js';
import { InsertionOrderMap, SortedKeyMap } from './indexes.js';
import type { CodeSettings, FunctionRecord, RegionState } from './state.js';
import { findFunction, functionRef, resolveTarget } from './targets.js';

/** Where a zip may come from: CreateFunction's `Code`, or UpdateFunctionCode's input itself. */
type CodeSource = Pick<NonNullable<OperationInput<'CreateFunction'>['Code']>, 'ZipFile' | 'S3Bucket' | 'ImageUri'>;

const ZIP_MAGIC = [0x50, 0x4b];
const toBytes = (v: Uint8Array | string | null | undefined): Uint8Array | undefined => (v instanceof Uint8Array ? v : typeof v === 'string' ? Buffer.from(v, 'base64') : undefined);

function zipFrom(code: CodeSource | null | undefined): Uint8Array {
  const zip = toBytes(code?.ZipFile);
  if (zip === undefined) {
    if (code?.S3Bucket !== undefined || code?.ImageUri !== undefined) return new Uint8Array();
    throw fail('codeMissing');
  }
  if (zip.length < 4 || zip[0] !== ZIP_MAGIC[0] || zip[1] !== ZIP_MAGIC[1]) throw fail('codeNotZip');
  return zip;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64');

/** The function named by a FunctionName, or the 404 "Function not found: <arn>". */
function requireFunction(state: RegionState, functionName: string, ctx: Context, qualifier?: string): FunctionRecord {
  const target = resolveTarget(functionName, qualifier, ctx);
  const fn = findFunction(state, target);
  const shownQualifier = qualifier ?? target.ref.qualifier;
  if (!fn) throw fail('functionNotFound', functionArn(ctx, target.name, shownQualifier));
  return fn;
}

function settingsFor(fn: FunctionRecord, qualifier: string | undefined, ctx: Context): { settings: CodeSettings; version: string } {
  const version = qualifier === undefined ? LATEST : isVersionNumber(qualifier) ? qualifier : fn.aliases.get(qualifier)?.functionVersion;
  const settings = version === LATEST ? fn.latest : version === undefined ? undefined : fn.versions.get(version);
  if (!settings || version === undefined) throw fail('functionNotFound', functionArn(ctx, fn.name, qualifier));
  return { settings, version };
}

/** What makes a version differ from the last one: code and configuration [docs]. */
const PUBLISHED_SETTINGS = ['codeSha256', 'role', 'handler', 'runtime', 'timeout', 'memorySize'] as const;

function publish(fn: FunctionRecord, description: string | undefined, ctx: Context) {
  const last = fn.versions.valueAt(fn.versions.size - 1);
  const unchanged = last !== undefined && PUBLISHED_SETTINGS.every((key) => last[key] === fn.latest[key]);
  if (last && unchanged && description === undefined) return last;
  const version = String(fn.nextVersion++);
  const published = { ...fn.latest, version, description: description ?? fn.latest.description, revisionId: ctx.newId() };
  fn.versions.set(version, published);
  return published;
}

/**
 * CreateFunction: Role must look like an IAM role ARN; Runtime and Handler are required for a zip.
 * @example createFunction(state, { FunctionName: 'f', Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: zip } }, ctx)
 */
export function createFunction(state: RegionState, input: OperationInput<'CreateFunction'>, ctx: Context) {
  const ref = functionRef(input.FunctionName);
  const code = input.Code;
  const packageType = input.PackageType ?? 'Zip';
  // JSON null is an absent member, as validation treats it.
  const runtime = input.Runtime ?? undefined;
  const handler = input.Handler ?? undefined;
  if (packageType === 'Zip' && (runtime === undefined || handler === undefined)) throw fail('runtimeAndHandlerRequired');
  const zip = zipFrom(code);
  if (findFunction(state, { name: ref.name, account: ref.account ?? ctx.account })) throw fail('functionAlreadyExists', ref.name);
  const fn: FunctionRecord = {
    name: ref.name,
    code: zip,
    latest: {
      ...(runtime !== undefined ? { runtime } : {}),
      ...(handler !== undefined ? { handler } : {}),
      role: input.Role,
      description: input.Description ?? '',
      timeout: input.Timeout ?? 3,
      memorySize: input.MemorySize ?? 128,
      packageType,
      architectures: input.Architectures ?? ['x86_64'],
      codeSha256: sha256(zip),
      codeSize: zip.length,
      lastModified: ctx.now(),
      revisionId: ctx.newId(),
    },
    versions: new InsertionOrderMap(),
    aliases: new Map(),
    configs: new SortedKeyMap(),
    tags: { ...(input.Tags ?? {}) },
    nextVersion: 1,
  };
  // The answer is built before the function is stored: nothing is half-stored if building fails.
  const published = input.Publish === true ? publish(fn, undefined, ctx) : undefined;
  const answer = published ? functionConfiguration(ctx, fn, published, published.version) : functionConfiguration(ctx, fn, fn.latest, LATEST, 'created');
  state.functions.set(fn.name, fn);
  return answer;
}

/** GetFunction: the configuration (of a version or alias with Qualifier) and a code location. */
export function getFunction(state: RegionState, input: OperationInput<'GetFunction'>, ctx: Context) {
  const fn = requireFunction(state, input.FunctionName, ctx, input.Qualifier ?? undefined);
  const qualifier = input.Qualifier ?? functionRef(input.FunctionName).qualifier;
  const { settings, version } = settingsFor(fn, qualifier, ctx);
  return {
    Configuration: functionConfiguration(ctx, fn, settings, version),
    Code: { RepositoryType: 'S3', Location: `https://awslambda-${ctx.region}-tasks.s3.${ctx.region}.amazonaws.com/snapshots/${ctx.account}/${fn.name}` },
    ...(Object.keys(fn.tags).length > 0 ? { Tags: { ...fn.tags } } : {}),
  };
}

/**
 * DeleteFunction: the function with its versions, aliases and configs; with a Qualifier, one
 * version and its config.
 */
export function deleteFunction(state: RegionState, input: OperationInput<'DeleteFunction'>, ctx: Context): undefined {
  const fn = requireFunction(state, input.FunctionName, ctx, input.Qualifier ?? undefined);
  const qualifier = input.Qualifier ?? functionRef(input.FunctionName).qualifier;
  if (qualifier === undefined) {
    state.functions.delete(fn.name);
    return undefined;
  }
  if (qualifier === LATEST) throw fail('cannotDeleteLatest');
  if (!fn.versions.delete(qualifier)) throw fail('functionNotFound', functionArn(ctx, fn.name, qualifier));
  fn.configs.delete(qualifier);
  return undefined;
}

/** UpdateFunctionCode: replaces `$LATEST`'s zip, so that a later PublishVersion makes a new version. */
export function updateFunctionCode(state: RegionState, input: OperationInput<'UpdateFunctionCode'>, ctx: Context) {
  const fn = requireFunction(state, input.FunctionName, ctx);
  const zip = zipFrom(input);
  fn.code = zip;
  fn.latest = { ...fn.latest, codeSha256: sha256(zip), codeSize: zip.length, lastModified: ctx.now(), revisionId: ctx.newId() };
  if (input.Publish === true) {
    const v = publish(fn, undefined, ctx);
    return functionConfiguration(ctx, fn, v, v.version);
  }
  return functionConfiguration(ctx, fn, fn.latest, LATEST);
}

/**
 * GetFunctionConfiguration: the configuration of `$LATEST`, a version or an alias's version.
 * @example getFunctionConfiguration(state, { FunctionName: 'f', Qualifier: '1' }, ctx).Version // '1'
 */
export function getFunctionConfiguration(state: RegionState, input: OperationInput<'GetFunctionConfiguration'>, ctx: Context) {
  return getFunction(state, input, ctx).Configuration;
}

type ConfigurationInput = OperationInput<'UpdateFunctionConfiguration'>;

/** The settings UpdateFunctionConfiguration may change, request member to stored field. */
const CONFIGURABLE: readonly (readonly [Exclude<keyof ConfigurationInput, 'FunctionName'>, keyof CodeSettings])[] = [
  ['Role', 'role'],
  ['Handler', 'handler'],
  ['Description', 'description'],
  ['Timeout', 'timeout'],
  ['MemorySize', 'memorySize'],
  ['Runtime', 'runtime'],
];

/**
 * UpdateFunctionConfiguration: changes `$LATEST`'s settings, so that a later PublishVersion makes a new version.
 * @example updateFunctionConfiguration(state, { FunctionName: 'f', Description: 'v2' }, ctx).Description // 'v2'
 */
export function updateFunctionConfiguration(state: RegionState, input: ConfigurationInput, ctx: Context) {
  const fn = requireFunction(state, input.FunctionName, ctx);
  const changed: Record<string, unknown> = {};
  // JSON null is an absent member, as validation treats it: it changes nothing.
  for (const [member, field] of CONFIGURABLE) if (input[member] !== undefined && input[member] !== null) changed[field] = input[member];
  fn.latest = { ...fn.latest, ...changed, lastModified: ctx.now(), revisionId: ctx.newId() };
  return functionConfiguration(ctx, fn, fn.latest, LATEST);
}

/**
 * PublishVersion: versions count 1, 2, ...; publishing unchanged code and configuration returns the last version [docs].
 * Publishing does not copy `$LATEST`'s event-invoke config [recorded].
 */
export function publishVersion(state: RegionState, input: OperationInput<'PublishVersion'>, ctx: Context) {
  const fn = requireFunction(state, input.FunctionName, ctx);
  const v = publish(fn, input.Description ?? undefined, ctx);
  return functionConfiguration(ctx, fn, v, v.version);
}

/** ListVersionsByFunction: `$LATEST`, then each published version. */
export function listVersionsByFunction(state: RegionState, input: OperationInput<'ListVersionsByFunction'>, ctx: Context) {
  const fn = requireFunction(state, input.FunctionName, ctx);
  // $LATEST, then each published version; only the page is built.
  const versionAt = (i: number): [CodeSettings, string] | undefined => {
    const v = i === 0 ? undefined : fn.versions.valueAt(i - 1);
    return i === 0 ? [fn.latest, LATEST] : v && [v, v.version];
  };
  const { items, nextMarker } = pageOf({ length: fn.versions.size + 1, at: versionAt }, input.Marker ?? undefined, input.MaxItems ?? undefined);
  const Versions = items.map(([settings, version]) => functionConfiguration(ctx, fn, settings, version));
  return { Versions, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
}

/** ListFunctions: every function's `$LATEST` configuration. */
export function listFunctions(state: RegionState, input: OperationInput<'ListFunctions'>, ctx: Context) {
  // Only the page is built: finding where it starts is O(log n), whatever was created or deleted before.
  const all = { length: state.functions.size, at: (i: number) => state.functions.valueAt(i) };
  const { items, nextMarker } = pageOf(all, input.Marker ?? undefined, input.MaxItems ?? undefined);
  return { Functions: items.map((fn) => functionConfiguration(ctx, fn, fn.latest, LATEST)), ...(nextMarker ? { NextMarker: nextMarker } : {}) };
}

/** CreateAlias: the version must exist (`$LATEST` always does); a second alias of that name is a 409. */
export function createAlias(state: RegionState, input: OperationInput<'CreateAlias'>, ctx: Context) {
  const fn = requireFunction(state, input.FunctionName, ctx);
  const name = input.Name;
  const version = input.FunctionVersion;
  if (version !== LATEST && !fn.versions.has(version)) throw fail('functionNotFound', functionArn(ctx, fn.name, version));
  if (fn.aliases.has(name)) throw fail('aliasAlreadyExists', functionArn(ctx, fn.name, name));
  const alias = { name, functionVersion: version, description: input.Description ?? '', revisionId: ctx.newId() };
  fn.aliases.set(name, alias);
  return aliasConfiguration(ctx, fn.name, alias);
}

/** GetAlias. */
export function getAlias(state: RegionState, input: OperationInput<'GetAlias'>, ctx: Context) {
  const fn = requireFunction(state, input.FunctionName, ctx);
  const alias = fn.aliases.get(input.Name);
  if (!alias) throw fail('aliasNotFound', functionArn(ctx, fn.name, input.Name));
  return aliasConfiguration(ctx, fn.name, alias);
}

/** DeleteAlias: 204 even when nothing is there [model]; the alias's event-invoke config stays [recorded]. */
export function deleteAlias(state: RegionState, input: OperationInput<'DeleteAlias'>, ctx: Context): undefined {
  const ref = functionRef(input.FunctionName);
  findFunction(state, { name: ref.name, account: ref.account ?? ctx.account })?.aliases.delete(input.Name);
  return undefined;
}

/** ListAliases, optionally only those pointing at FunctionVersion. */
export function listAliases(state: RegionState, input: OperationInput<'ListAliases'>, ctx: Context) {
  const fn = requireFunction(state, input.FunctionName, ctx);
  const wanted = input.FunctionVersion ?? undefined;
  const all = [...fn.aliases.values()].filter((a) => wanted === undefined || a.functionVersion === wanted).map((a) => aliasConfiguration(ctx, fn.name, a));
  const { items, nextMarker } = pageOf(all, input.Marker ?? undefined, input.MaxItems ?? undefined);
  return { Aliases: items, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
}
