/**
 * Evaluates one expectation against an observation: where it looks (`status`, `error.code`,
 * `output.X`, `wire.header.X`, `wire.body.X`), what it wants (equals, match, absent, present).
 */
import { PATTERNS } from '../../src/spec/shapes.js';
import type { Expectation, Matcher } from '../../cases/scenario.js';
import { PROVIDED_DESTINATION_CONFIG_INVALID, TWO_VALIDATION_ERRORS } from '../../cases/matchers.js';
import type { Observation } from '../targets/target.js';

export interface CheckResult {
  readonly outcome: 'pass' | 'fail' | 'skip';
  readonly actual?: unknown;
  readonly expected?: unknown;
  readonly reason?: string;
}

const FUNCTION_ARN = new RegExp(`^(?:${PATTERNS.functionArn})$`);

/** Whether a value satisfies a matcher (`{"$match": ...}` in fixtures, `match` in expectations). */
export const MATCHERS: Record<Matcher, (v: unknown, raw?: string) => boolean> = {
  date: (v) => v instanceof Date && !Number.isNaN(v.getTime()),
  'epoch-seconds': (v) => typeof v === 'number' && v > 1e9 && v < 1e10,
  'epoch-seconds-with-fraction': (v, raw) => typeof v === 'number' && v > 1e9 && v < 1e10 && (raw === undefined || /"LastModified"\s*:\s*\d+\.\d+/.test(raw)),
  'non-empty-string': (v) => typeof v === 'string' && v.length > 0,
  'function-arn': (v) => typeof v === 'string' && FUNCTION_ARN.test(v),
  'json-content-type': (v) => typeof v === 'string' && /^application\/(x-amz-)?json/.test(v),
  'client-error': (v) => typeof v === 'number' && v >= 400 && v < 500,
  'provided-destination-config-invalid': (v) => typeof v === 'string' && PROVIDED_DESTINATION_CONFIG_INVALID.test(v),
  'two-validation-errors': (v) => typeof v === 'string' && TWO_VALIDATION_ERRORS.test(v),
};

const parseJson = (text: string): unknown => {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Follows a path; the step `$keys` gives the member names of an object (`wire.body.$keys`). */
function dig(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = key === '$keys' && !Array.isArray(current) ? Object.keys(current) : (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * The values a path with `*` steps reaches (`output.Items.*.Arn`); a plain path gives one value.
 * @example pick({ output: { A: [{ x: 1 }, { x: 2 }] } }, 'output.A.*.x') // [1, 2]
 */
export function pick(observation: Observation, path: string): unknown[] {
  const [first, ...rest] = path.split('.*.');
  const found = locate(observation, first!);
  if (found === 'skip') return [];
  if (rest.length === 0) return found.value === undefined ? [] : [found.value];
  const items = Array.isArray(found.value) ? found.value : [];
  return items.map((item) => dig(item, rest.join('.').split('.'))).filter((v) => v !== undefined);
}

/** The value an expectation's `at` points at, or `skip` when the transport cannot show it. */
export function locate(observation: Observation, at: string, collected: Readonly<Record<string, unknown[]>> = {}): { value: unknown } | 'skip' {
  const [root, ...rest] = at.split('.');
  switch (root) {
    case 'collected':
      return { value: collected[rest.join('.')] ?? [] };
    case 'status':
      return { value: observation.status };
    case 'error':
      return { value: dig(observation.error, rest) };
    case 'output':
      if (observation.error) return { value: undefined };
      // The SDK could not read the answer: read what was sent, so nothing present is called absent.
      if (observation.sdkError) return { value: dig(parseJson(observation.wire?.bodyText ?? ''), rest) };
      return { value: dig(observation.output, rest) };
    case 'wire': {
      if (!observation.wire) return 'skip';
      const [part, ...path] = rest;
      if (part === 'header') return { value: observation.wire.headers[path.join('.').toLowerCase()] };
      if (part === 'bodyText') return { value: observation.wire.bodyText };
      return { value: dig(parseJson(observation.wire.bodyText), path) };
    }
    default:
      throw new Error(`expectation looks at unknown place '${at}'`);
  }
}

/**
 * Deep equality for JSON-like values (Dates compare by time).
 * @example deepEqual({ a: [1] }, { a: [1] }) // true
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Checks one expectation.
 * @example evaluate({ status: 404 }, { at: 'status', equals: 404, evidence: 'recorded' }).outcome // 'pass'
 */
export function evaluate(observation: Observation, expectation: Expectation, collected: Readonly<Record<string, unknown[]>> = {}): CheckResult {
  const found = locate(observation, expectation.at, collected);
  if (found === 'skip') return { outcome: 'skip', reason: 'the transport does not show the raw answer' };
  const actual = found.value;
  if ('equals' in expectation) return deepEqual(actual, expectation.equals) ? { outcome: 'pass' } : { outcome: 'fail', actual, expected: expectation.equals };
  if ('match' in expectation) {
    const raw = expectation.at.startsWith('wire.') ? observation.wire?.bodyText : undefined;
    return MATCHERS[expectation.match](actual, raw) ? { outcome: 'pass' } : { outcome: 'fail', actual, expected: `<${expectation.match}>` };
  }
  if ('sameMembers' in expectation) {
    const sort = (v: unknown) => (Array.isArray(v) ? [...v].map((x) => JSON.stringify(x)).sort() : v);
    return deepEqual(sort(actual), sort(expectation.sameMembers)) ? { outcome: 'pass' } : { outcome: 'fail', actual, expected: expectation.sameMembers };
  }
  // Expected absent: `expected` itself is left out (the report schema's "absent means absent").
  if ('absent' in expectation) return actual === undefined ? { outcome: 'pass' } : { outcome: 'fail', actual };
  return actual !== undefined ? { outcome: 'pass' } : { outcome: 'fail', actual, expected: '<present>' };
}
