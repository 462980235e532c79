/**
 * Honest verdicts: an answer the SDK cannot parse shows the SDK's error with the raw status and body
 * (and the values that were sent, never "(absent)"); an expected-absent value prints as absent;
 * progress marks k and ! follow the baseline as results arrive.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support.js';

describe('honest verdicts', () => {
  it('an answer the SDK cannot parse: the SDK error, the raw status and body, and the value that was sent', async () => {
    const run = await runCli(['run', '--quirk', 'iso-last-modified', '--grep', 'merge.put-creates']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /at output\.LastModified {2}\[docs\]\n +expected: "<date>"\n +actual: +"20\d\d-\d\d-\d\dT[^\n]*\n +note: +the AWS SDK could not parse the answer: TypeError: Expected real number, got implicit NaN \(raw answer: 200 \{"LastModified":"20\d\d-/,
    );
    expect(run.stdout).not.toContain('(absent)');
  }, 30_000);

  it('an expected-absent value prints as absent, not as a string', async () => {
    const run = await runCli(['run', '--quirk', 'put-merges', '--grep', 'merge.put-removes-omitted-settings']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/expected: \(absent\)\n +actual: +60\n/);
    expect(run.stdout).not.toContain('<absent>');
  }, 30_000);

  it('progress marks k (known) and ! (fixed) are printed as the results arrive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eic-verdict-'));
    const baseline = join(dir, 'baseline.json');
    writeFileSync(
      baseline,
      JSON.stringify({
        known: [
          { id: 'merge.put-removes-omitted-settings', reason: 'put merges on this target' },
          { id: 'merge.put-creates', reason: 'listed, but passes' },
        ],
      }),
    );
    const run = await runCli(['run', '--quirk', 'put-merges', '--grep', 'merge.put-', '--baseline', baseline, '--concurrency', '1']);
    const marks = run.stdout.split('\n').find((l) => /\d+\/\d+$/.test(l))!;
    expect(marks).toMatch(/^!k/);
    expect(run.code).toBe(1);
  }, 30_000);
});
