/**
 * Rewrites a contract's request for this run: the contract's fixed function names, account,
 * region and partition (contracts/values.ts) become the run's, in the path, the query and the
 * JSON body. Pure functions; runners/pact/request-filter.ts applies them to the replayed request.
 */
import { DESTINATION_NAMES, escapeRegExp, type Vars } from '../../cases/placeholders.js';
import { encodeLabel } from '../../src/http/wire.js';

export type Replace = (text: string) => string;

/** Keys whose values are destination names: replaced only as an ARN's last part (`:queue`, `event-bus/bus`). */
const DESTINATION_KEYS: ReadonlySet<string> = new Set(Object.keys(DESTINATION_NAMES));

/**
 * Replaces every value of `from` by the same key's value in `to`, all at once (so swapping two
 * regions works), longest first; the partition is replaced only where it is an ARN's, and a
 * destination name (`destination`, `topic`, `default`, ...: ordinary words) only where it ends an ARN.
 * @example replacer({ fn: 'my-function', region: 'us-east-1' }, { fn: 'eic-1', region: 'eu-west-1' })('my-function in us-east-1') // 'eic-1 in eu-west-1'
 * @example replacer({ queue: 'destination' }, { queue: 'eic-q' })('arn:aws:sqs:us-east-1:123456789012:destination, not destination') // '...:eic-q, not destination'
 */
export function replacer(from: Vars, to: Vars): Replace {
  const pairs = new Map<string, string>();
  const atEnd: string[] = [];
  for (const [key, value] of Object.entries(from)) {
    const target = to[key];
    if (target === undefined || value === target) continue;
    if (key === 'partition') pairs.set(`arn:${value}:`, `arn:${target}:`);
    else if (DESTINATION_KEYS.has(key))
      for (const sep of [':', '/']) {
        pairs.set(sep + value, sep + target);
        atEnd.push(sep + value);
      }
    else pairs.set(value, target);
  }
  if (pairs.size === 0) return (text) => text;
  const alternative = (found: string) => escapeRegExp(found) + (atEnd.includes(found) ? '(?![^:/\\s,)])' : '');
  const pattern = new RegExp(
    [...pairs.keys()]
      .sort((a, b) => b.length - a.length)
      .map(alternative)
      .join('|'),
    'g',
  );
  return (text) => text.replace(pattern, (found) => pairs.get(found)!);
}

/**
 * The path with each segment rewritten; a changed segment is re-encoded as the AWS SDK encodes labels.
 * @example rewritePath('/2019-09-25/functions/my-function%3A1/event-invoke-config', replacer({ fn: 'my-function' }, { fn: 'eic-1' }))
 * // '/2019-09-25/functions/eic-1%3A1/event-invoke-config'
 */
export function rewritePath(path: string, replace: Replace): string {
  return path
    .split('/')
    .map((segment) => {
      const decoded = safeDecode(segment);
      const changed = replace(decoded);
      return changed === decoded ? segment : encodeLabel(changed);
    })
    .join('/');
}

/**
 * Query members decoded and rewritten, in order.
 * @example rewriteQuery('Qualifier=%24LATEST&Marker=my-function', replacer({ fn: 'my-function' }, { fn: 'eic-1' }))
 * // [['Qualifier', '$LATEST'], ['Marker', 'eic-1']]
 */
export function rewriteQuery(search: string, replace: Replace): [string, string][] {
  return [...new URLSearchParams(search)].map(([k, v]) => [k, replace(v)]);
}

/**
 * A query string as the SDK writes it (RFC 3986 encoding), which is what SigV4 canonicalises.
 * @example queryString([['Qualifier', '$LATEST']]) // 'Qualifier=%24LATEST'
 */
export const queryString = (members: readonly [string, string][]): string => members.map(([k, v]) => `${encodeLabel(k)}=${encodeLabel(v)}`).join('&');

/**
 * Every string in a JSON value rewritten (member names stay).
 * @example rewriteJson({ Destination: 'arn:aws:lambda:us-east-1:123456789012:function:my-function' }, replacer({ fn: 'my-function' }, { fn: 'eic-1' }))
 * // { Destination: 'arn:aws:lambda:us-east-1:123456789012:function:eic-1' }
 */
export function rewriteJson(value: unknown, replace: Replace): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => rewriteJson(v, replace));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteJson(v, replace)]));
  return value;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
