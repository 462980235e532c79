/**
 * Fills `{fn}`, `{account}`, `{role}`, ... in a scenario's strings with this run's values. A string
 * that is exactly `{zip:N}` stands for a deployment package (revision N), for CreateFunction and
 * UpdateFunctionCode steps; the runner makes the bytes (`ZIP_PLACEHOLDER`).
 */

export type Vars = Readonly<Record<string, string>>;

/**
 * The one placeholder syntax: `{fn}`, `{fn2}`, `{account}`, `{region}`, `{partition}`,
 * `{otherRegion}`, the destination names `{queue}`, `{queue2}`, `{topic}`, `{bucket}`, `{bus}`,
 * `{deniedQueue}` and `{deniedTopic}` (destinations the run's role may NOT deliver to),
 * `{role}` (the role CreateFunction uses), and `{@name}` for a value an earlier step saved. Group 1 is the name.
 */
export const PLACEHOLDER = /\{(fn2?|account|region|partition|otherRegion|queue2?|topic|bucket|bus|deniedQueue|deniedTopic|role|@[A-Za-z0-9]+)\}/g;

/**
 * The destinations' names where a target does not create them (an emulator checks no IAM, so
 * they need not exist); a real-account run creates its own per run and fills these with theirs.
 */
export const DESTINATION_NAMES = {
  queue: 'eic-destination',
  queue2: 'eic-destination-2',
  topic: 'eic-topic',
  bucket: 'eic-bucket',
  bus: 'default',
  deniedQueue: 'eic-destination-denied',
  deniedTopic: 'eic-topic-denied',
} as const satisfies Vars;

export type DestinationRef = keyof typeof DESTINATION_NAMES;

/** A whole string standing for a deployment package of revision N (group 1); the runner makes the bytes. */
export const ZIP_PLACEHOLDER = /^\{zip:(\d+)\}$/;

/**
 * Deep-copies a value with every placeholder in its strings replaced.
 * @example fill({ FunctionName: '{fn}:live' }, { fn: 'eic-ab-1' }) // { FunctionName: 'eic-ab-1:live' }
 */
export function fill<T>(value: T, vars: Vars): T {
  if (typeof value === 'string') return value.replace(PLACEHOLDER, (whole, name: string) => vars[name] ?? whole) as T;
  if (Array.isArray(value)) return value.map((v) => fill(v, vars)) as T;
  if (value instanceof Uint8Array || value instanceof Date) return value;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)])) as T;
  }
  return value;
}

/** A region other than the target's, for "another region" cases. */
export const otherRegionThan = (region: string): string => (region === 'eu-west-1' ? 'us-west-2' : 'eu-west-1');

/**
 * `text` as a regular expression source that matches exactly `text` (every special character escaped).
 * @example new RegExp(escapeRegExp('{fn}.zip')).test('{fn}xzip') // false
 */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
