/**
 * Input validation built from the spec table: first the JSON types (a wrong type is a request
 * AWS cannot deserialise), then the model's constraints, reported together in one
 * ValidationException in model member order (`aws-behaviour.md` section 2).
 */
import type { OperationInputs } from '../spec/inputs.js';
import { OPERATIONS, type OperationName, type OperationSpec } from '../spec/operations.js';
import type { MemberSpec, Shape } from '../spec/shapes.js';
import { CONSTRAINT_TEXT, violationText } from '../spec/errors.js';
import { fail } from './aws-error.js';
import { wholeMatch } from './names.js';

type Input = Readonly<Record<string, unknown>>;

const patternCache = new Map<string, RegExp>();
const compiled = (pattern: string): RegExp => {
  let re = patternCache.get(pattern);
  if (!re) {
    re = wholeMatch(pattern);
    patternCache.set(pattern, re);
  }
  return re;
};

/** The members of a shape as entries, listed once per shape (every call reads them). */
const entriesCache = new WeakMap<object, readonly [string, MemberSpec][]>();
const memberEntries = (members: Readonly<Record<string, MemberSpec>>): readonly [string, MemberSpec][] => {
  let entries = entriesCache.get(members);
  if (!entries) {
    entries = Object.entries(members);
    entriesCache.set(members, entries);
  }
  return entries;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

const describe = (v: unknown): string => {
  if (v === null) return 'null';
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`;
  if (typeof v === 'number') return `number ${v}`;
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Uint8Array) return 'binary data';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
};

function typeMismatch(shape: Shape, v: unknown): string | undefined {
  switch (shape.type) {
    case 'string':
      return typeof v === 'string' ? undefined : 'a string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && Number.isSafeInteger(v) ? undefined : 'an integer';
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'a boolean';
    case 'blob':
      return typeof v === 'string' || v instanceof Uint8Array ? undefined : 'base64-encoded binary data';
    case 'structure':
    case 'map':
      return isPlainObject(v) ? undefined : 'an object';
    case 'list':
      return Array.isArray(v) ? undefined : 'an array';
  }
}

/** The items of a list or the values of a map must have their declared type too (no nesting smuggled in). */
function checkItemTypes(shape: Shape, v: unknown, where: string): void {
  const itemShape = shape.type === 'list' ? shape.member : shape.type === 'map' ? shape.value : undefined;
  if (!itemShape) return;
  // typeMismatch has checked the container: an array for a list, a plain object for a map.
  const items: readonly unknown[] = Array.isArray(v) ? v : isPlainObject(v) ? Object.values(v) : [];
  for (const item of items) {
    const expected = typeMismatch(itemShape, item);
    if (expected) throw fail('unparseableBody', `${where} must hold ${expected}s, not ${describe(item)}`);
  }
}

function checkMemberTypes(members: Readonly<Record<string, MemberSpec>>, value: Input, prefix: string): void {
  for (const [name, member] of memberEntries(members)) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    const expected = typeMismatch(member.shape, v);
    const type = member.shape.type;
    if (!expected && type !== 'structure' && type !== 'list' && type !== 'map') continue;
    const where = prefix ? `${prefix}.${name}` : name;
    if (expected) throw fail('unparseableBody', `${where} must be ${expected}, not ${describe(v)}`);
    if (member.shape.type === 'structure') {
      if (isPlainObject(v)) checkMemberTypes(member.shape.members, v, where);
    } else checkItemTypes(member.shape, v, where);
  }
}

/**
 * Refuses a value of the wrong JSON type (a string or 1.5 where an integer belongs).
 * @example checkTypes(OPERATIONS.PutFunctionEventInvokeConfig, { FunctionName: 'f', MaximumRetryAttempts: '1' }) // throws InvalidRequestContentException
 */
export function checkTypes(spec: OperationSpec, input: Input): void {
  checkMemberTypes(spec.input, input, '');
}

/** One failed constraint, with the words AWS uses for it. */
export interface Violation {
  readonly path: string;
  readonly value: unknown;
  readonly rule: keyof typeof CONSTRAINT_TEXT;
  readonly bound?: number | string;
  readonly text: string;
}

function violation<R extends keyof typeof CONSTRAINT_TEXT>(member: MemberSpec, value: unknown, rule: R, ...bound: Parameters<(typeof CONSTRAINT_TEXT)[R]>): Violation {
  const what = (CONSTRAINT_TEXT[rule] as (...a: unknown[]) => string)(...bound);
  return { path: member.path, value, rule, ...(bound.length > 0 ? { bound: bound[0] as number | string } : {}), text: violationText(value, member.path, what) };
}

const NONE: readonly Violation[] = Object.freeze([]);

/** `list` with `found` added: a list is allocated only once something is found (valid input, the common case, allocates none). */
const adding = (list: Violation[] | undefined, found: readonly Violation[]): Violation[] | undefined => {
  if (found.length === 0) return list;
  if (!list) return [...found];
  list.push(...found);
  return list;
};

function memberViolations(member: MemberSpec, v: unknown): readonly Violation[] {
  if (v === undefined || v === null) return member.required ? [violation(member, v, 'required')] : NONE;
  const shape = member.shape;
  let out: Violation[] | undefined;
  if (shape.type === 'string' && typeof v === 'string') {
    if (shape.min !== undefined && v.length < shape.min) out = adding(out, [violation(member, v, 'minLength', shape.min)]);
    if (shape.max !== undefined && v.length > shape.max) out = adding(out, [violation(member, v, 'maxLength', shape.max)]);
    if (shape.pattern !== undefined && !compiled(shape.pattern).test(v)) out = adding(out, [violation(member, v, 'pattern', shape.pattern)]);
    if (shape.enum !== undefined && !shape.enum.includes(v)) out = adding(out, [violation(member, v, 'enum', shape.enum.join(', '))]);
  } else if (shape.type === 'list' && Array.isArray(v)) {
    const shown = `[${v.join(', ')}]`;
    if (shape.min !== undefined && v.length < shape.min) out = adding(out, [violation(member, shown, 'minLength', shape.min)]);
    if (shape.max !== undefined && v.length > shape.max) out = adding(out, [violation(member, shown, 'maxLength', shape.max)]);
    if (shape.member) for (const item of v) out = adding(out, memberViolations({ shape: shape.member, path: member.path }, item));
  } else if (shape.type === 'map' && isPlainObject(v)) {
    const entries = Object.entries(v);
    if (shape.maxEntries !== undefined && entries.length > shape.maxEntries) out = adding(out, [violation(member, `{${entries.length} entries}`, 'maxLength', shape.maxEntries)]);
    for (const [k, item] of entries) {
      if (shape.key) out = adding(out, memberViolations({ shape: shape.key, path: `${member.path}.key` }, k));
      if (shape.value) out = adding(out, memberViolations({ shape: shape.value, path: `${member.path}.value` }, item));
    }
  } else if (shape.type === 'integer' && typeof v === 'number') {
    if (shape.min !== undefined && v < shape.min) out = adding(out, [violation(member, v, 'min', shape.min)]);
    if (shape.max !== undefined && v > shape.max) out = adding(out, [violation(member, v, 'max', shape.max)]);
  } else if (shape.type === 'structure' && isPlainObject(v)) {
    for (const [name, child] of memberEntries(shape.members)) out = adding(out, memberViolations(child, v[name]));
  }
  return out ?? NONE;
}

/**
 * Every constraint violation of the input, in model order, as AWS words them.
 * @example constraintViolations(OPERATIONS.GetFunctionEventInvokeConfig, { FunctionName: 'f', Qualifier: '' }).length // 2
 */
export function constraintViolations(spec: OperationSpec, input: Input): readonly Violation[] {
  let out: Violation[] | undefined;
  for (const [name, member] of memberEntries(spec.input)) out = adding(out, memberViolations(member, input[name]));
  return out ?? NONE;
}

/**
 * Throws the ValidationException AWS sends for the given violations, if any.
 * @example checkConstraints(constraintViolations(OPERATIONS.PutFunctionEventInvokeConfig, { FunctionName: 'f', MaximumRetryAttempts: 3 }))
 * // throws "1 validation error detected: Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2"
 */
export function checkConstraints(violations: readonly Violation[]): void {
  if (violations.length > 0)
    throw fail(
      'validation',
      violations.map((v) => v.text),
    );
}

/**
 * The boundary between wire input and typed input: the JSON types, then the constraints, checked
 * against the spec table; throws the AWS error, else the input is the operation's validated input.
 * `keep` may drop violations before they are reported (the range-check quirks drop range, length
 * and pattern violations only: a value left in is still of its JSON type, and a required member
 * still present).
 * @example
 * checkInput('GetFunctionEventInvokeConfig', input); // throws a ValidationException for { FunctionName: '' }
 * input.FunctionName; // string
 */
export function checkInput<O extends OperationName>(operation: O, input: Input, keep?: (found: readonly Violation[]) => Violation[]): asserts input is OperationInputs[O] {
  const spec = OPERATIONS[operation];
  checkTypes(spec, input);
  const found = constraintViolations(spec, input);
  checkConstraints(keep ? keep(found) : found);
}

/**
 * Body members the operation does not know, as dotted paths (`DestinationConfig.OnSuccess.Arn`).
 * @example unknownMembers(OPERATIONS.PutFunctionEventInvokeConfig.input, { Foo: 1 }) // ['Foo']
 */
export function unknownMembers(members: Readonly<Record<string, MemberSpec>>, value: Input, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, v] of Object.entries(value)) {
    // Own members only: a body key such as `constructor` or `__proto__` must not find Object.prototype's.
    const member = Object.hasOwn(members, name) ? members[name] : undefined;
    const known = member && member.location !== 'uri' && member.location !== 'querystring';
    if (known && (member.shape.type !== 'structure' || !isPlainObject(v))) continue;
    const where = prefix ? `${prefix}.${name}` : name;
    if (!known) out.push(where);
    else if (member.shape.type === 'structure' && isPlainObject(v)) out.push(...unknownMembers(member.shape.members, v, where));
  }
  return out;
}

export { isPlainObject };
