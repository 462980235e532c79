/** The HTML run report as markup: self-contained, escaped, counts, statuses, spec links, diff marks. */
import { describe, expect, it } from 'vitest';
import { specText } from '../../runners/engine/provenance.js';
import { htmlReport } from '../../runners/reporters/html/report-page.js';
import { differingPaths, jsonHtml } from '../../runners/reporters/html/json-view.js';
import { parseSpec, specRefs } from '../../runners/reporters/spec-sections.js';
import { STATUS_INFO } from '../../runners/reporters/statuses.js';
import { handMade, quirkReport, reportOf } from './support.js';

const SPEC = `# How real AWS Lambda answers
## 3. Naming the function [recorded]
- qualifiers
## 4. Each operation
### Put [docs][recorded]
1. at least one setting
### Update [docs]
- merge
## 6. The config in answers
- FunctionArn`;

const contrast = (a: string, b: string) => {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

describe('the HTML run report', () => {
  it('is one self-contained page: no external asset, a CSP that forbids every request, the verdict and provenance', async () => {
    const report = await quirkReport(['update-replaces']);
    const html = htmlReport({
      ...report,
      provenance: {
        tool: { name: 'lambda-eic-conformance', version: '9.9.9' },
        suiteVersion: 'sha256:0123456789ab',
        specVersion: 'unavailable',
        node: 'v20.20.2',
        target: { label: report.target },
        startedAt: report.startedAt,
        endedAt: '2026-11-30T10:00:01.234Z',
      },
    });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<link\b|\bsrc=|url\(|@import/);
    expect(html).toMatch(/id="verdict">FAIL: \d+ scenarios/);
    for (const text of ['9.9.9', 'sha256:0123456789ab', 'v20.20.2', '2026-11-30T10:00:01.234Z', '1.23 s']) expect(html).toContain(text);
    expect(html.match(/data-row /g)).toHaveLength(report.results.length);
    expect(html).toContain(`<td class="" data-status="failed">${report.summary.failed}</td>`);
  });

  it('shows every status, including not-arranged and ones it does not know, and escapes what targets answer', () => {
    const report = reportOf('a <b>target</b>', [
      handMade({ id: 'x.passed', status: 'passed' }),
      handMade({ id: 'x.not-arranged', status: 'not-arranged' as never }),
      handMade({ id: 'x.interrupted', status: 'interrupted' as never }),
      handMade({
        id: 'x.failed',
        status: 'failed',
        title: '<script>alert(1)</script>',
        failures: [
          {
            step: 1,
            request: { operation: 'PutFunctionEventInvokeConfig', input: { FunctionName: '</pre>' } },
            path: 'error.message',
            expected: 'a',
            actual: '<img src=x>',
            evidence: 'recorded',
            advisory: false,
          },
        ],
      }),
    ]);
    const html = htmlReport(report);
    expect(html).toContain('>not arranged</th>');
    expect(html).toContain('>interrupted</th>');
    expect(html).toContain('data-status="not-arranged"');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x>');
    expect(html).toContain('&lt;img src=x&gt;');
    expect(html).toContain('a &lt;b&gt;target&lt;/b&gt;');
  });

  it('shows why a scenario was skipped (a target without IAM), escaped', () => {
    const html = htmlReport(reportOf('embedded', [handMade({ id: 'permissions.x', status: 'skipped', suite: 'permissions', skippedChecks: 3, skipReason: 'needs <IAM>' })]));
    expect(html).toContain('data-status="skipped"');
    expect(html).toContain('<p>skipped: needs &lt;IAM&gt;</p>');
  });

  it('links a failure to the spec section its source cites, and carries that section', () => {
    const report = reportOf('t', [
      handMade({ id: 'x.failed', status: 'failed', source: 'aws-behaviour.md §4 Put; §6', failures: [{ step: 1, path: 'status', expected: 404, actual: 400, evidence: 'recorded', advisory: false }] }),
    ]);
    const html = htmlReport(report, { spec: SPEC });
    expect(html).toContain('<a href="#spec-4-put">§4 Put</a>');
    expect(html).toContain('<a href="#spec-6">§6</a>');
    expect(html).toContain('<section id="spec-4-put">');
    expect(html).not.toContain('<section id="spec-3">');
  });

  it.skipIf(!specText())('with the shipped docs/aws-behaviour.md, a quirky run links its failures to sections the page carries', async () => {
    const report = await quirkReport(['update-replaces']);
    const html = htmlReport(report, { spec: specText() });
    const links = [...html.matchAll(/<a href="#(spec-[\w-]+)">/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const id of new Set(links)) expect(html, id).toContain(`<section id="${id}">`);
  });

  it('reads spec references and sections', () => {
    const sections = parseSpec(SPEC);
    expect(sections.map((s) => s.id)).toEqual(['spec-3', 'spec-4', 'spec-4-put', 'spec-4-update', 'spec-6']);
    expect(specRefs('§1-2 constraints', sections)).toEqual([{ label: '§1' }, { label: '§2' }]);
    expect(specRefs('aws-behaviour.md §4 Update; §3 separate configs', sections)).toEqual([
      { label: '§4 Update', id: 'spec-4-update' },
      { label: '§3', id: 'spec-3' },
    ]);
    expect(specRefs('§4 List', sections)).toEqual([{ label: '§4 List', id: 'spec-4' }]);
  });

  it('marks where expected and actual differ', () => {
    expect(differingPaths({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2 } })).toEqual(['b.d']);
    expect(differingPaths(404, 400)).toEqual(['']);
    expect(jsonHtml({ a: 1, b: { d: 3 } }, new Set(['b.d']))).toBe('{\n  &quot;a&quot;: 1,\n  &quot;b&quot;: {\n    &quot;d&quot;: <mark>3</mark>\n  }\n}');
    expect(jsonHtml(undefined, new Set(['']))).toBe('<mark><i>(absent)</i></mark>');
  });

  it('status colours have a contrast ratio of at least 4.5:1', () => {
    for (const [status, info] of Object.entries(STATUS_INFO)) expect(contrast(info.background, info.text), status).toBeGreaterThanOrEqual(4.5);
  });
});
