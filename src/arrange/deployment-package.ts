/** The one deployment package builder: a minimal, valid zip that no target ever runs. */
import { strToU8, zipSync } from 'fflate';

/** Zipping costs more than a call to the emulator; each revision is made once and copied out. */
const made = new Map<number, Uint8Array>();

/**
 * A zip holding `index.js`; `revision` changes its content (and so its CodeSha256), so
 * PublishVersion after UpdateFunctionCode makes a new version.
 * @example deploymentPackage(0).byteLength > 0 // true
 */
export function deploymentPackage(revision = 0): Uint8Array {
  let zip = made.get(revision);
  if (!zip) {
    const source = `exports.handler = async () => ({ revision: ${revision} });\n`;
    zip = zipSync({ 'index.js': strToU8(source) }, { mtime: new Date('2020-01-01T00:00:00Z') });
    made.set(revision, zip);
  }
  return zip.slice();
}
