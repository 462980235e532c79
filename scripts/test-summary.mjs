// Prints vitest's totals over one or more JSON reports as one plain closing line
// ("vitest: N passed, N failed, N skipped"); exits 1 when a test failed or none ran.
import { existsSync, readFileSync } from 'node:fs';

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['reports/vitest.json'];
const total = { passed: 0, failed: 0, skipped: 0, all: 0 };
for (const file of files.filter((f) => existsSync(f))) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  total.all += r.numTotalTests;
}
console.log(`vitest: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 || total.all === 0 ? 1 : 0;
