/** A minimal, valid deployment package, made with fflate; never run by any target. */
import { strToU8, zipSync } from 'fflate';

/** Zipping costs more than a call to the emulator; each revision is made once and copied out. */
const made = new Map<number, Uint8Array>();

/**
 * A zip holding `index.js`; `revision` changes its content so PublishVersion makes a new version.
 * @example minimalZip(0).byteLength > 0 // true
 */
export function minimalZip(revision: number): Uint8Array {
  let zip = made.get(revision);
  if (!zip) {
    const source = `exports.handler = async () => ({ revision: ${revision} });\n`;
    zip = zipSync({ 'index.js': strToU8(source) }, { mtime: new Date('2020-01-01T00:00:00Z') });
    made.set(revision, zip);
  }
  return zip.slice();
}
