/**
 * A missing optional peer is a usage error (exit 2, one line), never a stack trace or a
 * conformance failure. The consumer matrix (consumers/run.mjs, minimal install) runs the real
 * `lambda-eic run --target nock|client-mock` without the peers; this pins the translation.
 */
import { describe, expect, it } from 'vitest';
import { MissingPeer, withPeer } from '../../runners/targets/target.js';

const notFound = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('withPeer', () => {
  it('turns "cannot find the peer" (ESM or CommonJS) into one line naming what to install', async () => {
    for (const error of [
      notFound("Cannot find package 'nock' imported from /x/dist/src/adapters/nock.js", 'ERR_MODULE_NOT_FOUND'),
      notFound("Cannot find module 'nock'\nRequire stack:\n- /x/dist/cjs/src/adapters/nock.js", 'MODULE_NOT_FOUND'),
    ]) {
      const failure = await withPeer('nock', '--target nock', () => Promise.reject(error)).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(MissingPeer);
      expect((failure as Error).message).toBe('--target nock needs nock, an optional peer dependency: npm install --save-dev nock');
    }
  });

  it('lets every other failure through unchanged', async () => {
    const other = notFound("Cannot find package 'sinon' imported from aws-sdk-client-mock", 'ERR_MODULE_NOT_FOUND');
    await expect(withPeer('nock', '--target nock', () => Promise.reject(other))).rejects.toBe(other);
    const boom = new TypeError('boom');
    await expect(withPeer('nock', '--target nock', () => Promise.reject(boom))).rejects.toBe(boom);
    await expect(withPeer('nock', '--target nock', async () => 42)).resolves.toBe(42);
  });
});
