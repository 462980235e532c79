/** The domain-to-wire mapper for functions, versions and aliases (the arrange subset). */
import { fail } from './aws-error.js';
import type { Context } from './context.js';
import { sliceBounds } from './indexes.js';
import { functionArn } from './names.js';
import type { AliasRecord, CodeSettings, FunctionRecord } from './state.js';

/** AWS prints function timestamps as `2019-11-14T18:33:13.000+0000`. */
export const isoTimestamp = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

/**
 * A FunctionConfiguration as AWS answers it (`created`: as CreateFunction answers, State Pending).
 * @example functionConfiguration(ctx, fn, fn.latest, '$LATEST').Version // '$LATEST'
 */
export function functionConfiguration(ctx: Context, fn: FunctionRecord, settings: CodeSettings, version: string, lifecycle: 'created' | 'ready' = 'ready') {
  return {
    FunctionName: fn.name,
    FunctionArn: functionArn(ctx, fn.name, version === '$LATEST' ? undefined : version),
    ...(settings.runtime !== undefined ? { Runtime: settings.runtime } : {}),
    Role: settings.role,
    ...(settings.handler !== undefined ? { Handler: settings.handler } : {}),
    CodeSize: settings.codeSize,
    Description: settings.description,
    Timeout: settings.timeout,
    MemorySize: settings.memorySize,
    LastModified: isoTimestamp(settings.lastModified),
    CodeSha256: settings.codeSha256,
    Version: version,
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: settings.revisionId,
    // CreateFunction answers while the function is still being created; every later read finds it active.
    ...(lifecycle === 'created' ? { State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' } : { State: 'Active', LastUpdateStatus: 'Successful' }),
    PackageType: settings.packageType,
    Architectures: [...settings.architectures],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  };
}

/**
 * An AliasConfiguration as AWS answers it.
 * @example aliasConfiguration(ctx, 'my-function', alias).AliasArn // '...:function:my-function:live'
 */
export function aliasConfiguration(ctx: Context, functionName: string, alias: AliasRecord) {
  return {
    AliasArn: functionArn(ctx, functionName, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    RevisionId: alias.revisionId,
  };
}

/** A list read by position: an array, or an index that finds its i-th item without copying. */
export interface Indexed<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * One page of a list, with an opaque index marker; `NextMarker` only when more remain. Reads
 * only the page's items, so a page costs the same whatever the length of the list.
 * @example pageOf(['a', 'b', 'c'], undefined, 2) // { items: ['a', 'b'], nextMarker: '...' }
 */
export function pageOf<T>(items: Indexed<T>, marker: string | undefined, maxItems = 50): { items: T[]; nextMarker?: string } {
  const decoded = marker === undefined ? 'idx:0' : Buffer.from(marker, 'base64url').toString('utf8');
  if (!/^idx:\d+$/.test(decoded)) throw fail('markerInvalid', marker ?? '');
  const start = Number(decoded.slice(4));
  const [from, to] = sliceBounds(items.length, start, start + maxItems);
  const slice: T[] = [];
  for (let i = from; i < to; i++) slice.push(items.at(i)!);
  const end = start + slice.length;
  // An empty page (MaxItems below 1, past a waived range check) ends the listing: its marker would repeat.
  return end < items.length && slice.length > 0 ? { items: slice, nextMarker: Buffer.from(`idx:${end}`).toString('base64url') } : { items: slice };
}
