/**
 * Arranges a scenario's given state through the target's own Lambda API (CreateFunction with a
 * minimal zip, a new revision + PublishVersion per version, CreateAlias, Put per config), and
 * removes it afterwards.
 *
 * A new revision is new code (UpdateFunctionCode). Where a target cannot update code, it is a
 * configuration change instead: AWS publishes a new version when the code or the configuration
 * changed since the last one [docs: PublishVersion], so UpdateFunctionConfiguration separates
 * versions just as faithfully. Where a target refuses both but still publishes a new version
 * (LocalStack without Docker), that version is used. The way that worked is remembered per
 * target; a version that cannot be made leaves the scenario not arranged.
 */
import type { SdkRequest, Given } from '../../cases/scenario.js';
import { DEFAULT_RUNTIME, type Observation, type Target } from '../targets/target.js';
import { minimalZip } from '../targets/zip.js';
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
const why = (request: SdkRequest, seen: Observation) =>
  `${request.operation} failed: ${seen.error?.code ?? 'no answer'}: ${seen.error?.message.split('\n')[0] ?? ''}`.trim();

/** Arranging and cleanup go through `arrangeSend` where the target has one (retries, waits, ledger). */
const arrangeCall = (target: Target, request: SdkRequest) => (target.arrangeSend ? target.arrangeSend(request) : target.send(request));

async function must(target: Target, request: SdkRequest): Promise<void> {
  const seen = await arrangeCall(target, request);
  if (failed(seen)) throw new ArrangeError(`arranging with ${why(request, seen)}`, UNDER_TEST.has(request.operation));
}

export type RevisionMethod = 'code' | 'configuration' | 'unconfirmed-configuration';
const METHODS: readonly RevisionMethod[] = ['code', 'configuration', 'unconfirmed-configuration'];
const revisionMethods = new WeakMap<Target, RevisionMethod>();

const revision = (method: RevisionMethod, FunctionName: string, v: number): SdkRequest =>
  method === 'code'
    ? { operation: 'UpdateFunctionCode', input: { FunctionName, ZipFile: minimalZip(v) } }
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

/** Publishes version `v` (after a new revision where the target can make one); returns its number. */
async function publishVersion(target: Target, FunctionName: string, v: number, previous: string | undefined): Promise<string> {
  const problems: string[] = [];
  for (const method of METHODS.slice(METHODS.indexOf(revisionMethod(target)))) {
    const request = v > 1 ? revision(method, FunctionName, v) : undefined;
    if (request) {
      const seen = await arrangeCall(target, request);
      if (failed(seen)) {
        problems.push(why(request, seen));
        if (method !== 'unconfirmed-configuration') continue;
      }
    }
    const publish: SdkRequest = { operation: 'PublishVersion', input: { FunctionName } };
    const seen = await arrangeCall(target, publish);
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
export async function arrange(target: Target, unfilled: Given | undefined, vars: Vars): Promise<void> {
  if (!unfilled) return;
  const given = fill(unfilled, vars);
  const Role = await target.roleArn();
  for (const fn of given.functions) {
    const FunctionName = vars[fn.ref]!;
    await must(target, {
      operation: 'CreateFunction',
      input: { FunctionName, Role, Runtime: target.runtime ?? DEFAULT_RUNTIME, Handler: 'index.handler', Code: { ZipFile: minimalZip(0) } },
    });
    let previous: string | undefined;
    for (let v = 1; v <= (fn.versions ?? 0); v++) previous = await publishVersion(target, FunctionName, v, previous);
    for (const alias of fn.aliases ?? [])
      await must(target, { operation: 'CreateAlias', input: { FunctionName, Name: alias.name, FunctionVersion: alias.version } });
    for (const { qualifier, ...settings } of fn.configs ?? [])
      await must(target, {
        operation: 'PutFunctionEventInvokeConfig',
        input: { FunctionName, ...(qualifier ? { Qualifier: qualifier } : {}), ...settings },
      });
  }
}

/** Deletes the functions a scenario created (their configs go with them); errors are ignored. */
export async function cleanup(target: Target, given: Given | undefined, vars: Vars): Promise<void> {
  for (const fn of given?.functions ?? []) await arrangeCall(target, { operation: 'DeleteFunction', input: { FunctionName: vars[fn.ref]! } });
}
