/**
 * An operation call as the rest-json wire carries it (`aws-behaviour.md` section 1): method,
 * path with the URL-encoded FunctionName, query string, JSON body. Built from the spec table.
 */
import { OPERATIONS, inputMembers, isOperationName } from '../spec/operations.js';

export interface WireCall {
  readonly method: string;
  /** Path with labels encoded as the AWS SDK encodes them. */
  readonly path: string;
  /** Query members in model order, values as strings. */
  readonly query: Readonly<Record<string, string>>;
  /** The JSON body, for operations with body members (Put and Update always send one). */
  readonly body?: Readonly<Record<string, unknown>>;
}

/**
 * Encodes a path label as the AWS SDK does (RFC 3986: also `!'()*`).
 * @example encodeLabel('my-function:$LATEST') // 'my-function%3A%24LATEST'
 */
export const encodeLabel = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The wire form of a call.
 * @example wireCall('GetFunctionEventInvokeConfig', { FunctionName: 'f', Qualifier: '1' })
 * // { method: 'GET', path: '/2019-09-25/functions/f/event-invoke-config', query: { Qualifier: '1' } }
 */
export function wireCall(operation: string, input: Readonly<Record<string, unknown>>): WireCall {
  if (!isOperationName(operation)) throw new Error(`${operation} is not an operation of the spec table`);
  const spec = OPERATIONS[operation];
  const members = inputMembers(operation);
  let path: string = spec.uri;
  const query: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  for (const [name, member] of members) {
    const value = input[name];
    if (member.location === 'uri') {
      if (typeof value !== 'string') throw new Error(`${operation} needs ${name} as a string for its path`);
      path = path.replace(`{${name}}`, encodeLabel(value));
    } else if (value === undefined) continue;
    else if (member.location === 'querystring') query[name] = String(value);
    else body[name] = value;
  }
  const unknown = Object.keys(input).filter((k) => !Object.hasOwn(spec.input, k));
  if (unknown.length > 0) throw new Error(`${operation} has no member ${unknown.join(', ')}`);
  const hasBody = members.some(([, m]) => m.location === 'body');
  return { method: spec.method, path, query, ...(hasBody ? { body } : {}) };
}
