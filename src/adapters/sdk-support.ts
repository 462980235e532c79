/**
 * Which `@aws-sdk/client-lambda` releases the client mock serves: stated once here, in
 * package.json `peerDependencies` and in the README (tests/adapters/sdk-support.test.ts keeps
 * the three equal). The floor was found by test: scripts/consumers.mjs runs the README's mock
 * snippets on releases below and above it (see the README's "Supported SDK versions").
 */
import { ownRequire } from './own-require.js';

/**
 * The lowest @aws-sdk/client-lambda release where the README's snippets pass in every setup:
 * exception classes exist from 3.53.0, and the aws-sdk-client-mock 4 matchers type-check against
 * the command classes from 3.723.0 (@smithy/types 4). Bisected with consumers/run.mjs.
 */
export const SDK_FLOOR = '3.723.0';
/** The peer range, as package.json states it. */
export const SDK_RANGE = `>=${SDK_FLOOR} <4`;

/**
 * Compares two `major.minor.patch` versions (pre-release tags ignored).
 * @example compareVersions('3.9.0', '3.723.0') // -1
 */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .split('-')[0]!
      .split('.')
      .map((n) => Number(n) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  return 0;
}

/**
 * The version of the @aws-sdk/client-lambda this package resolves (the user's copy), or undefined.
 * @example installedSdkVersion() // '3.1164.0'
 */
export function installedSdkVersion(): string | undefined {
  try {
    return (ownRequire('@aws-sdk/client-lambda/package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Throws a one-line error when the resolved client is older than the floor.
 * @example assertSupportedSdk('3.600.0') // throws: lambda-eic-conformance: @aws-sdk/client-lambda 3.600.0 found; the mocks need >=3.723.0 <4 ...
 */
export function assertSupportedSdk(version = installedSdkVersion()): void {
  if (version === undefined) return;
  if (compareVersions(version, SDK_FLOOR) < 0 || compareVersions(version, '4.0.0') >= 0)
    throw new Error(`lambda-eic-conformance: @aws-sdk/client-lambda ${version} found; the mocks need ${SDK_RANGE} (npm i -D @aws-sdk/client-lambda@3)`);
}
