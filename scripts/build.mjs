// Compiles to dist/ with tsc, unless dist/ is newer than every source: `npx lambda-eic` runs the
// prepare script again on its first use in a checkout, and that should not cost a full compile.
// `node scripts/build.mjs --force` always compiles.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const SOURCES = ['cases', 'src', 'runners', 'suites', 'contracts', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const STAMP = join('dist', '.build-stamp');

/** The newest modification time of a file, or of a folder and the .ts files and folders beneath it. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'node_modules') latest = Math.max(latest, newest(join(path, entry.name)));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(join(path, entry.name)).mtimeMs);
  }
  return latest;
}

const sourcesChanged = () => Math.max(...SOURCES.filter((p) => existsSync(p)).map(newest));
if (!process.argv.includes('--force') && existsSync(STAMP) && statSync(STAMP).mtimeMs >= sourcesChanged()) {
  console.log('dist/ is up to date with the sources');
} else {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
