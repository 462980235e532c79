/** The embedded target: the reference emulator on a loopback port of this process. */
import type { Emulator } from '../../src/model/emulator.js';
import { CONTROL_HEADER } from '../../src/http/limits.js';
import { startServer } from '../../src/http/server.js';
import { httpTarget } from './http-target.js';
import type { Ledger } from './ledger.js';
import type { Target } from './target.js';

/**
 * Starts the emulator and returns a target reaching it over HTTP.
 * @example const target = await embeddedTarget({ region: 'us-east-1', runPrefix: 'eic-ab12' });
 */
export async function embeddedTarget(options: { region: string; runPrefix: string; emulator?: Emulator; ledger?: Ledger; requestTimeoutMs?: number }): Promise<Target> {
  const server = await startServer({ region: options.region, ...(options.emulator ? { emulator: options.emulator } : {}) });
  const target = httpTarget({
    label: 'embedded',
    endpoint: server.url,
    region: options.region,
    runPrefix: options.runPrefix,
    onDispose: () => server.close(),
    ...(options.ledger ? { ledger: options.ledger } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });
  return {
    ...target,
    // Faults go through the emulator's control API, as a user of `lambda-eic serve` would arm them.
    async armFault(operation, fault) {
      const response = await fetch(`${server.url}/_lambda-eic/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CONTROL_HEADER]: '1' },
        body: JSON.stringify({ operation, times: 1, ...fault }),
      });
      if (!response.ok) throw new Error(`arming a ${fault.kind} fault failed: ${response.status} ${await response.text()}`);
    },
  };
}
