/** `lambda-eic --version` prints package.json's version and exits 0; an unknown command is a one-line usage error. */
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

describe('lambda-eic <unknown command>', () => {
  it('is a one-line usage error naming the commands, exit 2', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await main(['bogus'])).toBe(2);
    expect(error.mock.calls).toHaveLength(1);
    const line = String(error.mock.calls[0]![0]);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^lambda-eic: unknown command 'bogus' \(commands: run, serve, .*; see lambda-eic --help\)$/);
  });
});
