/**
 * How long `lambda-eic matrix` takes to build its pages from N reports, side by side with merely
 * reading and parsing the same JSON files (the reference run): `node dist/scripts/bench-matrix.js
 * a.json b.json ...`. Prints the median of 7 rounds and the ratio.
 */
import { readFileSync } from 'node:fs';
import { buildMatrix, readReport } from '../runners/reporters/matrix/model.js';
import { matrixHtml } from '../runners/reporters/matrix/html.js';
import { matrixMarkdown } from '../runners/reporters/matrix/markdown.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(rounds: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node dist/scripts/bench-matrix.js REPORT.json [REPORT.json ...]');
  process.exit(2);
}
const parse = time(7, () => {
  for (const f of files) JSON.parse(readFileSync(f, 'utf8'));
});
const matrix = time(7, () => {
  const m = buildMatrix(files.map((file) => ({ file, report: readReport(file) })));
  matrixHtml(m);
  matrixMarkdown(m);
});
console.log(
  `${files.length} reports: reading them ${parse.toFixed(1)} ms; building the matrix (read, align, root causes, HTML and Markdown) ${matrix.toFixed(1)} ms (${(matrix / parse).toFixed(1)}x reading)`,
);
