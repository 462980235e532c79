/** The matrix as Markdown (for docs/ and a job summary): scores, one table per suite, root causes. */
import { statusInfo } from '../statuses.js';
import type { Matrix, MatrixCell } from './model.js';

const ICON: Record<string, string> = { passed: '✅', failed: '❌', fixed: '⚠️', known: '🟣', advisory: '🟡', 'not-arranged': '⬜', skipped: '➖', 'not-run': '⏹️' };

/** A table cell must not break the table. */
const cellText = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const cell = (c: MatrixCell | undefined): string => {
  if (!c) return '';
  const word = `${ICON[c.status] ?? '❔'} ${statusInfo(c.status).label}`;
  return c.paths.length > 0 ? `${word}: ${c.paths.map((p) => `\`${cellText(p)}\``).join(', ')}` : word;
};

const percent = (n: number, of: number) => (of === 0 ? '0%' : `${((100 * n) / of).toFixed(1)}%`);

/**
 * The whole matrix as Markdown.
 * @example writeFileSync('docs/conformance-matrix.md', matrixMarkdown(buildMatrix(inputs)))
 */
export function matrixMarkdown(matrix: Matrix, options: { title?: string; generatedAt?: Date } = {}): string {
  const cols = matrix.columns;
  const statuses = ['passed', 'failed', 'fixed', 'known', 'advisory', 'not-arranged', 'skipped', 'not-run'].filter((s) => cols.some((c) => c.counts[s]));
  const out = [
    `# ${options.title ?? 'lambda-eic conformance matrix'}`,
    '',
    `${cols.length} targets, ${matrix.rows.length} scenarios${options.generatedAt ? `, generated ${options.generatedAt.toISOString()}` : ''} by \`lambda-eic matrix\`. A target **conforms** on a scenario when every [docs], [model] and [recorded] expectation holds (passed or advisory).`,
    '',
    '## Scores',
    '',
    `| target | conforming | ${statuses.map((s) => statusInfo(s).label).join(' | ')} | tool | suite version | run at |`,
    `|---|---:|${statuses.map(() => '---:|').join('')}---|---|---|`,
    ...cols.map((c) => {
      const p = c.report.provenance;
      return `| ${cellText(c.label)} | ${c.conforming}/${c.total} (${percent(c.conforming, c.total)}) | ${statuses.map((s) => c.counts[s] ?? 0).join(' | ')} | ${p ? `${p.tool.version}` : '?'} | ${p?.suiteVersion ?? '?'} | ${cellText(c.report.startedAt)} |`;
    }),
    ...matrix.notes.flatMap((n) => ['', `> ${n}`]),
    '',
    `Legend: ${statuses.map((s) => `${ICON[s] ?? ''} ${statusInfo(s).label} (${statusInfo(s).meaning})`).join('; ')}.`,
  ];
  const suites = [...new Set(matrix.rows.map((r) => r.suite))];
  for (const suite of suites) {
    out.push('', `## ${suite}`, '', `| scenario | ${cols.map((c) => cellText(c.label)).join(' | ')} |`, `|---|${cols.map(() => '---|').join('')}`);
    for (const r of matrix.rows.filter((x) => x.suite === suite)) out.push(`| \`${r.id}\` ${cellText(r.title)} | ${r.cells.map(cell).join(' | ')} |`);
  }
  out.push('', '## Failures by root cause', '', 'Scenarios whose first failing expectation shows the same symptom, largest group first.');
  for (const c of cols) {
    out.push('', `### ${c.label}`, '');
    if (c.rootCauses.length === 0) out.push('No failures.');
    for (const g of c.rootCauses)
      out.push(
        `- **${g.scenarios.length}** × \`${cellText(g.path)}\`: expected \`${cellText(g.expected)}\`, got \`${cellText(g.actual)}\` in ${cellText(g.operations.join(', '))} (${g.scenarios.map((s) => `\`${s.id}\``).join(', ')})`,
      );
  }
  return `${out.join('\n')}\n`;
}
