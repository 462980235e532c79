/** `lambda-eic --version` prints package.json's version and exits 0. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../runners/cli.js';

afterEach(() => vi.restoreAllMocks());

describe('lambda-eic --version', () => {
  it("prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    for (const flag of ['--version', '-v']) expect(await main([flag])).toBe(0);
    expect(log.mock.calls).toEqual([[version], [version]]);
  });
});
