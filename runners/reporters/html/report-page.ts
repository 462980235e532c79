/**
 * `--reporter html`: the run as one self-contained page for someone who has never seen the tool:
 * the verdict, counts by suite and by operation, every scenario with its failures expandable to
 * the request, the expected and actual values with the differing part marked, the evidence tag,
 * and the text of the spec section it checks; filters by status, suite and evidence; provenance.
 */
import { SUITES } from '../../../cases/scenario.js';
import { runFailed, skipReasonOf, type RunReport } from '../../engine/report.js';
import type { Failure, ScenarioResult } from '../../engine/run.js';
import { countBy, operationsOfResult } from '../counts.js';
import { parseSpec, specRefs, type SpecSection } from '../spec-sections.js';
import { statusColumns, statusInfo } from '../statuses.js';
import { badge, countTable } from './parts.js';
import { differingPaths, jsonHtml } from './json-view.js';
import { esc, filterSelect, page } from './page.js';

const EVIDENCE = ['docs', 'model', 'recorded', 'inferred'] as const;

function requestHtml(request: unknown): string {
  const r = request as { operation?: string; input?: unknown; raw?: { method: string; path: string; body?: string } } | undefined;
  if (r?.raw) return `<pre>${esc(`${r.raw.method} ${r.raw.path}${r.raw.body ? `\n\n${r.raw.body}` : ''}`)}</pre>`;
  if (!r) return '<p class="muted">arranging the given state (no request of the scenario yet)</p>';
  return `<p><code>${esc(r.operation ?? '?')}</code></p><pre>${jsonHtml(r.input, new Set())}</pre>`;
}

/** The path with its last segment marked: where, inside the answer, the values differ. */
function pathHtml(path: string, inner: readonly string[]): string {
  const dot = path.lastIndexOf('.');
  const marked = dot < 0 ? `<mark>${esc(path)}</mark>` : `${esc(path.slice(0, dot + 1))}<mark>${esc(path.slice(dot + 1))}</mark>`;
  const deeper = inner.filter(Boolean);
  return `<span class="path"><code>${marked}</code></span>${deeper.length > 0 ? ` <span class="muted">(differs at ${deeper.map((p) => `<code>${esc(p)}</code>`).join(', ')})</span>` : ''}`;
}

function failureHtml(f: Failure): string {
  const paths = differingPaths(f.expected, f.actual);
  const marks = new Set(paths);
  return `<div class="failure${f.advisory ? ' advisory' : ''}">
<h3>${f.step === 0 ? 'arrange' : `step ${f.step}`}: at ${pathHtml(f.path, paths)} <span class="tag">[${esc(f.evidence)}]</span>${f.advisory ? ' (advisory)' : ''}</h3>
${f.note ? `<p>${esc(f.note)}</p>` : ''}<h4>request</h4>${requestHtml(f.request)}
<div class="cols"><div><h4>expected</h4><pre class="expected">${jsonHtml(f.expected, marks)}</pre></div><div><h4>actual</h4><pre class="actual">${jsonHtml(f.actual, marks)}</pre></div></div>
</div>`;
}

function sourceHtml(source: string, sections: readonly SpecSection[]): string {
  const refs = specRefs(source, sections);
  const links = refs.filter((r) => r.id).map((r) => `<a href="#${r.id}">${esc(r.label)}</a>`);
  return `<p>source: ${esc(source)}${links.length > 0 ? ` (spec: ${links.join(', ')})` : ''}</p>`;
}

function scenarioHtml(r: ScenarioResult, sections: readonly SpecSection[]): string {
  const data = `data-row data-status="${esc(r.status)}" data-suite="${esc(r.suite)}" data-evidence="${esc(r.evidence.join(' '))}" id="scenario-${esc(r.id)}"`;
  const summary = `<summary>${badge(r.status)} <code>${esc(r.id)}</code> ${esc(r.title)}</summary>`;
  const meta = `<p class="muted">suite ${esc(r.suite)} · operations ${esc(operationsOfResult(r).join(', '))} · evidence ${r.evidence.map((e) => `<span class="tag">[${esc(e)}]</span>`).join(' ')} · ${r.durationMs} ms${r.skippedChecks ? ` · ${r.skippedChecks} checks skipped` : ''}</p>${r.status === 'skipped' ? `<p>skipped: ${esc(skipReasonOf(r))}</p>` : ''}`;
  const known = r.knownReason ? `<p>baseline: ${esc(r.knownReason)}</p>` : '';
  const fixed = r.status === 'fixed' ? '<p>listed in the baseline as failing, but it passes now: remove it from the baseline.</p>' : '';
  return `<details class="scenario" ${data}>${summary}${meta}${sourceHtml(r.source, sections)}${known}${fixed}${r.failures.map(failureHtml).join('\n')}</details>`;
}

