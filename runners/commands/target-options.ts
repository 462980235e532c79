/**
 * What `run` and `verify-pacts` share, declared once: the target options (target, endpoint,
 * region, quirks, baseline), their cross-checks, and connecting with exit code 2 when the target
 * cannot be used.
 */
import { DEFAULT_REGION } from '../../src/model/context.js';
import { QUIRK_NAMES, type QuirkName } from '../../src/quirks/catalogue.js';
import { BaselineError, readBaseline, type Baseline } from '../engine/baseline.js';
import { TargetUnreachable, type Identity, type Target } from '../targets/target.js';
import { URL_CHECK, oneOf, someOf, type OptionSpec } from './model.js';
import { UsageError, listOption } from './usage.js';

const TARGET_DESCRIPTIONS: Readonly<Record<string, string>> = {
  embedded: 'embedded (the reference emulator in this process)',
  endpoint: 'endpoint (moto, LocalStack, any emulator)',
  aws: 'aws (a real account: see below)',
  'client-mock': 'client-mock (aws-sdk-client-mock)',
  nock: 'nock',
};

/**
 * The target options of a command that can use the given kinds of target.
 * @example targetOptions(['embedded', 'endpoint']).target.default // 'embedded'
 */
export function targetOptions<K extends string>(kinds: readonly K[]) {
  const group = 'Target';
  return {
    target: {
      type: 'string',
      value: 'T',
      group,
      default: 'embedded',
      description: kinds.map((k) => TARGET_DESCRIPTIONS[k] ?? k).join(',\n'),
      check: oneOf(kinds),
    },
    'endpoint-url': { type: 'string', value: 'URL', group, description: 'the endpoint for --target endpoint', check: URL_CHECK },
    region: { type: 'string', value: 'R', group, default: `${DEFAULT_REGION}; for endpoints also AWS_REGION`, description: 'the region to call' },
    quirk: {
      type: 'string',
      value: 'a,b',
      group,
      description: `embedded only: switch on emulator quirks to see the checks catch them:\n${QUIRK_NAMES.join(', ')}`,
      check: someOf(QUIRK_NAMES, 'quirk'),
    },
    baseline: {
      type: 'string',
      value: 'FILE',
      group,
      description: 'known failures: {"known": [{"id": "<id>", "reason": "..."}]}; a failure it names is "known", an entry that passes is "fixed" and one that names nothing is stale',
    },
  } as const satisfies Record<string, OptionSpec>;
}

/** The target a command was asked for, checked against the other options. */
export interface TargetChoice<K extends string> {
  readonly kind: K;
  readonly endpoint?: string;
  readonly region: string;
  readonly quirks: QuirkName[];
  readonly baseline?: Baseline;
}

/**
 * Checks the target options together (an endpoint goes with --target endpoint, quirks with the
 * embedded target) and reads the baseline; usage errors name the option.
 * @example resolveTarget({ target: 'endpoint', 'endpoint-url': 'http://127.0.0.1:5000' }).region // 'us-east-1'
 */
export function resolveTarget<K extends string>(values: {
  target?: string | undefined;
  'endpoint-url'?: string | undefined;
  region?: string | undefined;
  quirk?: string | undefined;
  baseline?: string | undefined;
}): TargetChoice<K> {
  const kind = (values.target ?? 'embedded') as K;
  const endpoint = values['endpoint-url'];
  if (kind === 'endpoint' && !endpoint) throw new UsageError('--target endpoint needs --endpoint-url URL');
  if (kind !== 'endpoint' && endpoint) throw new UsageError('--endpoint-url goes with --target endpoint');
  const quirks = listOption(values.quirk) as QuirkName[];
  if (quirks.length > 0 && kind !== 'embedded') throw new UsageError('--quirk works with the embedded target only');
  let baseline: Baseline | undefined;
  try {
    baseline = values.baseline ? readBaseline(values.baseline) : undefined;
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
  const region = values.region ?? (kind === 'endpoint' ? process.env.AWS_REGION : undefined) ?? DEFAULT_REGION;
  return { kind, region, quirks, ...(endpoint ? { endpoint } : {}), ...(baseline ? { baseline } : {}) };
}

/**
 * Connects to the target; when it cannot be used, prints the one-line reason and gives exit code 2.
 * @example const identity = await connectOrExit('run', target); if (typeof identity === 'number') return identity;
 */
export async function connectOrExit(command: string, target: Target): Promise<Identity | 2> {
  try {
    return await target.connect();
  } catch (error) {
    if (error instanceof TargetUnreachable) {
      console.error(`lambda-eic ${command}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

/** The label of a target, with the quirks it runs with. */
export const labelWithQuirks = (label: string, quirks: readonly string[]): string => (quirks.length > 0 ? `${label} with quirks ${quirks.join(', ')}` : label);
