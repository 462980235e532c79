/** --reporter github: the job summary, one annotation per failing scenario, exit codes unchanged; provenance. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { markdownReport } from '../../runners/reporters/files.js';
import { annotation, githubReport } from '../../runners/reporters/github.js';
import { paint, stripColour, useColour } from '../../runners/reporters/colour.js';
import { handMade, reportOf } from './support.js';

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, ['bin/lambda-eic.js', 'run', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('--reporter github', () => {
  it('prints one ::error per failing scenario, escaped as GitHub reads workflow commands', () => {
    const failing = handMade({
      id: 'merge.a,b',
      status: 'failed',
      title: 'a: 100% wrong',
      failures: [
        { step: 2, path: 'status', expected: 404, actual: 400, evidence: 'recorded', advisory: false },
        { step: 2, path: 'x', expected: 1, actual: 2, evidence: 'inferred', advisory: true },
      ],
    });
    expect(annotation(failing)).toBe('::error title=lambda-eic merge.a%2Cb::a: 100%25 wrong (source: aws-behaviour.md §4 Put)%0Astep 2 status [recorded]: expected 404, got 400');
    const lines: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'eic-gh-'));
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const report = {
      ...reportOf('t', [failing, handMade({ id: 'ok', status: 'passed' }), handMade({ id: 'k', status: 'known', knownReason: 'r' }), handMade({ id: 'f', status: 'fixed', knownReason: 'r' })]),
      staleBaselineIds: ['gone'],
    };
    expect(githubReport(report, { GITHUB_STEP_SUMMARY: summary }, (l) => lines.push(l))).toEqual({ summary, annotations: 3 });
    expect(lines.map((l) => /^::error title=([^:]*)::/.exec(l)?.[1])).toEqual(['lambda-eic merge.a%2Cb', 'lambda-eic f', 'lambda-eic baseline']);
    expect(lines[1]).toContain('it now passes: remove it from the baseline');
    expect(readFileSync(summary, 'utf8')).toMatch(/^earlier step\n## lambda-eic conformance: ❌ FAIL against t/);
    expect(githubReport(report, {}, () => undefined)).toEqual({ annotations: 3 });
  });

  it('from the CLI: summary written, annotations printed, exit 1 on failures and 0 without', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eic-gh-'));
    const summary = join(dir, 'summary.md');
    const failing = run(['--suite', 'merge', '--quirk', 'update-replaces', '--reporter', 'github,json', '--output-dir', dir], { GITHUB_STEP_SUMMARY: summary });
    expect(failing.status).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'lambda-eic-report.json'), 'utf8'));
    const annotations = failing.stdout.split('\n').filter((l) => l.startsWith('::error title=lambda-eic merge.'));
    expect(annotations).toHaveLength(report.summary.failed);
    expect(failing.stdout).toContain(`appended the summary to ${summary}`);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## lambda-eic conformance: ❌ FAIL against embedded with quirks update-replaces/);
    const passing = run(['--suite', 'merge', '--reporter', 'github'], { GITHUB_STEP_SUMMARY: '' });
    expect(passing.status).toBe(0);
    expect(passing.stdout).not.toContain('::error');
    expect(passing.stdout).toContain('GITHUB_STEP_SUMMARY is not set');
  }, 60_000);

  it('reports carry provenance, valid against the schema, and --label names the target', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eic-prov-'));
    const r = run(['--suite', 'pagination', '--label', 'my emulator', '--reporter', 'json,markdown', '--output-dir', dir]);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'lambda-eic-report.json'), 'utf8'));
    const validate = new Ajv.default({ strict: false }).compile(JSON.parse(readFileSync('runners/reporters/report.schema.json', 'utf8')));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(report.target).toBe('my emulator');
    expect(report.provenance).toMatchObject({
      tool: { name: pkg.name, version: pkg.version },
      suiteVersion: expect.stringMatching(/^sha256:[0-9a-f]{12}$/),
      node: process.version,
      target: { label: 'my emulator', region: 'us-east-1', account: expect.any(String) },
    });
    expect(Date.parse(report.provenance.endedAt) - Date.parse(report.provenance.startedAt)).toBe(report.durationMs);
    expect(report.results[0].operations).toEqual(expect.arrayContaining(['ListFunctionEventInvokeConfigs']));
    expect(readFileSync(join(dir, 'lambda-eic-summary.md'), 'utf8')).toContain(`${pkg.name} ${pkg.version}, suite sha256:`);
  }, 60_000);
});

describe('the Markdown summary', () => {
  it('has a column for each status present, not-arranged included, and escapes titles', () => {
    const md = markdownReport(
      reportOf('t', [handMade({ id: 'a', status: 'passed' }), handMade({ id: 'b', status: 'not-arranged' as never }), handMade({ id: 'c', status: 'failed', title: 'x <b> y', failures: [] })]),
    );
    expect(md).toContain('3 scenarios: 1 passed, 1 failed, 1 not arranged (1.23 s).');
    expect(md).toContain('| suite | passed | failed | not arranged |\n|---|---:|---:|---:|\n| merge | 1 | 1 | 1 |');
    expect(md).toContain('<code>c</code> x &lt;b&gt; y</summary>');
  });
});

describe('colour', () => {
  it('only on a terminal, never with NO_COLOR or TERM=dumb', () => {
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: false }, {})).toBe(false);
    expect(useColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(useColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(paint({ isTTY: true }, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(paint({ isTTY: true }, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(stripColour('\u001b[1;31mx\u001b[0m')).toBe('x');
  });

  it('run writes no escape sequence into a pipe', () => {
    const r = run(['--suite', 'merge', '--quirk', 'update-replaces']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL:');
    expect(r.stdout).not.toContain('\u001b[');
  }, 60_000);
});
