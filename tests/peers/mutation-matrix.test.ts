/**
 * The suite's mutation score: every quirk against run, verify-pacts and a bounded fuzz (fixed
 * seed). run must catch every quirk breaking a [docs], [model] or [recorded] rule; fuzz nearly
 * all, each with a shrunk sequence of a few steps. Prints the matrix and the scores (CI output).
 * Long (several minutes): a peer run, not part of npm test.
 */
import { describe, expect, it } from 'vitest';
import { matrixMarkdown, mutationMatrix, mutationScores, type MatrixRow } from '../../runners/mutation/matrix.js';
import { pactsCatch } from '../../runners/mutation/pacts.js';

describe('the mutation matrix', () => {
  let rows: MatrixRow[] = [];

  it('runs every quirk against run, verify-pacts and fuzz', async () => {
    rows = await mutationMatrix({ pacts: pactsCatch, fuzz: { seed: 1, runs: 300, timeBudgetMs: 10_000, maxSteps: 20 } });
    console.log(`\n${matrixMarkdown(rows)}\n`);
    expect(rows.length).toBeGreaterThanOrEqual(50);
  }, 1_500_000);

  it('run alone catches every quirk that breaks a [docs], [model] or [recorded] rule', () => {
    expect(mutationScores(rows).run!.missed).toEqual([]);
  });

  it('fuzz with a fixed seed and budget catches nearly all, each shrunk to a few steps', () => {
    const fuzz = mutationScores(rows).fuzz!;
    expect(fuzz.percent).toBeGreaterThanOrEqual(85);
    for (const r of rows.filter((row) => row.fuzz?.caught)) expect(r.fuzz!.steps).toBeLessThanOrEqual(8);
  });

  it('verify-pacts catches what its contracts express (its score is reported, not gated)', () => {
    const pacts = mutationScores(rows).pacts!;
    expect(pacts.caught).toBeGreaterThan(0);
  });
});
