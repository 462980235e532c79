/** Arranging state through a client: the calls of src/arrange/plan.ts, sent with the SDK. */
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { arrangeCalls } from '../../src/arrange/plan.js';
import { observeCall } from '../../runners/targets/sdk-calls.js';

export const ROLE = 'arn:aws:iam::123456789012:role/lambda-eic-test';

export interface Arrangement {
  readonly name: string;
  /** The unqualified function ARN. */
  readonly arn: string;
  /** Published versions, in order ('1', '2', ...). */
  readonly versions: string[];
}

export interface ArrangeOptions {
  /** How many versions to publish (each after a code change). Default 0. */
  readonly versions?: number;
  /** Aliases to create: name -> function version ('$LATEST', '1', ...). */
  readonly aliases?: Readonly<Record<string, string>>;
}

/**
 * Creates a function, publishes versions and creates aliases.
 * @example const fn = await arrange(lambda, 'my-function', { versions: 1, aliases: { live: '1' } });
 */
export async function arrange(lambda: LambdaClient, name: string, options: ArrangeOptions = {}): Promise<Arrangement> {
  const given = { functions: [{ ref: 'fn' as const, versions: options.versions ?? 0, aliases: Object.entries(options.aliases ?? {}).map(([alias, version]) => ({ name: alias, version })) }] };
  let arn = '';
  const versions: string[] = [];
  for (const call of arrangeCalls(given, { functions: { fn: name }, role: ROLE })) {
    const seen = await observeCall(lambda, call);
    if (seen.error) throw new Error(`arranging ${name}: ${call.operation} answered ${seen.error.code}: ${seen.error.message}`);
    if (call.operation === 'CreateFunction') arn = String(seen.output?.FunctionArn);
    if (call.operation === 'PublishVersion') versions.push(String(seen.output?.Version));
  }
  return { name, arn, versions };
}
