/** The one arrange plan and the one deployment package, data in and data out. */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';
import { arrangeCalls } from '../../src/arrange/plan.js';

const names = { functions: { fn: 'f', fn2: 'g' }, role: 'arn:aws:iam::123456789012:role/r' };

describe('arrangeCalls', () => {
  it('creates, publishes (new code before each later version), aliases, then puts configs', () => {
    const calls = arrangeCalls(
      {
        functions: [{ ref: 'fn', versions: 2, aliases: [{ name: 'live', version: '1' }], configs: [{ MaximumRetryAttempts: 1 }, { qualifier: 'live', MaximumEventAgeInSeconds: 60 }] }, { ref: 'fn2' }],
      },
      names,
    );
    expect(calls.map((c) => `${c.operation} ${String(c.input.FunctionName)}`)).toEqual([
      'CreateFunction f',
      'PublishVersion f',
      'UpdateFunctionCode f',
      'PublishVersion f',
      'CreateAlias f',
      'PutFunctionEventInvokeConfig f',
      'PutFunctionEventInvokeConfig f',
      'CreateFunction g',
    ]);
    expect(calls[0]!.input).toMatchObject({ Role: names.role, Runtime: 'provided.al2023', Handler: 'index.handler' });
    expect(calls[4]!.input).toEqual({ FunctionName: 'f', Name: 'live', FunctionVersion: '1' });
    expect(calls[5]!.input).toEqual({ FunctionName: 'f', MaximumRetryAttempts: 1 });
    expect(calls[6]!.input).toEqual({ FunctionName: 'f', Qualifier: 'live', MaximumEventAgeInSeconds: 60 });
  });

  it('arranges nothing without a given state, and refuses a reference it has no name for', () => {
    expect(arrangeCalls(undefined, names)).toEqual([]);
    expect(() => arrangeCalls({ functions: [{ ref: 'fn2' }] }, { functions: { fn: 'f' }, role: 'r' })).toThrow(/no function name for \{fn2\}/);
  });
});

describe('deploymentPackage', () => {
  it('is a real zip holding index.js, different for each revision and the same for the same one', () => {
    expect(Object.keys(unzipSync(deploymentPackage()))).toEqual(['index.js']);
    expect(deploymentPackage(1)).toEqual(deploymentPackage(1));
    expect(deploymentPackage(1)).not.toEqual(deploymentPackage(2));
  });
});
