#!/usr/bin/env node
// Thin launcher: the CLI lives in runners/cli.ts, compiled to dist/ by `npm run build` (run by npm ci).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/runners/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('lambda-eic: dist/ is missing; run `npm run build` (npm ci does it for you).');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
