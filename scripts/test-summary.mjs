// Prints vitest's totals over one or more JSON reports as one plain closing line
// ("vitest: N passed, N failed, N skipped"); exits 1 when a test failed or none ran. Failed tests
// are named just above that line, so the tail of a CI log says which one failed.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['reports/vitest.json'];
const total = { passed: 0, failed: 0, skipped: 0, all: 0 };
const failures = [];
for (const file of files.filter((f) => existsSync(f))) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  total.all += r.numTotalTests;
  for (const suite of r.testResults ?? []) {
    if (suite.status === 'failed' && suite.message) failures.push(`  FAILED ${relative(process.cwd(), suite.name)}: ${suite.message.split('\n')[0].slice(0, 200)}`);
    for (const test of suite.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const message = (test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 200);
      failures.push(`  FAILED ${relative(process.cwd(), suite.name)} > ${test.fullName}: ${message}`);
    }
  }
}
if (failures.length > 0) console.log(failures.join('\n'));
console.log(`vitest: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 || total.all === 0 ? 1 : 0;
