/** verify-pacts against one quirk, for the mutation matrix (loads Pact's verifier core). */
import { join } from 'node:path';
import { packageRoot } from '../../cases/fixtures.js';
import type { QuirkName } from '../../src/quirks/catalogue.js';
import { embeddedVerifyTarget } from '../pact/target.js';
import { verifyPacts } from '../pact/verify.js';
import type { Caught } from './matrix.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';

/**
 * Verifies this package's contracts against the embedded emulator with one quirk.
 * @example (await pactsCatch('update-replaces')).by // ['aws.update-merges', ...]
 */
export async function pactsCatch(quirk: QuirkName): Promise<Caught> {
  const runPrefix = `mp-${Math.random().toString(16).slice(2, 8)}`;
  const { target, endpoint } = await embeddedVerifyTarget({ region: 'us-east-1', runPrefix, emulator: quirkyEmulator([quirk]) });
  try {
    const report = await verifyPacts({
      target,
      identity: await target.connect(),
      endpoint,
      source: { kind: 'files', paths: [join(packageRoot(), 'contracts', 'pacts')] },
      runPrefix,
      logLevel: 'error',
    });
    const failed = report.interactions.filter((i) => i.status === 'failed').map((i) => i.description.split(': ')[0]!);
    return { caught: !report.passed, by: failed };
  } finally {
    await target.dispose();
  }
}
