/**
 * mockLambda never reaches a transport: whatever goes wrong inside it rejects with a named cause.
 * Each client here has a request handler that records any request it is given; it must stay empty.
 */
import { GetFunctionEventInvokeConfigCommand, LambdaClient, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { mockLambda, type LambdaMock } from '../../src/adapters/client-mock.js';
import { assertSupportedSdk, compareVersions, installedSdkVersion, SDK_FLOOR, SDK_RANGE } from '../../src/adapters/sdk-support.js';
import { OFFLINE_DROPS, sendOffline } from '../../src/adapters/sdk-wire.js';
import { rejectionOf } from './support.js';

/** A client whose real transport records every request instead of sending it; no credentials anywhere. */
function trappedClient(region = 'us-east-1') {
  const reached: string[] = [];
  const requestHandler = {
    handle: async (request: { hostname: string; path: string }) => {
      reached.push(`${request.hostname}${request.path}`);
      throw new Error('the real transport was reached');
    },
  };
  return { client: new LambdaClient({ region, requestHandler: requestHandler as never }), reached };
}

let lambda: LambdaMock | undefined;
afterEach(() => {
  lambda?.restore();
  lambda = undefined;
});

describe('mockLambda never falls through to the real transport', () => {
  it('answers without credentials, signing or the request handler', async () => {
    const { client, reached } = trappedClient();
    lambda = mockLambda();
    lambda.seedFunction('f');
    await expect(client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'f', MaximumRetryAttempts: 0 }))).resolves.toMatchObject({ MaximumRetryAttempts: 0 });
    expect(reached).toEqual([]);
  });

  it('rejects a command of an unknown shape (another copy, a hand-made object) with the cause', async () => {
    const { client, reached } = trappedClient();
    lambda = mockLambda();
    class GetFunctionEventInvokeConfigCommand {
      readonly input = { FunctionName: 'f' };
    }
    const error = await rejectionOf(client.send(new GetFunctionEventInvokeConfigCommand() as never));
    expect(error.message).toBe('mockLambda cannot answer GetFunctionEventInvokeConfigCommand: the command has no resolveMiddleware (not an AWS SDK for JavaScript v3 command)');
    await expect(client.send({} as never)).rejects.toThrow(/^mockLambda does not answer a object that is not an SDK command/);
    expect(reached).toEqual([]);
  });

  it('rejects a client of an unknown shape with the cause', async () => {
    const odd = { config: {}, send: async (_command: unknown) => 'real' };
    lambda = mockLambda({ client: odd as never });
    const error = await rejectionOf(odd.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' }) as never));
    expect(error.message).toMatch(/^mockLambda cannot answer GetFunctionEventInvokeConfigCommand: the client has no middlewareStack/);
  });

  it('drops every middleware that resolves credentials, signs, retries or sleeps', async () => {
    const { client } = trappedClient();
    const names = client.middlewareStack.identify().join('\n');
    for (const name of ['retryMiddleware', 'httpSigningMiddleware']) expect(names).toContain(name);
    expect(OFFLINE_DROPS).toEqual(expect.arrayContaining(['retryMiddleware', 'httpSigningMiddleware', 'httpAuthSchemeMiddleware', 'awsAuthMiddleware']));
    // The real client's stack is left as it was: the offline route works on a copy.
    await sendOffline(client, new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' }) as never, () => ({
      status: 404,
      headers: { 'x-amzn-errortype': 'ResourceNotFoundException' },
      body: '{"Message":"no"}',
    })).catch(() => undefined);
    expect(client.middlewareStack.identify().join('\n')).toBe(names);
  });
});

describe('the offline route reuses handlers per command class', () => {
  it('runs middleware added to one command instance for that instance only', async () => {
    const { client, reached } = trappedClient();
    lambda = mockLambda();
    lambda.seedFunction('f');
    const seen: string[] = [];
    await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' })).catch(() => undefined);
    const own = new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' });
    own.middlewareStack.add(
      (next) => async (args) => {
        seen.push('own');
        return next(args);
      },
      { step: 'initialize', name: 'userMiddleware' },
    );
    await client.send(own).catch(() => undefined);
    await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' })).catch(() => undefined);
    expect(seen).toEqual(['own']);
    expect(reached).toEqual([]);
  });
});

describe('the supported SDK range', () => {
  it('is stated once: the constant, package.json and the README agree', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.peerDependencies['@aws-sdk/client-lambda']).toBe(SDK_RANGE);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme.includes(`\`@aws-sdk/client-lambda\` ${SDK_RANGE}`), 'the README states the range').toBe(true);
    expect(pkg.peerDependenciesMeta['@aws-sdk/client-lambda']).toBeUndefined();
  });

  it('resolves the installed client and accepts it', () => {
    expect(installedSdkVersion()).toMatch(/^3\.\d+\.\d+$/);
    expect(() => assertSupportedSdk()).not.toThrow();
  });

  it('refuses an older client in one line naming the found and the needed version', () => {
    expect(() => assertSupportedSdk('3.600.0')).toThrow(`lambda-eic-conformance: @aws-sdk/client-lambda 3.600.0 found; the mocks need ${SDK_RANGE} (npm i -D @aws-sdk/client-lambda@3)`);
    expect(() => assertSupportedSdk('4.0.0')).toThrow(/4\.0\.0 found/);
    expect(() => assertSupportedSdk(SDK_FLOOR)).not.toThrow();
    expect(compareVersions('3.9.0', '3.723.0')).toBe(-1);
    expect(compareVersions('3.1164.0', '3.723.0')).toBe(1);
  });
});
