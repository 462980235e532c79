/** A read-only, JSON-ready view of the whole state, for inspection by tests and the control API. */
import type { Emulator } from './emulator.js';

export interface StateSnapshot {
  regions: Array<{
    account: string;
    region: string;
    functions: Array<{
      name: string;
      versions: string[];
      aliases: Array<{ name: string; functionVersion: string }>;
      configs: Array<{
        qualifier: string;
        maximumRetryAttempts?: number;
        maximumEventAgeInSeconds?: number;
        onSuccess?: string;
        onFailure?: string;
        lastModified: number;
      }>;
    }>;
  }>;
}

/**
 * Copies the state out of the emulator; changing the copy changes nothing.
 * @example snapshot(emulator).regions[0]?.functions[0]?.configs // [{ qualifier: '$LATEST', ... }]
 */
export function snapshot(emulator: Emulator): StateSnapshot {
  return {
    regions: emulator.world.all().map((r) => ({
      account: r.account,
      region: r.region,
      functions: [...r.functions.values()].map((fn) => ({
        name: fn.name,
        versions: [...fn.versions.keys()],
        aliases: [...fn.aliases.values()].map((a) => ({ name: a.name, functionVersion: a.functionVersion })),
        configs: [...fn.configs.values()].map((c) => ({ ...c })),
      })),
    })),
  };
}
