/** `lambda-eic matrix`: several run reports side by side, as an HTML page and/or Markdown. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildMatrix, MatrixInputError, readReport } from '../reporters/matrix/model.js';
import { matrixHtml } from '../reporters/matrix/html.js';
import { matrixMarkdown } from '../reporters/matrix/markdown.js';
import { parseArgs } from 'node:util';
import { UsageError } from './usage.js';

const HELP = `Usage: lambda-eic matrix REPORT.json [REPORT.json ...] [--html FILE] [--markdown FILE]

Puts run reports (lambda-eic run --reporter json) side by side: rows are scenarios grouped by
suite, columns are targets (each report's target; name them with lambda-eic run --label), cells
are statuses with the failing paths; a score per target and its failures grouped by root cause.

Options:
  --html FILE       write the matrix as one self-contained HTML page
  --markdown FILE   write the matrix as Markdown (without --html or --markdown: Markdown to stdout)
  --title TEXT      the Markdown page's title (default: lambda-eic conformance matrix)

Exit codes: 0 written; 2 usage error or a report that cannot be read.`;

/**
 * Runs `lambda-eic matrix` and returns its exit code.
 * @example await matrixCommand(['a.json', 'b.json', '--html', 'matrix.html']) // 0
 */
export async function matrixCommand(argv: string[]): Promise<number> {
  let opts;
  try {
    opts = parseArgs({ args: argv, options: { html: { type: 'string' }, markdown: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (opts.values.help) {
    console.log(HELP);
    return 0;
  }
  const files = opts.positionals;
  if (files.length === 0) throw new UsageError('name at least one report file (lambda-eic run --reporter json writes reports/lambda-eic-report.json)');
  const started = performance.now();
  let matrix;
  try {
    matrix = buildMatrix(files.map((file) => ({ file, report: readReport(file) })));
  } catch (error) {
    if (error instanceof MatrixInputError) throw new UsageError(error.message);
    throw error;
  }
  const generatedAt = new Date();
  const outputs: [string | undefined, () => string][] = [
    [opts.values.html, () => matrixHtml(matrix, { generatedAt })],
    [opts.values.markdown, () => matrixMarkdown(matrix, { generatedAt, ...(opts.values.title ? { title: opts.values.title } : {}) })],
  ];
  if (!opts.values.html && !opts.values.markdown) {
    process.stdout.write(matrixMarkdown(matrix, { generatedAt, ...(opts.values.title ? { title: opts.values.title } : {}) }));
    return 0;
  }
  for (const [file, render] of outputs) {
    if (!file) continue;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, render());
    } catch (error) {
      throw new UsageError(`cannot write ${file}: ${(error as Error).message}`);
    }
    console.log(`wrote ${file}`);
  }
  for (const c of matrix.columns) console.log(`  ${c.label}: ${c.conforming}/${c.total} conform, ${c.rootCauses.length} root causes`);
  console.log(`matrix of ${matrix.columns.length} reports, ${matrix.rows.length} scenarios, in ${Math.round(performance.now() - started)} ms`);
  return 0;
}
