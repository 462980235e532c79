/**
 * JSON `null` is an absent member (`aws-behaviour.md` §2: validation skips it, required members
 * refuse it). The typed inputs (`src/spec/inputs.ts`) showed handlers that read a null as a value;
 * each case here answers exactly as the same call without the member.
 */
import { describe, expect, it } from 'vitest';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';
import { fixedContext } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import type { OperationName } from '../../src/spec/operations.js';

const ROLE = 'arn:aws:iam::123456789012:role/r';
const create = { FunctionName: 'f', Role: ROLE, Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: deploymentPackage() } };

/** A fresh emulator with function `f`, version 1, a config on it; then `call`, on a fixed clock. */
function answer(operation: OperationName, input: Record<string, unknown>) {
  const emulator = new Emulator();
  const ctx = fixedContext(1_700_000_000_000);
  for (const [op, arrange] of [
    ['CreateFunction', create],
    ['PublishVersion', { FunctionName: 'f' }],
    ['PutFunctionEventInvokeConfig', { FunctionName: 'f', Qualifier: '1', MaximumRetryAttempts: 1 }],
  ] as const)
    expect(emulator.invoke(op, arrange, ctx).ok).toBe(true);
  return emulator.invoke(operation, input, ctx);
}

const CASES: [OperationName, Record<string, unknown>, string[]][] = [
  ['CreateFunction', { ...create, FunctionName: 'g' }, ['Runtime', 'Handler']],
  ['UpdateFunctionConfiguration', { FunctionName: 'f', Timeout: 9 }, ['Description', 'Runtime']],
  ['PublishVersion', { FunctionName: 'f' }, ['Description']],
  ['GetFunction', { FunctionName: 'f:1' }, ['Qualifier']],
  ['DeleteFunction', { FunctionName: 'f:1' }, ['Qualifier']],
  ['GetFunctionEventInvokeConfig', { FunctionName: 'f:1' }, ['Qualifier']],
  ['PutFunctionEventInvokeConfig', { FunctionName: 'f:1', MaximumRetryAttempts: 0 }, ['Qualifier', 'MaximumEventAgeInSeconds', 'DestinationConfig']],
  ['ListFunctionEventInvokeConfigs', { FunctionName: 'f' }, ['Marker', 'MaxItems']],
  ['ListVersionsByFunction', { FunctionName: 'f' }, ['Marker', 'MaxItems']],
  ['ListFunctions', {}, ['Marker', 'MaxItems']],
  ['ListAliases', { FunctionName: 'f' }, ['FunctionVersion', 'Marker', 'MaxItems']],
];

describe('a member sent as JSON null answers as if it were absent', () => {
  it.each(CASES.map(([operation, input, nulls]) => ({ operation, input, nulls })))('$operation with $nulls null', ({ operation, input, nulls }) => {
    const absent = answer(operation, Object.fromEntries(Object.entries(input).filter(([member]) => !nulls.includes(member))));
    const withNulls = answer(operation, { ...input, ...Object.fromEntries(nulls.map((member) => [member, null])) });
    expect(withNulls).toEqual(absent);
  });

  it('CreateFunction with a null Runtime is refused as one without it', () => {
    const outcome = answer('CreateFunction', { ...create, FunctionName: 'g', Runtime: null });
    expect(outcome.ok ? outcome.status : outcome.error.message).toBe('Runtime and Handler are mandatory parameters for functions created with deployment packages.');
  });
});
