/**
 * Turning a recorded answer back into fixture form, in the spirit of LocalStack's snapshot
 * transformers: run values (function names, destination names, account, regions, partition)
 * become the fixture placeholders, longest first, in one pass; a value the committed fixture holds
 * as a matcher (`{"$match": "epoch-seconds"}`) stays that matcher when the value satisfies it;
 * `LastModified` and `NextMarker` become matchers anyway. Then a path-by-path comparison.
 */
import { isMatcher } from '../../cases/fixtures.js';
import { escapeRegExp } from '../../cases/placeholders.js';
import { MATCHERS } from '../engine/expectations.js';

/** Run value to placeholder, e.g. `['eic-ab12cd-r1', '{fn}']`. */
export type Substitutions = ReadonlyArray<readonly [value: string, placeholder: string]>;

/**
 * Replaces every run value in a string by its placeholder, longest first, in one pass.
 * @example substitute('arn:aws:lambda:us-east-1:123456789012:function:eic-1', [['eic-1', '{fn}'], ['123456789012', '{account}'], ['us-east-1', '{region}'], ['arn:aws:', 'arn:{partition}:']])
 * // 'arn:{partition}:lambda:{region}:{account}:function:{fn}'
 */
export function substitute(text: string, substitutions: Substitutions): string {
  const pairs = substitutions.filter(([value]) => value.length > 0);
  if (pairs.length === 0) return text;
  const map = new Map(pairs);
  const pattern = new RegExp(
    [...map.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return text.replace(pattern, (found) => map.get(found)!);
}

/** Members whose value is volatile whatever the committed fixture says. */
const VOLATILE: Readonly<Record<string, unknown>> = {
  LastModified: { $match: 'epoch-seconds' },
  NextMarker: { $match: 'non-empty-string' },
};

/**
 * A recorded value in fixture form, guided by the committed value at the same place.
 * @example normalise({ LastModified: 1700000000.5, FunctionArn: 'arn:aws:...' }, committed, subs)
 */
export function normalise(value: unknown, committed: unknown, substitutions: Substitutions, key?: string): unknown {
  if (isMatcher(committed) && MATCHERS[committed.$match](value)) return committed;
  if (key !== undefined && Object.hasOwn(VOLATILE, key) && value !== undefined && value !== null) return VOLATILE[key];
  if (typeof value === 'string') return substitute(value, substitutions);
  if (Array.isArray(value)) {
    const template = Array.isArray(committed) ? committed : [];
    return value.map((v, i) => normalise(v, template[i] ?? template[0], substitutions));
  }
  if (value && typeof value === 'object') {
    const template = committed && typeof committed === 'object' && !Array.isArray(committed) ? (committed as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, template[k], substitutions, k)]));
  }
  return value;
}

export interface Difference {
  readonly path: string;
  readonly committed: unknown;
  readonly recorded: unknown;
}

/**
 * Every place where the recorded fixture form differs from the committed one.
 * @example differences({ status: 200 }, { status: 404 }) // [{ path: 'status', committed: 200, recorded: 404 }]
 */
export function differences(committed: unknown, recorded: unknown, path = ''): Difference[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (isObject(committed) && isObject(recorded) && Array.isArray(committed) === Array.isArray(recorded)) {
    const keys = [...new Set([...Object.keys(committed), ...Object.keys(recorded)])];
    return keys.flatMap((k) => differences(committed[k], recorded[k], path ? `${path}.${k}` : k));
  }
  return Object.is(committed, recorded) ? [] : [{ path: path || '(whole)', committed, recorded }];
}
