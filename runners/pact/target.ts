/**
 * The target a verification replays against, with the base URL the Verifier sends to: the embedded
 * emulator (started here, optionally with quirks) or any endpoint.
 */
import { Emulator } from '../../src/model/emulator.js';
import { startServer } from '../../src/http/server.js';
import { httpTarget } from '../targets/http-target.js';
import type { Target } from '../targets/target.js';

export interface VerifyTarget {
  readonly target: Target;
  readonly endpoint: string;
}

/**
 * Starts the embedded emulator and returns it as a target with its URL.
 * @example const { target, endpoint } = await embeddedVerifyTarget({ region: 'us-east-1', runPrefix: 'eic-ab12' });
 */
export async function embeddedVerifyTarget(options: { region: string; runPrefix: string; emulator?: Emulator }): Promise<VerifyTarget> {
  const server = await startServer({ region: options.region, emulator: options.emulator ?? new Emulator() });
  const target = httpTarget({ label: 'embedded', endpoint: server.url, region: options.region, runPrefix: options.runPrefix, onDispose: () => server.close() });
  return { target, endpoint: server.url };
}

/**
 * An endpoint (moto, LocalStack, AWS, any emulator) as a target with its URL.
 * @example const { target } = endpointVerifyTarget({ endpoint: 'http://127.0.0.1:5000', region: 'us-east-1', runPrefix: 'eic-ab12' });
 */
export function endpointVerifyTarget(options: { endpoint: string; region: string; runPrefix: string }): VerifyTarget {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  return { target: httpTarget({ label: `endpoint ${endpoint}`, endpoint, region: options.region, runPrefix: options.runPrefix }), endpoint };
}
