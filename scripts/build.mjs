// Compiles to dist/ with tsc, unless dist/ is newer than every source (`node scripts/build.mjs --force`
// always compiles). Two builds of the library (src/): ES modules in dist/src (with the CLI, suites
// and contracts beside it, tsconfig.build.json) and CommonJS in dist/cjs (tsconfig.cjs.json), each
// with its own type declarations. No install hook runs this: `npm test`, `npm pack` (prepack) and
// the bin's first run in a checkout do, so consumers installing the tarball never build anything.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['cases', 'src', 'runners', 'suites', 'contracts', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.cjs.json', 'package.json'];
const STAMP = join(ROOT, 'dist', '.build-stamp');
const CJS = join(ROOT, 'dist', 'cjs');

/** The newest modification time of a file, or of a folder and the .ts/.mjs files and folders beneath it. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'node_modules') latest = Math.max(latest, newest(join(path, entry.name)));
    else if (/\.(ts|mjs|json)$/.test(entry.name)) latest = Math.max(latest, statSync(join(path, entry.name)).mtimeMs);
  }
  return latest;
}

/** The CommonJS build has no import.meta: its one use (own-require.ts) takes __filename instead. */
function patchCommonJs(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) patchCommonJs(path);
    else if (entry.name.endsWith('.js')) {
      const text = readFileSync(path, 'utf8');
      if (text.includes('import.meta.url')) writeFileSync(path, text.replaceAll('import.meta.url', '__filename'));
    }
  }
}

/**
 * Builds when a source changed; returns true when it compiled.
 * @example node scripts/build.mjs --force
 */
export function build({ force = false, quiet = false } = {}) {
  const sourcesChanged = () =>
    Math.max(
      ...SOURCES.map((p) => join(ROOT, p))
        .filter((p) => existsSync(p))
        .map(newest),
    );
  if (!force && existsSync(STAMP) && statSync(STAMP).mtimeMs >= sourcesChanged()) {
    if (!quiet) console.log('dist/ is up to date with the sources');
    return false;
  }
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  for (const project of ['tsconfig.build.json', 'tsconfig.cjs.json']) execFileSync(process.execPath, [tsc, '-p', join(ROOT, project)], { stdio: 'inherit', cwd: ROOT });
  writeFileSync(join(CJS, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
  patchCommonJs(CJS);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) build({ force: process.argv.includes('--force') });
