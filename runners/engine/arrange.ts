/**
 * Arranges a scenario's given state through the target's own Lambda API, sending the calls of the
 * one arrange plan (`src/arrange/plan.ts`, which the mocks' seeding and the tests use too:
 * CreateFunction with a minimal zip, a new revision + PublishVersion per version, CreateAlias, Put
 * per config), and removes it afterwards.
 *
 * A new revision is new code (UpdateFunctionCode). Where a target cannot update code, it is a
 * configuration change instead: AWS publishes a new version when the code or the configuration
 * changed since the last one [docs: PublishVersion], so UpdateFunctionConfiguration separates
 * versions just as faithfully. Where a target refuses both but still publishes a new version
 * (LocalStack without Docker), that version is used. The way that worked is remembered per
 * target; a version that cannot be made leaves the scenario not arranged.
 */
import type { SdkRequest, Given } from '../../cases/scenario.js';
import type { Ledger } from '../targets/ledger.js';
import { deleteFunctionVia } from '../targets/sdk-calls.js';
import type { Observation, SendOptions, Target } from '../targets/target.js';
import { arrangeCalls } from '../../src/arrange/plan.js';
import { fill, type Vars } from '../../cases/placeholders.js';

/**
 * Arranging failed. `underTest` is true when the call that failed belongs to the API under test
 * (PutFunctionEventInvokeConfig): a conformance failure. Otherwise the target cannot build the
 * scenario's functions, versions or aliases at all, and the scenario is *not arranged*.
 */
export class ArrangeError extends Error {
  constructor(
    message: string,
    readonly underTest = false,
  ) {
    super(message);
  }
}

const UNDER_TEST = new Set(['PutFunctionEventInvokeConfig']);
/** A 2xx the SDK cannot read (an ISO LastModified) still made the state: only the status counts. */
const failed = (seen: Observation) => seen.status === undefined || seen.status >= 300;
const why = (request: SdkRequest, seen: Observation) => `${request.operation} failed: ${seen.error?.code ?? 'no answer'}: ${seen.error?.message.split('\n')[0] ?? ''}`.trim();

/** Arranging and cleanup go through `arrangeSend` where the target has one (retries, waits, ledger). */
const arrangeCall = (target: Target, request: SdkRequest, options: SendOptions = {}) => (target.arrangeSend ? target.arrangeSend(request) : target.send(request, options));

/** The run's ledger the created functions go into, and the stop signal for the calls. */
export interface ArrangeOptions extends SendOptions {
  readonly ledger?: Ledger;
}

async function must(target: Target, request: SdkRequest, options: SendOptions): Promise<void> {
  const seen = await arrangeCall(target, request, options);
  if (failed(seen)) throw new ArrangeError(`arranging with ${why(request, seen)}`, UNDER_TEST.has(request.operation));
}

export type RevisionMethod = 'code' | 'configuration' | 'unconfirmed-configuration';
const METHODS: readonly RevisionMethod[] = ['code', 'configuration', 'unconfirmed-configuration'];
const revisionMethods = new WeakMap<Target, RevisionMethod>();

/** The revision the plan asks for (new code), or its stand-in, a configuration change, for the later methods. */
const revision = (method: RevisionMethod, planned: SdkRequest, FunctionName: string, v: number): SdkRequest =>
  method === 'code'
    ? planned
    : // Not emulated by the reference model (whose UpdateFunctionCode works); sent to real targets only.
      { operation: 'UpdateFunctionConfiguration', input: { FunctionName, Environment: { Variables: { LAMBDA_EIC_REVISION: String(v) } } } };

/**
 * How arranging makes new revisions on this target: `code` (UpdateFunctionCode) until it has
 * failed; then `configuration` (UpdateFunctionConfiguration); then `unconfirmed-configuration`:
 * the update answers an error, yet PublishVersion shows it was applied by answering a new version
 * (LocalStack 4.14 without Docker answers both updates of its Failed functions with a 500
 * "cannot be updated if an old one is not running", but stores the change).
 * @example revisionMethod(target) // 'code'
 */
export const revisionMethod = (target: Target): RevisionMethod => revisionMethods.get(target) ?? 'code';

/**
 * Publishes version `v` (after the plan's new revision, `planned`, or the stand-in the target
 * needs); returns its number.
 */
async function publishVersion(target: Target, FunctionName: string, v: number, previous: string | undefined, planned: SdkRequest | undefined, send: SendOptions): Promise<string> {
  const problems: string[] = [];
  for (const method of METHODS.slice(METHODS.indexOf(revisionMethod(target)))) {
    const request = v > 1 && planned ? revision(method, planned, FunctionName, v) : undefined;
    if (request) {
      const seen = await arrangeCall(target, request, send);
      if (failed(seen)) {
        problems.push(why(request, seen));
        if (method !== 'unconfirmed-configuration') continue;
      }
    }
    const publish: SdkRequest = { operation: 'PublishVersion', input: { FunctionName } };
    const seen = await arrangeCall(target, publish, send);
    if (failed(seen)) throw new ArrangeError(`arranging version ${v}: ${[...problems, why(publish, seen)].join('; ')}`);
    const version = String(seen.output?.Version ?? '');
    if (v > 1 && version === previous) {
      problems.push(`PublishVersion answered version ${version} again`);
      continue;
    }
    if (v > 1) revisionMethods.set(target, method);
    return version;
  }
  throw new ArrangeError(`arranging version ${v}: ${problems.join('; ')}`);
}

/**
 * Creates the given functions, versions, aliases and configs, placeholders filled with the run's values.
 * @example await arrange(target, { functions: [{ ref: 'fn', versions: 1 }] }, { fn: 'eic-ab12-1' })
 */
export async function arrange(target: Target, unfilled: Given | undefined, vars: Vars, options: ArrangeOptions = {}): Promise<void> {
  if (!unfilled) return;
  const given = fill(unfilled, vars);
  const role = await target.roleArn();
  const send: SendOptions = options.signal ? { signal: options.signal } : {};
  const calls = arrangeCalls(given, { functions: vars, role, ...(target.runtime ? { runtime: target.runtime } : {}) });
  let version = 0;
  let previous: string | undefined;
  let planned: SdkRequest | undefined;
  for (const call of calls) {
    const FunctionName = String(call.input.FunctionName);
    if (call.operation === 'CreateFunction') {
      // Recorded before it is asked for: a stop while CreateFunction is in flight still deletes it.
      options.ledger?.record('function', FunctionName, () => deleteFunction(target, FunctionName));
      [version, previous] = [0, undefined];
      await must(target, call, send);
    } else if (call.operation === 'UpdateFunctionCode') {
      planned = call; // sent with the PublishVersion it precedes, falling back where the target needs
    } else if (call.operation === 'PublishVersion') {
      previous = await publishVersion(target, FunctionName, ++version, previous, planned, send);
      planned = undefined;
    } else {
      await must(target, call, send);
    }
  }
}

/** Deletes one function (its configs go with it); one already gone counts as deleted. */
const deleteFunction = (target: Target, FunctionName: string) => deleteFunctionVia((r) => arrangeCall(target, r), FunctionName);

/** Deletes the functions a scenario created; those that could not be deleted stay in the ledger for the teardown. */
export async function cleanup(target: Target, given: Given | undefined, vars: Vars, ledger?: Ledger): Promise<void> {
  for (const fn of given?.functions ?? []) {
    const FunctionName = vars[fn.ref]!;
    await deleteFunction(target, FunctionName).then(
      () => ledger?.forget('function', FunctionName),
      () => undefined,
    );
  }
}
