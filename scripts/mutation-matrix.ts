/**
 * Prints the mutation matrix (every quirk against run, verify-pacts and a bounded fuzz) and the
 * mutation scores, as Markdown; writes reports/mutation-matrix.json. Exit 1 when `run` misses a
 * quirk that breaks a [docs], [model] or [recorded] rule.
 *
 *   node dist/scripts/mutation-matrix.js [--no-run] [--no-pacts] [--no-fuzz] [--seed 1] [--fuzz-runs 300] [--fuzz-seconds 10] [--quirk a,b]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { matrixMarkdown, mutationMatrix, mutationScores } from '../runners/mutation/matrix.js';
import { pactsCatch } from '../runners/mutation/pacts.js';
import type { QuirkName } from '../src/quirks/catalogue.js';

const { values } = parseArgs({
  options: {
    quirk: { type: 'string' },
    'no-run': { type: 'boolean' },
    'no-pacts': { type: 'boolean' },
    'no-fuzz': { type: 'boolean' },
    seed: { type: 'string' },
    'fuzz-runs': { type: 'string' },
    'fuzz-seconds': { type: 'string' },
  },
});
const started = performance.now();
const rows = await mutationMatrix({
  ...(values.quirk ? { quirks: values.quirk.split(',') as QuirkName[] } : {}),
  ...(values['no-run'] ? { run: false } : {}),
  ...(values['no-pacts'] ? {} : { pacts: pactsCatch }),
  fuzz: values['no-fuzz'] ? false : { seed: Number(values.seed ?? 1), runs: Number(values['fuzz-runs'] ?? 300), timeBudgetMs: Number(values['fuzz-seconds'] ?? 10) * 1000, maxSteps: 20 },
  onRow: (row, done, total) => {
    const marks = [
      row.run && `run ${row.run.caught ? 'caught' : 'MISSED'}`,
      row.pacts && `pacts ${row.pacts.caught ? 'caught' : 'missed'}`,
      row.fuzz && `fuzz ${row.fuzz.caught ? `caught (${row.fuzz.steps} steps)` : 'missed'}`,
    ].filter(Boolean);
    process.stderr.write(`  ${String(done).padStart(2)}/${total} ${row.quirk}: ${marks.join(', ')}\n`);
  },
});
console.log(matrixMarkdown(rows));
console.log(`\n(${rows.length} quirks in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
mkdirSync('reports', { recursive: true });
writeFileSync('reports/mutation-matrix.json', `${JSON.stringify({ scores: mutationScores(rows), rows }, null, 2)}\n`);
process.exitCode = (mutationScores(rows).run?.missed.length ?? 0) > 0 ? 1 : 0;
