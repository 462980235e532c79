/**
 * The one way state is arranged: a scenario's or a fixture's `given` as the ordered Lambda calls
 * that make it (CreateFunction with a minimal zip; UpdateFunctionCode + PublishVersion per
 * version; CreateAlias; PutFunctionEventInvokeConfig per config). The runner sends them to any
 * target, the mocks run them through the model, the tests through a client: seeded state is
 * always state AWS could hold.
 */
import type { Given } from '../../cases/scenario.js';
import type { OperationName } from '../spec/operations.js';
import { deploymentPackage } from './deployment-package.js';

/** A call of the plan: an operation the model implements and its SDK input. */
export interface ArrangeCall {
  readonly operation: OperationName;
  readonly input: Readonly<Record<string, unknown>>;
}

/** What the plan needs besides the state: each function reference's name and the role to create with. */
export interface ArrangeNames {
  /** `fn` and `fn2` to the run's function names. */
  readonly functions: Readonly<Record<string, string>>;
  readonly role: string;
  /** The runtime of created functions; default `DEFAULT_RUNTIME`. */
  readonly runtime?: string;
}

/** A runtime AWS will not deprecate under the user soon: arranged functions are never run [docs: section 8]. */
export const DEFAULT_RUNTIME = 'provided.al2023';

/**
 * The calls that make the given state, in order.
 * @example arrangeCalls({ functions: [{ ref: 'fn', versions: 1 }] }, { functions: { fn: 'f' }, role: 'arn:aws:iam::123456789012:role/r' }).map((c) => c.operation)
 * // ['CreateFunction', 'PublishVersion']
 */
export function arrangeCalls(given: Given | undefined, names: ArrangeNames): ArrangeCall[] {
  const calls: ArrangeCall[] = [];
  for (const fn of given?.functions ?? []) {
    const FunctionName = names.functions[fn.ref];
    if (FunctionName === undefined) throw new Error(`no function name for {${fn.ref}}`);
    calls.push({
      operation: 'CreateFunction',
      input: { FunctionName, Role: names.role, Runtime: names.runtime ?? DEFAULT_RUNTIME, Handler: 'index.handler', Code: { ZipFile: deploymentPackage(0) } },
    });
    for (let v = 1; v <= (fn.versions ?? 0); v++) {
      // The first version publishes the code CreateFunction uploaded; each later one new code.
      if (v > 1) calls.push({ operation: 'UpdateFunctionCode', input: { FunctionName, ZipFile: deploymentPackage(v) } });
      calls.push({ operation: 'PublishVersion', input: { FunctionName } });
    }
    for (const alias of fn.aliases ?? []) calls.push({ operation: 'CreateAlias', input: { FunctionName, Name: alias.name, FunctionVersion: alias.version } });
    for (const { qualifier, ...settings } of fn.configs ?? [])
      calls.push({ operation: 'PutFunctionEventInvokeConfig', input: { FunctionName, ...(qualifier ? { Qualifier: qualifier } : {}), ...settings } });
  }
  return calls;
}
