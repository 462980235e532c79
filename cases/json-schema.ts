/**
 * A checker for the JSON Schema subset `fixtures/schema.json` uses (type, enum, required,
 * properties, additionalProperties, items, pattern, minLength, minimum, maximum, `$ref` to
 * `#/definitions/...`), so fixture loading can hold every fixture to the one schema without a
 * schema library at run time. It answers the first problem, naming the field.
 */

/** The part of a JSON Schema this checker understands. */
export interface SchemaNode {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly items?: SchemaNode;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

/** A problem: where (a dotted path, `''` for the whole value) and what. */
export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
}

const kindOf = (value: unknown): string => (Array.isArray(value) ? 'array' : typeof value);
const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const join = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
const TYPE_OK: Record<NonNullable<SchemaNode['type']>, (value: unknown) => boolean> = {
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  integer: Number.isInteger,
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
};

/**
 * The first way `value` breaks `schema`, or undefined when it holds.
 * @example schemaProblem({ status: 'x' }, { type: 'object', properties: { status: { type: 'integer' } } })
 * // { path: 'status', message: 'must be an integer, not a string' }
 */
export function schemaProblem(value: unknown, schema: SchemaNode, root: SchemaNode = schema, path = ''): SchemaProblem | undefined {
  if (schema.$ref !== undefined) {
    const target = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
    const node = target === undefined ? undefined : root.definitions?.[target];
    if (!node) return { path, message: `the schema's $ref ${schema.$ref} names nothing` };
    return schemaProblem(value, node, root, path);
  }
  const at = (message: string): SchemaProblem => ({ path, message });
  if (schema.enum && !schema.enum.some((e) => e === value)) return at(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, not ${JSON.stringify(value)}`);
  if (schema.type && !TYPE_OK[schema.type](value)) return at(`must be ${article(schema.type)}, not ${value === null ? 'null' : article(kindOf(value))}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return at(schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) return at(`must match ${schema.pattern}, not ${JSON.stringify(value)}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return at(`must be at least ${schema.minimum}, not ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum) return at(`must be at most ${schema.maximum}, not ${value}`);
  }
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries()) {
      const problem = schemaProblem(item, schema.items, root, join(path, i));
      if (problem) return problem;
    }
  }
  if (TYPE_OK.object(value)) {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!Object.hasOwn(object, key)) return { path: join(path, key), message: 'is required' };
    for (const [key, member] of Object.entries(object)) {
      const declared = schema.properties?.[key];
      const extra = schema.additionalProperties;
      if (!declared && extra === false) return { path: join(path, key), message: `is not a known member${schema.properties ? ` (known: ${Object.keys(schema.properties).join(', ')})` : ''}` };
      const node = declared ?? (typeof extra === 'object' ? extra : undefined);
      const problem = node ? schemaProblem(member, node, root, join(path, key)) : undefined;
      if (problem) return problem;
    }
  }
  return undefined;
}
