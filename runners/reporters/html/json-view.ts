/**
 * JSON as HTML for reports: pretty-printed, escaped, with the members where two values differ
 * marked, so a reader sees at once which part of a large answer is wrong.
 */
import { esc } from './page.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The paths (`a.b.0`) where two values differ; `''` when they differ as a whole (types, scalars).
 * @example differingPaths({ a: 1, b: 2 }, { a: 1, b: 3 }) // ['b']
 */
export function differingPaths(expected: unknown, actual: unknown, prefix = ''): string[] {
  if (isObject(expected) && isObject(actual) && Array.isArray(expected) === Array.isArray(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((k) => differingPaths(expected[k], actual[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [prefix];
}

/**
 * Pretty JSON as escaped HTML; a member whose path is in `marks` is wrapped in `<mark>` (all of it
 * when `marks` holds `''`). `undefined` shows as `(absent)`.
 * @example jsonHtml({ a: 1 }, new Set(['a'])) // '{\n  &quot;a&quot;: <mark>1</mark>\n}'
 */
export function jsonHtml(value: unknown, marks: ReadonlySet<string>, path = '', indent = ''): string {
  const mark = (html: string) => (marks.has(path) ? `<mark>${html}</mark>` : html);
  if (value === undefined) return mark('<i>(absent)</i>');
  if (!isObject(value) || Object.keys(value).length === 0) return mark(esc(JSON.stringify(value) ?? String(value)));
  const inner = `${indent}  `;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const lines = entries.map(([k, v]) => {
    const child = path ? `${path}.${k}` : k;
    const key = Array.isArray(value) ? '' : `${esc(JSON.stringify(k))}: `;
    return `${inner}${key}${jsonHtml(v, marks, child, inner)}`;
  });
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return mark(`${open}\n${lines.join(',\n')}\n${indent}${close}`);
}
