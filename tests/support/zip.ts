/** Deployment packages for CreateFunction / UpdateFunctionCode: the emulator keeps them, never runs them. */
import { strToU8, zipSync } from 'fflate';

/** The smallest valid zip: an end-of-central-directory record and nothing else (22 bytes). */
export const EMPTY_ZIP: Uint8Array = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

/**
 * A real zip holding `index.mjs` with the given source; different sources give different
 * CodeSha256 values, so PublishVersion makes a new version after UpdateFunctionCode.
 * @example zipWith('export const handler = async () => 1;')
 */
export function zipWith(source: string): Uint8Array {
  return zipSync({ 'index.mjs': strToU8(source) }, { mtime: new Date('2020-01-01T00:00:00Z') });
}
