/**
 * Clean stops of `lambda-eic run` (against the embedded emulator, in a child process): SIGINT and
 * SIGTERM end the run with 130/143, one line on stderr and reports marked interrupted; the output
 * directory is checked before the run; reporters must be named; reports are written whole.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support.js';

const outDir = () => mkdtempSync(join(tmpdir(), 'eic-stop-'));

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s during a run', (signal, exit) => {
  it(`exits ${exit} with one line, and the JSON report is marked interrupted with scenarios not run`, async () => {
    const out = outDir();
    let sent = false;
    const run = await runCli(['run', '--reporter', 'console,json,junit', '--output-dir', out, '--concurrency', '1'], {
      onStdout: (text, child) => {
        // After some progress marks: mid-run.
        if (!sent && /\n[.F]{5}/.test(text)) {
          sent = true;
          child.kill(signal);
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code).toBe(exit);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^lambda-eic run: interrupted \\(${signal} received\\) after \\d+ of \\d+ scenarios, \\d+ not run; everything the run created was deleted; reports in .* marked interrupted$`),
    );
    const report = JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8'));
    expect(report.incomplete).toEqual({ reason: 'interrupted', detail: `${signal} received` });
    expect(report.summary['not-run']).toBeGreaterThan(0);
    expect(report.summary.failed).toBe(0);
    expect(report.leftovers).toBeUndefined();
    expect(readFileSync(join(out, 'lambda-eic-junit.xml'), 'utf8')).toContain('INCOMPLETE (interrupted)');
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('reports and reporters', () => {
  it('an --output-dir that is a file: exit 2, one line, before the run', async () => {
    const file = join(outDir(), 'a-file');
    writeFileSync(file, 'x');
    const run = await runCli(['run', '--reporter', 'json', '--output-dir', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lambda-eic run: --output-dir .* cannot be written \((EEXIST|ENOTDIR|not a directory)\)/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  }, 30_000);

  it.each(['/proc/nope', '/sys/kernel/nope'])(
    '--output-dir %s: exit 2 at once',
    async (dir) => {
      const run = await runCli(['run', '--reporter', 'json', '--output-dir', dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^lambda-eic run: --output-dir .* is under \/(proc|sys), not a place for reports/);
    },
    30_000,
  );

  it.each([[''], [' , '], ['html5']])(
    '--reporter %j is a usage error',
    async (value) => {
      const run = await runCli(['run', '--reporter', value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^lambda-eic run: (--reporter needs at least one of|unknown reporter)/);
    },
    30_000,
  );

  it('a stale report of the same kind is removed before the run, so no older verdict looks current', async () => {
    const out = outDir();
    writeFileSync(join(out, 'lambda-eic-report.json'), '{"old": true}');
    const run = await runCli(['run', '--grep', 'merge.put', '--reporter', 'json', '--output-dir', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8')).old).toBeUndefined();
  }, 30_000);
});
