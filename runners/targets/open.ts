/** Builds the target a command names (`--target`, `--endpoint-url`, `--quirk`), as `run`, `fuzz` and friends take it. */
import type { QuirkName } from '../../src/quirks/catalogue.js';
import { embeddedTarget } from './embedded.js';
import { httpTarget } from './http-target.js';
import { clientMockTarget, nockTarget } from './mock-targets.js';
import type { Target } from './target.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';

export const TARGET_KINDS = ['embedded', 'endpoint', 'client-mock', 'nock'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * Opens a target of the given kind.
 * @example const target = await openTarget('embedded', { region: 'us-east-1', runPrefix: 'eic-ab12', quirks: [] });
 */
export async function openTarget(kind: TargetKind, options: { region: string; runPrefix: string; quirks: readonly QuirkName[]; endpoint?: string }): Promise<Target> {
  switch (kind) {
    case 'embedded':
      return embeddedTarget({ region: options.region, runPrefix: options.runPrefix, emulator: quirkyEmulator(options.quirks) });
    case 'client-mock':
      return clientMockTarget({ region: options.region });
    case 'nock':
      return nockTarget({ region: options.region });
    case 'endpoint':
      return httpTarget({ label: `endpoint ${options.endpoint}`, endpoint: options.endpoint!, region: options.region, runPrefix: options.runPrefix });
  }
}
