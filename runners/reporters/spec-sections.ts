/**
 * The specification (docs/aws-behaviour.md) cut into its numbered sections and their
 * subsections, and a scenario's `source` ("aws-behaviour.md §4 Put; §6") read as references to
 * them, so a report can link each failure to the rule it checks and carry the rule's text.
 */

export interface SpecSection {
  /** An HTML id: `spec-4`, `spec-4-put`. */
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly text: string;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, '')
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Sections (`## 4. Each operation`) and subsections (`### Put [docs]`) with their text.
 * @example parseSpec('## 4. Each operation\n### Put [docs]\nrules').map((s) => s.id) // ['spec-4', 'spec-4-put']
 */
export function parseSpec(markdown: string): SpecSection[] {
  const sections: { id: string; number: string; title: string; lines: string[] }[] = [];
  let number = '';
  for (const line of markdown.split('\n')) {
    const top = /^##\s+(\d+)\.\s+(.*)$/.exec(line);
    const sub = /^###\s+(.*)$/.exec(line);
    if (top) {
      number = top[1]!;
      sections.push({ id: `spec-${number}`, number, title: top[2]!.trim(), lines: [line] });
    } else if (sub && number) {
      sections.push({ id: `spec-${number}-${slug(sub[1]!)}`, number, title: sub[1]!.trim(), lines: [line] });
    } else if (/^#\s/.test(line)) continue;
    else sections.at(-1)?.lines.push(line);
  }
  return sections.map(({ lines, ...s }) => ({ ...s, text: lines.join('\n').trim() }));
}

export interface SpecRef {
  readonly label: string;
  /** The section's id when the spec has it. */
  readonly id?: string;
}

/**
 * The spec sections a scenario's source names: `§4 Put` (section 4, subsection Put when it
 * exists), `§1-2` (sections 1 and 2).
 * @example specRefs('aws-behaviour.md §4 Put; §6', parseSpec(text)) // [{label: '§4 Put', id: 'spec-4-put'}, {label: '§6', id: 'spec-6'}]
 */
export function specRefs(source: string, sections: readonly SpecSection[]): SpecRef[] {
  const ids = new Set(sections.map((s) => s.id));
  const refs: SpecRef[] = [];
  for (const m of source.matchAll(/§\s*(\d+)(?:-(\d+))?(?:\s+([A-Z][A-Za-z]+))?/g)) {
    const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
    for (let n = from; n <= to && n - from < 10; n++) {
      const subId = m[3] && n === from ? `spec-${n}-${slug(m[3])}` : undefined;
      const id = subId && ids.has(subId) ? subId : ids.has(`spec-${n}`) ? `spec-${n}` : undefined;
      const label = n === from && m[3] ? `§${n} ${m[3]}` : `§${n}`;
      if (!refs.some((r) => r.label === label)) refs.push({ label, ...(id ? { id } : {}) });
    }
  }
  return refs;
}
