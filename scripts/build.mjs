// Compiles to dist/ with tsc, unless dist/ is newer than every source (`node scripts/build.mjs --force`
// always compiles). Two builds of the library (src/): ES modules in dist/src (with the CLI, suites
// and contracts beside it, tsconfig.build.json) and CommonJS in dist/cjs (tsconfig.cjs.json), each
// with its own type declarations. No install hook runs this: `npm test`, `npm pack` (prepack) and
// the bin's first run in a checkout do, so consumers installing the tarball never build anything.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['cases', 'src', 'runners', 'suites', 'contracts', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.cjs.json', 'package.json'];
const STAMP = join(ROOT, 'dist', '.build-stamp');
const CJS = join(ROOT, 'dist', 'cjs');
const LOCK = join(ROOT, 'dist', '.build-lock');
/** A lock whose holder has exited, or older than this, was left by a killed build: it is taken over. */
const STALE_LOCK_MS = 5 * 60_000;

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether the process that took the lock is gone (its pid file names it). */
function holderGone() {
  try {
    process.kill(Number(readFileSync(join(LOCK, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

/**
 * Runs `fn` holding dist/'s build lock (a directory: mkdir is atomic). Several CLI processes
 * started at once in a stale checkout (a test suite, a shell loop) then build once, one after the
 * other, instead of each compiling and rewriting dist/ while the others import it.
 */
function withBuildLock(fn) {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (holderGone() || Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Released meanwhile: try again.
      }
      sleep(100);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

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
  const upToDate = () => !force && existsSync(STAMP) && statSync(STAMP).mtimeMs >= sourcesChanged();
  if (upToDate()) {
    if (!quiet) console.log('dist/ is up to date with the sources');
    return false;
  }
  return withBuildLock(() => {
    // Another process may have built while this one waited for the lock.
    if (upToDate()) return false;
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    for (const project of ['tsconfig.build.json', 'tsconfig.cjs.json']) execFileSync(process.execPath, [tsc, '-p', join(ROOT, project)], { stdio: 'inherit', cwd: ROOT });
    writeFileSync(join(CJS, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
    patchCommonJs(CJS);
    writeFileSync(STAMP, `${new Date().toISOString()}\n`);
    return true;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) build({ force: process.argv.includes('--force') });
