/**
 * Request matching: method and path to an operation and its URI labels. Kept apart from decoding.
 */
import { LAMBDA_ROUTES } from '../spec/lambda-routes.js';
import { OPERATIONS, OPERATION_NAMES, type OperationName } from '../spec/operations.js';

export type RouteMatch =
  | { readonly kind: 'operation'; readonly operation: OperationName; readonly labels: Readonly<Record<string, string>> }
  | { readonly kind: 'unsupported'; readonly operation: string }
  | { readonly kind: 'unknown' };

const segmentsOf = (path: string): string[] => {
  const trimmed = path.length > 1 && path.endsWith('/') && !path.endsWith('//') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
};

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

interface CompiledRoute<Name extends string = string> {
  readonly method: string;
  readonly segments: readonly string[];
  readonly query?: string;
  readonly name: Name;
  /** The label name of each `{Label}` segment, undefined for literal segments. */
  readonly labels: readonly (string | undefined)[];
}

const compile = <Name extends string>(method: string, uri: string, name: Name): CompiledRoute<Name> => {
  const [path, query] = uri.split('?');
  const segments = segmentsOf(path!);
  const labels = segments.map((p) => (p.startsWith('{') && p.endsWith('}') ? p.slice(1, -1) : undefined));
  return { method, segments, ...(query ? { query } : {}), name, labels };
};

const OWN = OPERATION_NAMES.map((name) => compile(OPERATIONS[name].method, OPERATIONS[name].uri, name));
/** Our routes by method and segment count, in table order: a request is tried only against routes of its shape. */
const OWN_BY_SHAPE = new Map<string, (typeof OWN)[number][]>();
for (const r of OWN) {
  const shape = `${r.method} ${r.segments.length}`;
  OWN_BY_SHAPE.set(shape, [...(OWN_BY_SHAPE.get(shape) ?? []), r]);
}
const NO_ROUTES: readonly (typeof OWN)[number][] = [];
const ALL = LAMBDA_ROUTES.map(([method, uri, name]) => compile(method, uri, name));

function matchRoute(route: CompiledRoute, method: string, segments: readonly string[], search: URLSearchParams) {
  if (route.method !== method || route.segments.length !== segments.length) return undefined;
  if (route.query) {
    const [key, value] = route.query.split('=');
    if (value === undefined ? !search.has(key!) : search.get(key!) !== value) return undefined;
  }
  // Literal segments first: a route that does not match allocates nothing.
  for (let i = 0; i < segments.length; i++) if (route.labels[i] === undefined && route.segments[i] !== segments[i]) return undefined;
  const labels: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const label = route.labels[i];
    if (label !== undefined) labels[label] = decode(segments[i]!);
  }
  return labels;
}

/**
 * Finds the operation for a request; names a Lambda operation this emulator does not implement.
 * @example route('GET', '/2019-09-25/functions/my-function/event-invoke-config', new URLSearchParams())
 * // { kind: 'operation', operation: 'GetFunctionEventInvokeConfig', labels: { FunctionName: 'my-function' } }
 */
export function route(method: string, path: string, search: URLSearchParams): RouteMatch {
  const segments = segmentsOf(path);
  // Routes with a query discriminator first (none of ours have one), then the most literal segments.
  for (const r of OWN_BY_SHAPE.get(`${method} ${segments.length}`) ?? NO_ROUTES) {
    const labels = matchRoute(r, method, segments, search);
    if (labels) return { kind: 'operation', operation: r.name, labels };
  }
  const other = ALL.filter((r) => r.query).find((r) => matchRoute(r, method, segments, search)) ?? ALL.find((r) => matchRoute(r, method, segments, search));
  return other ? { kind: 'unsupported', operation: other.name } : { kind: 'unknown' };
}
