// Prints vitest's totals as one plain closing line ("vitest: N passed, N failed, N skipped").
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/vitest.json';
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
process.exitCode = r.numFailedTests > 0 || r.numTotalTests === 0 ? 1 : 0;
