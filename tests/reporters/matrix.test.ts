/** lambda-eic matrix: the model, the Markdown, root causes, and the command as a user runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../runners/engine/report.js';
import { buildMatrix } from '../../runners/reporters/matrix/model.js';
import { matrixMarkdown } from '../../runners/reporters/matrix/markdown.js';
import { matrixHtml } from '../../runners/reporters/matrix/html.js';
import { groupRootCauses, normalise } from '../../runners/reporters/root-causes.js';
import { handMade, quirkReport, reportOf } from './support.js';

const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/lambda-eic.js', 'matrix', ...args], { encoding: 'utf8' });

describe('lambda-eic matrix', () => {
  let reference: RunReport;
  let quirky: RunReport;
  let dir: string;

  beforeAll(async () => {
    reference = await quirkReport([], 'reference');
    quirky = await quirkReport(['update-replaces', 'not-found-as-400'], 'quirky');
    dir = mkdtempSync(join(tmpdir(), 'eic-matrix-'));
    writeFileSync(join(dir, 'reference.json'), JSON.stringify(reference));
    writeFileSync(join(dir, 'quirky.json'), JSON.stringify(quirky));
  });

  it('lines up scenarios by suite, one column per report, with each cell the status and failing paths', () => {
    const matrix = buildMatrix([
      { file: 'a.json', report: reference },
      { file: 'b.json', report: quirky },
    ]);
    expect(matrix.columns.map((c) => c.label)).toEqual(['reference', 'quirky']);
    expect(matrix.rows).toHaveLength(reference.results.length);
    expect(matrix.rows.map((r) => r.suite).indexOf('qualifiers')).toBeGreaterThan(matrix.rows.map((r) => r.suite).lastIndexOf('merge'));
    const keepsAge = matrix.rows.find((r) => r.id === 'merge.update-keeps-age')!;
    expect(keepsAge.cells[0]).toEqual({ status: 'passed', paths: [] });
    expect(keepsAge.cells[1]).toEqual({ status: 'failed', paths: ['output.MaximumEventAgeInSeconds'] });
    expect(matrix.columns[1]!.conforming).toBe(quirky.summary.passed + quirky.summary.advisory);
    expect(matrix.notes).toEqual([]);
  });

  it('names equal targets by file, and says when reports cover different scenarios', () => {
    const partial = { ...reference, results: reference.results.slice(0, 3) };
    const matrix = buildMatrix([
      { file: 'one.json', report: reference },
      { file: 'two.json', report: partial },
    ]);
    expect(matrix.columns.map((c) => c.label)).toEqual(['reference (one.json)', 'reference (two.json)']);
    expect(matrix.notes.join(' ')).toMatch(/scenarios are missing from some reports/);
  });

  it('groups failures by their first failing expectation, names and accounts normalised', () => {
    const causes = groupRootCauses(quirky.results);
    expect(causes.reduce((n, c) => n + c.scenarios.length, 0)).toBe(quirky.summary.failed);
    expect(causes[0]!.scenarios.length).toBeGreaterThanOrEqual(causes.at(-1)!.scenarios.length);
    expect(causes.some((c) => c.path === 'status' && c.expected === '404' && c.actual === '400' && c.scenarios.length > 1)).toBe(true);
    expect(normalise('arn:aws:lambda:us-east-1:123456789012:function:eic-1a2b3c-7:1 and eic-1a2b3c-7-b')).toBe('arn:aws:lambda:us-east-1:<account>:function:<fn>:1 and <fn2>');
    const known = reportOf('t', [
      handMade({
        id: 'k',
        status: 'known',
        failures: [{ step: 1, request: { operation: 'GetFunctionEventInvokeConfig', input: {} }, path: 'output.Items.3.X', expected: 1, actual: 2, evidence: 'docs', advisory: false }],
      }),
    ]);
    expect(groupRootCauses(known.results)[0]).toMatchObject({
      operations: ['GetFunctionEventInvokeConfig'],
      path: 'Items.*.X',
      summary: 'Items.*.X: expected 1, got 2 (GetFunctionEventInvokeConfig)',
    });
    const arn = (q: string) => `arn:aws:lambda:us-east-1:123456789012:function:eic-1a2b3c-${q}`;
    const unqualified = reportOf(
      't',
      ['1', '2', '3'].map((n, i) =>
        handMade({
          id: `u${n}`,
          status: 'failed',
          failures: [
            {
              step: 1,
              request: { operation: i ? 'GetFunctionEventInvokeConfig' : 'PutFunctionEventInvokeConfig', input: {} },
              path: i === 2 ? 'wire.body.FunctionArn' : 'output.FunctionArn',
              expected: `${arn(n)}:$LATEST`,
              actual: arn(n),
              evidence: 'docs',
              advisory: false,
            },
          ],
        }),
      ),
    );
    const [one, ...none] = groupRootCauses(unqualified.results);
    expect(none).toEqual([]);
    expect(one).toMatchObject({ path: 'FunctionArn', actual: 'the same without ":$LATEST"', operations: ['PutFunctionEventInvokeConfig', 'GetFunctionEventInvokeConfig'] });
    expect(one!.scenarios).toHaveLength(3);
  });

  it('renders Markdown with scores, a table per suite and root causes, and an HTML page with the same counts', () => {
    const matrix = buildMatrix([
      { file: 'a.json', report: reference },
      { file: 'b.json', report: quirky },
    ]);
    const md = matrixMarkdown(matrix);
    expect(md).toMatch(/^# lambda-eic conformance matrix/);
    expect(md).toContain(`| reference | ${reference.results.length}/${reference.results.length} (100.0%) |`);
    expect(md).toContain('## merge');
    expect(md).toContain('❌ failed: `output.MaximumEventAgeInSeconds`');
    expect(md).toMatch(/### quirky\n\n- \*\*\d+\*\* × `[^`]+`: expected `[^`]+`, got `[^`]+` in \w+/);
    const html = matrixHtml(matrix);
    expect(html).toContain(`<td class="" data-status="failed">${quirky.summary.failed}</td>`);
    expect(html.match(/data-row /g)).toHaveLength(reference.results.length);
    expect(html).not.toMatch(/<link\b|\bsrc=|url\(/);
  });

  it('writes both files from the command line and prints the scores', () => {
    const html = join(dir, 'out', 'm.html');
    const md = join(dir, 'out', 'm.md');
    const r = cli(join(dir, 'reference.json'), join(dir, 'quirky.json'), '--html', html, '--markdown', md);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/reference: \d+\/\d+ conform/);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(md, 'utf8')).toMatch(/^# lambda-eic conformance matrix/);
    expect(cli(join(dir, 'reference.json')).stdout).toMatch(/^# lambda-eic conformance matrix/);
  });

  it('refuses bad input with one line and exit 2', () => {
    writeFileSync(join(dir, 'bad.json'), '{"not": "a report"}');
    writeFileSync(join(dir, 'broken.json'), '{');
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ ...reference, results: [reference.results[0], { id: 'x', status: 'failed', failures: [{}] }] }));
    writeFileSync(join(dir, 'null.json'), 'null');
    for (const [args, message] of [
      [[], /name at least one report file/],
      [[join(dir, 'missing.json')], /missing\.json: no such file/],
      [[join(dir, 'bad.json')], /not a lambda-eic run report/],
      [[join(dir, 'broken.json')], /broken\.json: not JSON/],
      [[join(dir, 'odd.json')], /odd\.json: result 2 is not a scenario result/],
      [[join(dir, 'null.json')], /null\.json: not a lambda-eic run report/],
      [[dir], /EISDIR/],
      [[join(dir, 'reference.json'), '--html', dir], /cannot write .*EISDIR/],
      [['--nope'], /Unknown option '--nope'/],
    ] as const) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
