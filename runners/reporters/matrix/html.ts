/**
 * The matrix as one self-contained HTML page: scores per target, the scenarios by suite with a
 * column per target (a failing cell opens to its failing paths, and shows them on hover), filters
 * by suite and status, and the failures of each target grouped by root cause.
 */
import { badge, countTable } from '../html/parts.js';
import { esc, filterSelect, page } from '../html/page.js';
import { statusColumns, statusInfo } from '../statuses.js';
import type { Matrix, MatrixCell, MatrixColumn } from './model.js';

function cellHtml(c: MatrixCell | undefined, column: string): string {
  if (!c) return `<td class="cell"><span class="muted" title="not in this report">none</span></td>`;
  const detail = [...c.paths.map((p) => `at ${p}`), ...(c.knownReason ? [`baseline: ${c.knownReason}`] : [])];
  if (detail.length === 0) return `<td class="cell" data-status="${esc(c.status)}">${badge(c.status)}</td>`;
  const list = detail.map((d) => `<li><code>${esc(d)}</code></li>`).join('');
  return `<td class="cell" data-status="${esc(c.status)}" title="${esc(detail.join('\n'))}"><details><summary aria-label="${esc(`${column}: ${statusInfo(c.status).label}, show details`)}">${badge(c.status)}</summary><ul class="paths">${list}</ul></details></td>`;
}

function provenanceTable(columns: readonly MatrixColumn[]): string {
  const rows = columns.map((c) => {
    const p = c.report.provenance;
    const cells = [
      c.label,
      p ? `${p.tool.name} ${p.tool.version}` : '(not recorded)',
      p?.suiteVersion ?? '(not recorded)',
      p?.node ?? '',
      p?.target.endpoint ?? '',
      c.report.startedAt,
      `${(c.report.durationMs / 1000).toFixed(1)} s`,
      c.file,
    ];
    return `<tr>${cells.map((x, i) => (i === 0 ? `<th scope="row">${esc(x)}</th>` : `<td class="name">${esc(x)}</td>`)).join('')}</tr>`;
  });
  const head = ['target', 'tool', 'suite version', 'Node', 'endpoint', 'started', 'duration', 'report file'].map((h) => `<th scope="col">${h}</th>`).join('');
  return `<table id="provenance"><caption>Where each column comes from</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function rootCausesHtml(c: MatrixColumn, index: number): string {
  const items = c.rootCauses
    .map(
      (g) =>
        `<li><details><summary><strong>${g.scenarios.length}</strong> × <code>${esc(g.path)}</code>: expected <code>${esc(g.expected)}</code>, got <code>${esc(g.actual)}</code> <span class="muted">in ${esc(g.operations.join(', '))}</span></summary><ul>${g.scenarios.map((s) => `<li><code>${esc(s.id)}</code> ${esc(s.title)}</li>`).join('')}</ul></details></li>`,
    )
    .join('\n');
  return `<section aria-labelledby="causes-${index}"><h3 id="causes-${index}">${esc(c.label)}</h3>${items ? `<ul class="causes">${items}</ul>` : '<p>No failures.</p>'}</section>`;
}

/**
 * The matrix page.
 * @example writeFileSync('matrix.html', matrixHtml(buildMatrix(inputs)))
 */
export function matrixHtml(matrix: Matrix, options: { generatedAt?: Date } = {}): string {
  const cols = matrix.columns;
  const statuses = statusColumns(cols.flatMap((c) => Object.keys(c.counts)));
  const scores = cols.map((c) => ({ key: c.label, counts: c.counts, total: c.total }));
  const suites = [...new Set(matrix.rows.map((r) => r.suite))];
  const present = statuses.filter((s) => cols.some((c) => c.counts[s]));
  const head = `<tr><th scope="col">scenario</th>${cols.map((c) => `<th scope="col">${esc(c.label)}</th>`).join('')}</tr>`;
  const body = suites
    .map((suite) => {
      const rows = matrix.rows.filter((r) => r.suite === suite);
      const group = `<tr data-group="${esc(suite)}"><th scope="colgroup" colspan="${cols.length + 1}" class="name">${esc(suite)} (${rows.length})</th></tr>`;
      const lines = rows.map((r) => {
        const st = [...new Set(r.cells.flatMap((c) => (c ? [c.status] : [])))].join(' ');
        return `<tr data-row data-in-group="${esc(suite)}" data-suite="${esc(suite)}" data-status="${esc(st)}" id="row-${esc(r.id)}"><th scope="row" class="name"><code>${esc(r.id)}</code><br><span class="muted">${esc(r.title)}</span></th>${r.cells.map((c, i) => cellHtml(c, cols[i]!.label)).join('')}</tr>`;
      });
      return [group, ...lines].join('\n');
    })
    .join('\n');
  const scoreLines = cols
    .map((c) => `<li><strong>${esc(c.label)}</strong>: ${c.conforming} of ${c.total} scenarios conform (${c.total ? ((100 * c.conforming) / c.total).toFixed(1) : '0'}%)</li>`)
    .join('');
  const html = `<header>
<h1>lambda-eic conformance matrix</h1>
<p>${cols.length} targets side by side on ${matrix.rows.length} scenarios${options.generatedAt ? `, generated ${esc(options.generatedAt.toISOString())}` : ''}. A target <strong>conforms</strong> on a scenario when every expectation backed by AWS documentation, the service model or a recording holds (status passed or advisory).</p>
${matrix.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n')}
</header>
<main>
<h2>Scores</h2>
<ul id="scores">${scoreLines}</ul>
${countTable('Scenarios by target and status', 'target', scores, statuses, 'by-target')}
${provenanceTable(cols)}
<h2>Scenarios</h2>
<p>Open a cell that is not passed (or hover it) to see where the target's answer differs.</p>
<form class="filters" aria-label="Filter scenarios" onsubmit="return false">
${filterSelect('suite', 'Suite', suites)}
${filterSelect('status', 'Status in any target', present, (v) => statusInfo(v).label)}
<button type="button" id="reset-filters">Show all</button>
</form>
<p id="shown" aria-live="polite"></p>
<table class="matrix" id="matrix"><caption>Status of each scenario per target</caption><thead>${head}</thead><tbody>
${body}
</tbody></table>
<h2>Failures by root cause</h2>
<p>Failed and known scenarios of each target grouped by their first failing expectation (run-unique names, accounts and ids normalised): one group is most likely one fix.</p>
${cols.map(rootCausesHtml).join('\n')}
</main>
<footer><p class="muted">Generated by lambda-eic matrix. This page is self-contained: it loads nothing.</p></footer>`;
  return page({ title: `lambda-eic conformance matrix (${cols.map((c) => c.label).join(', ')})`, body: html });
}
