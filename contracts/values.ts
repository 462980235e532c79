/**
 * The fixed values the contracts carry where fixtures hold placeholders, and the pact's names.
 * A provider verification rewrites them into its run's values (runners/pact/rewrite.ts).
 */
import { otherRegionThan, type Vars } from '../cases/placeholders.js';

export const CONSUMER = 'lambda-eic-consumer';
export const PROVIDER = 'aws-lambda-event-invoke-config';

/** The committed pact file: `<consumer>-<provider>.json`, as Pact names it. */
export const PACT_FILE = `${CONSUMER}-${PROVIDER}.json`;

/** Placeholder values in every contract: the names a consumer's own pacts use too. */
export const CONTRACT_VARS = {
  fn: 'my-function',
  fn2: 'my-other-function',
  account: '123456789012',
  region: 'us-east-1',
  partition: 'aws',
  otherRegion: otherRegionThan('us-east-1'),
  // The destinations' names, as the documentation's examples name them.
  queue: 'destination',
  queue2: 'destination-2',
  topic: 'topic',
  bucket: 'bucket',
  bus: 'default',
} as const satisfies Vars;

/** The function references a fixture may use (`{fn}`, `{fn2}`). */
export const FUNCTION_REFS = ['fn', 'fn2'] as const;
export type FunctionRef = (typeof FUNCTION_REFS)[number];
