/**
 * Where an expectation comes from, as a report prints it (`source:`): sections of the project's
 * specification, `docs/aws-behaviour.md`, and fixture files, both shipped in the package.
 * Several references are joined with `; `; a note in parentheses may follow a reference.
 */

/** The project's specification, relative to the package root. */
export const SPEC_DOCUMENT = 'docs/aws-behaviour.md';

/**
 * A citation of sections of the specification.
 * @example spec('§4 Put', '§6') // 'docs/aws-behaviour.md §4 Put; docs/aws-behaviour.md §6'
 */
export const spec = (...sections: string[]): string => sections.map((section) => `${SPEC_DOCUMENT} ${section}`).join('; ');

/** One reference of a source: a file of the package and, for the specification, a section. */
export interface SourceReference {
  readonly file: string;
  /** `4` for `§4`, with the subsection heading when one is named (`Put` in `§4 Put`). */
  readonly section?: { readonly number: string; readonly heading?: string };
}

const SECTION = /^§(\d+)(?:\s+(.+))?$/;

/**
 * The references of a source string.
 * @example parseSource('docs/aws-behaviour.md §4 Put (step 1); fixtures/aws/put-overwrites.json')
 * // [{ file: 'docs/aws-behaviour.md', section: { number: '4', heading: 'Put' } }, { file: 'fixtures/aws/put-overwrites.json' }]
 */
export function parseSource(source: string): SourceReference[] {
  return source.split(';').map((part) => {
    const text = part.replace(/\([^)]*\)/g, '').trim();
    const [file = '', ...rest] = text.split(/\s+/);
    const m = SECTION.exec(rest.join(' '));
    if (!m) return { file };
    return { file, section: { number: m[1]!, ...(m[2] ? { heading: m[2] } : {}) } };
  });
}

/**
 * A source written in short form, with each `§` reference made a citation of the specification.
 * @example cite('§4 Put (step 1); fixtures/aws/put-requires-a-setting.json')
 * // 'docs/aws-behaviour.md §4 Put (step 1); fixtures/aws/put-requires-a-setting.json'
 */
export const cite = (source: string): string =>
  source
    .split(';')
    .map((part) => part.trim())
    .map((part) => (part.startsWith('§') ? `${SPEC_DOCUMENT} ${part}` : part))
    .join('; ');

/** The `## N.` sections of a Markdown specification and the `###` headings within each. */
export function sectionsOf(markdown: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    const top = /^## (\d+)\./.exec(line);
    if (top) {
      current = [];
      sections.set(top[1]!, current);
    } else if (line.startsWith('## ')) current = undefined;
    else if (line.startsWith('### ') && current)
      current.push(
        line
          .slice(4)
          .replace(/\s*\[.*$/, '')
          .trim(),
      );
  }
  return sections;
}

/**
 * What in a source does not resolve: files the package lacks, sections or headings the
 * specification does not have. Empty when every reference resolves.
 * @example unresolved('docs/aws-behaviour.md §42', (file) => readFileSync(join(root, file), 'utf8')) // ['docs/aws-behaviour.md has no §42']
 */
export function unresolved(source: string, read: (file: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const ref of parseSource(source)) {
    const text = read(ref.file);
    if (text === undefined) {
      problems.push(`${ref.file || '(empty reference)'} is not a file of the package`);
      continue;
    }
    if (!ref.section) continue;
    const headings = sectionsOf(text).get(ref.section.number);
    if (!headings) problems.push(`${ref.file} has no §${ref.section.number}`);
    else if (ref.section.heading && !headings.includes(ref.section.heading))
      problems.push(`${ref.file} §${ref.section.number} has no heading '${ref.section.heading}' (it has: ${headings.join(', ') || 'none'})`);
  }
  return problems;
}
