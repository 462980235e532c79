#!/usr/bin/env node
// Thin launcher: the CLI lives in runners/cli.ts, compiled to dist/. A published package ships
// dist/; in a source checkout (scripts/build.mjs present) the launcher compiles whatever is
// missing or stale first, so `npm ci && npx lambda-eic run` works without an install hook.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/runners/cli.js', import.meta.url);
const builder = new URL('../scripts/build.mjs', import.meta.url);
if (existsSync(builder)) {
  if (!existsSync(entry)) console.error('lambda-eic: compiling dist/ (first run in this checkout)...');
  const { build } = await import(builder.href);
  build({ quiet: true });
}
if (!existsSync(entry)) {
  console.error('lambda-eic: dist/ is missing from this installation; reinstall lambda-eic-conformance');
  process.exit(2);
}
// A Ctrl-C or SIGTERM while the CLI loads is held and handed to the command (clean stop, reports).
(await import(new URL('../dist/runners/process/signals.js', import.meta.url).href)).holdSignals();
// The SDK warns that its future releases need Node 22; this package pins a release that runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
