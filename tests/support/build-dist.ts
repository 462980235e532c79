/**
 * vitest global setup: compiles dist/ once, before any test file runs, when a source is newer
 * (`npx vitest` straight after an edit). Tests that spawn `bin/lambda-eic.js` would otherwise each
 * wait on that build inside their own time limits. `npm test` has built already: this is a stat scan.
 * @example globalSetup: ['tests/support/build-dist.ts']
 */
export default async function buildDist(): Promise<void> {
  // @ts-expect-error: a plain .mjs script without type declarations
  const { build } = await import('../../scripts/build.mjs');
  build({ quiet: true });
}
