/**
 * The target a verification replays against, with the base URL the Verifier sends to: the embedded
 * emulator (started here, optionally with quirks) or any endpoint.
 */
import type { Emulator } from '../../src/model/emulator.js';
import { embeddedTarget } from '../targets/embedded.js';
import { httpTarget } from '../targets/http-target.js';
import type { Ledger } from '../targets/ledger.js';
import type { Target } from '../targets/target.js';

export interface VerifyTarget {
  readonly target: Target;
  readonly endpoint: string;
}

/**
 * Starts the embedded emulator and returns it as a target with its URL.
 * @example const { target, endpoint } = await embeddedVerifyTarget({ region: 'us-east-1', runPrefix: 'eic-ab12' });
 */
export async function embeddedVerifyTarget(options: { region: string; runPrefix: string; emulator?: Emulator; ledger?: Ledger }): Promise<VerifyTarget> {
  const target = await embeddedTarget(options);
  return { target, endpoint: target.endpoint! };
}

/**
 * An endpoint (moto, LocalStack, AWS, any emulator) as a target with its URL.
 * @example const { target } = endpointVerifyTarget({ endpoint: 'http://127.0.0.1:5000', region: 'us-east-1', runPrefix: 'eic-ab12' });
 */
export function endpointVerifyTarget(options: { endpoint: string; region: string; runPrefix: string; ledger?: Ledger }): VerifyTarget {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const ledger = options.ledger ? { ledger: options.ledger } : {};
  return { target: httpTarget({ label: `endpoint ${endpoint}`, endpoint, region: options.region, runPrefix: options.runPrefix, ...ledger }), endpoint };
}