function provenanceHtml(report: RunReport): string {
  const p = report.provenance;
  const rows: [string, string][] = [
    ['target', report.target],
    ...(p?.target.endpoint ? [['endpoint', p.target.endpoint] as [string, string]] : []),
    ...(p?.target.region ? [['region / account', `${p.target.region} / ${p.target.account ?? '?'}`] as [string, string]] : []),
    ['tool', p ? `${p.tool.name} ${p.tool.version}` : '(not recorded)'],
    ['suite version', p?.suiteVersion ?? '(not recorded)'],
    ['spec version', p?.specVersion ?? '(not recorded)'],
    ['Node', p?.node ?? '(not recorded)'],
    ['started', report.startedAt],
    ['ended', p?.endedAt ?? '(not recorded)'],
    ['duration', `${(report.durationMs / 1000).toFixed(2)} s`],
  ];
  return `<dl class="meta">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

/** The cited spec sections, so every link works from disk. */
export function specHtml(results: readonly Pick<ScenarioResult, 'source'>[], sections: readonly SpecSection[]): string {
  const cited = new Set(results.flatMap((r) => specRefs(r.source, sections).flatMap((x) => (x.id ? [x.id] : []))));
  const shown = sections.filter((s) => cited.has(s.id));
  if (shown.length === 0) return '<p class="muted">docs/aws-behaviour.md is not part of this installation, so the cited sections cannot be shown; each scenario names its source.</p>';
  return shown.map((s) => `<section id="${s.id}"><h3>§${esc(s.number)} ${esc(s.title)}</h3><pre>${esc(s.text)}</pre></section>`).join('\n');
}

/**
 * The HTML page of a run. `spec` is the text of docs/aws-behaviour.md (omit it where absent).
 * @example writeFileSync('report.html', htmlReport(report, { spec: specText() }))
 */
export function htmlReport(report: RunReport, options: { spec?: string | undefined } = {}): string {
  const sections = options.spec ? parseSpec(options.spec) : [];
  const s = report.summary;
  const failed = runFailed(report);
  const columns = statusColumns(report.results.map((r) => r.status));
  const suites = countBy(report.results, (r) => [r.suite], SUITES);
  const operations = countBy(report.results, (r) => operationsOfResult(r));
  const statuses = columns.filter((c) => report.results.some((r) => r.status === c));
  const counts = columns.filter((c) => report.results.some((r) => r.status === c)).map((c) => `${report.results.filter((r) => r.status === c).length} ${statusInfo(c).label}`);
  const ordered = [...report.results].sort((a, b) => Number(statusInfo(b.status).failing) - Number(statusInfo(a.status).failing));
  const body = `<header>
<h1>lambda-eic conformance report: ${esc(report.target)}</h1>
<p class="verdict ${failed ? 'fail' : 'pass'}" id="verdict">${failed ? 'FAIL' : 'PASS'}: ${s.total} scenarios, ${esc(counts.join(', '))}</p>
<p>Each scenario replays calls against the target and checks the answers against how AWS answers, every expectation tagged with its evidence: <span class="tag">[docs]</span> AWS documentation, <span class="tag">[model]</span> the AWS service model, <span class="tag">[recorded]</span> observed on AWS, <span class="tag">[inferred]</span> an AWS convention not yet observed (advisory: shown, never failing).</p>
${provenanceHtml(report)}
${report.staleBaselineIds.length > 0 ? `<p>Baseline entries naming no scenario (remove them): ${report.staleBaselineIds.map((id) => `<code>${esc(id)}</code>`).join(', ')}</p>` : ''}
</header>
<main>
<h2>By suite</h2>
${countTable('Scenarios by suite and status', 'suite', [...suites, { key: 'total', counts: Object.fromEntries(columns.map((c) => [c, report.results.filter((r) => r.status === c).length])), total: s.total }], columns, 'by-suite')}
<h2>By operation</h2>
${countTable('Scenarios by the operations they call (a scenario counts under each operation it calls)', 'operation', operations, columns, 'by-operation')}
<h2>Scenarios</h2>
<p>Failing scenarios first. Open one to see each failing expectation: the request, the expected and actual values with the differing part <mark>marked</mark>, and its evidence.</p>
<form class="filters" aria-label="Filter scenarios" onsubmit="return false">
${filterSelect('status', 'Status', statuses, (v) => statusInfo(v).label)}
${filterSelect(
  'suite',
  'Suite',
  SUITES.filter((x) => report.results.some((r) => r.suite === x)),
)}
${filterSelect(
  'evidence',
  'Evidence',
  EVIDENCE.filter((e) => report.results.some((r) => r.evidence.includes(e))),
)}
<button type="button" id="reset-filters">Show all</button>
</form>
<p id="shown" aria-live="polite"></p>
<div id="scenarios">
${ordered.map((r) => scenarioHtml(r, sections)).join('\n')}
</div>
<h2 id="spec">Specification sections cited</h2>
<div class="spec">${specHtml(report.results, sections)}</div>
</main>
<footer><p class="muted">Generated by lambda-eic ${esc(report.provenance ? report.provenance.tool.version : '')}. This page is self-contained: it loads nothing.</p></footer>`;
  return page({ title: `lambda-eic conformance: ${failed ? 'FAIL' : 'PASS'} against ${report.target}`, body });
}
