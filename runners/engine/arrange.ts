/**
 * Arranges a scenario's given state through the target's own Lambda API (CreateFunction with a
 * minimal zip, a new revision + PublishVersion per version, CreateAlias, Put per config), and
 * removes it afterwards.
 *
 * A new revision is new code (UpdateFunctionCode). Where a target cannot update code (LocalStack
 * without Docker answers 500), it is a configuration change instead: AWS publishes a new version
 * when the code or the configuration changed since the last one [docs: PublishVersion], so
 * UpdateFunctionConfiguration separates versions just as faithfully. The way that worked is
 * remembered per target.
 */
import type { SdkRequest, Given } from '../../suites/types.js';
import type { Observation, Target } from '../targets/target.js';
import { minimalZip } from '../targets/zip.js';
import type { Vars } from './placeholders.js';

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
const failed = (seen: Observation) => Boolean(seen.error) || seen.status === undefined;
const why = (request: SdkRequest, seen: Observation) =>
  `${request.operation} failed: ${seen.error?.code ?? 'no answer'}: ${seen.error?.message.split('\n')[0] ?? ''}`.trim();

async function must(target: Target, request: SdkRequest): Promise<void> {
  const seen = await target.send(request);
  if (failed(seen)) throw new ArrangeError(`arranging with ${why(request, seen)}`, UNDER_TEST.has(request.operation));
}

export type RevisionMethod = 'code' | 'configuration';
const revisionMethods = new WeakMap<Target, RevisionMethod>();

const revision = (method: RevisionMethod, FunctionName: string, v: number): SdkRequest =>
  method === 'code'
    ? { operation: 'UpdateFunctionCode', input: { FunctionName, ZipFile: minimalZip(v) } }
    : // Not emulated by the reference model (whose UpdateFunctionCode works); sent to real targets only.
      { operation: 'UpdateFunctionConfiguration' as SdkRequest['operation'], input: { FunctionName, Environment: { Variables: { LAMBDA_EIC_REVISION: String(v) } } } };

/**
 * How arranging makes new revisions on this target: `code` until UpdateFunctionCode has failed
 * once and UpdateFunctionConfiguration worked instead.
 * @example revisionMethod(target) // 'code'
 */
export const revisionMethod = (target: Target): RevisionMethod => revisionMethods.get(target) ?? 'code';

async function newRevision(target: Target, FunctionName: string, v: number): Promise<void> {
  const method = revisionMethod(target);
  const first = revision(method, FunctionName, v);
  const seen = await target.send(first);
  if (!failed(seen)) return;
  if (method === 'configuration') throw new ArrangeError(`arranging version ${v} with ${why(first, seen)}`);
  const alternative = revision('configuration', FunctionName, v);
  const again = await target.send(alternative);
  if (failed(again)) throw new ArrangeError(`arranging version ${v}: ${why(first, seen)}; and ${why(alternative, again)}`);
  revisionMethods.set(target, 'configuration');
}

/**
 * Creates the given functions, versions, aliases and configs.
 * @example await arrange(target, { functions: [{ ref: 'fn', versions: 1 }] }, { fn: 'eic-ab12-1' })
 */
export async function arrange(target: Target, given: Given | undefined, vars: Vars): Promise<void> {
  if (!given) return;
  const Role = await target.roleArn();
  for (const fn of given.functions) {
    const FunctionName = vars[fn.ref]!;
    await must(target, {
      operation: 'CreateFunction',
      input: { FunctionName, Role, Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: minimalZip(0) } },
    });
    for (let v = 1; v <= (fn.versions ?? 0); v++) {
      if (v > 1) await newRevision(target, FunctionName, v);
      await must(target, { operation: 'PublishVersion', input: { FunctionName } });
    }
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
  for (const fn of given?.functions ?? []) await target.send({ operation: 'DeleteFunction', input: { FunctionName: vars[fn.ref]! } });
}
