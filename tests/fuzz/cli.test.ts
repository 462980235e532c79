/** `lambda-eic fuzz` on the command line: help, exit codes, the JSON report, a finding printed as a scenario. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/lambda-eic.js', 'fuzz', ...args], { encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });

describe('lambda-eic fuzz (CLI)', () => {
  it('prints its help and exits 0', () => {
    const run = cli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--seed N[\s\S]*--runs N[\s\S]*--max-steps N[\s\S]*--time-budget S[\s\S]*--target T/);
  });

  it('refuses bad options with one line and exit 2', () => {
    for (const args of [['--runs', '0'], ['--target', 'aws'], ['--nope'], ['--quirk', 'put-merges', '--target', 'nock']]) {
      const run = cli(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('passes against the embedded emulator and writes the JSON report with throughput', () => {
    const out = mkdtempSync(join(tmpdir(), 'eic-fuzz-'));
    const run = cli('--seed', '5', '--runs', '20', '--reporter', 'console,json', '--output-dir', out);
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'lambda-eic-report.json'), 'utf8'));
    expect(report.fuzz).toMatchObject({ seed: 5, sequences: 20, findings: [] });
    expect(report.fuzz.sequencesPerSecond).toBeGreaterThan(0);
    expect(report.summary).toMatchObject({ passed: 1, failed: 0 });
  }, 60_000);

  it('fails on a quirk, printing the shrunk sequence, a scenario and the seed', () => {
    const run = cli('--seed', '1', '--runs', '100', '--max-findings', '1', '--quirk', 'update-creates');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('shrunk sequence:');
    expect(run.stdout).toMatch(/scenario\("fuzz\.seed-\d+\.1"/);
    expect(run.stdout).toMatch(/replay: lambda-eic fuzz --quirk update-creates --max-steps 20 --seed \d+/);
  }, 60_000);
});
