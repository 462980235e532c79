/**
 * `require` as seen from this package's own files, in both builds: the ESM build makes it with
 * `createRequire(import.meta.url)`; scripts/build.mjs rewrites `import.meta.url` for the CommonJS
 * build. Peers (the user's copies) are resolved through it, never a private copy.
 */
import { createRequire } from 'node:module';

/**
 * Loads a module the way this package's own imports would.
 * @example ownRequire('@aws-sdk/client-lambda/package.json').version // '3.1162.0'
 */
// biome-ignore lint/suspicious/noTsIgnore: the ESM build has no error here, so @ts-expect-error would fail it
// @ts-ignore TS1343 in the CommonJS build, where scripts/build.mjs puts __filename in its place
export const ownRequire = createRequire(import.meta.url);
