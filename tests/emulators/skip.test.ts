/**
 * Where PyPI or Python is unavailable, the emulator peer tests skip at once with a loud message
 * saying why, instead of hanging on an install (scripts/emulators.mjs, ensureInstalled).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { freePort } from '../../scripts/emulators.mjs';

/** ensureInstalled(emulator(name)) in a child with this environment; its answer and how long it took. */
async function ensure(name: string, env: NodeJS.ProcessEnv) {
  const code = `import('./scripts/emulators.mjs').then(async (m) => { const t = Date.now(); const r = await m.ensureInstalled(m.emulator(${JSON.stringify(name)})); console.log(JSON.stringify({ ...r, ms: Date.now() - t })); })`;
  const child = spawn(process.execPath, ['-e', code], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise((r) => child.on('close', r));
  expect(status, stderr).toBe(0);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { bin?: string; skip?: string; ms: number };
}

describe('emulator installs where PyPI or Python is missing', () => {
  it('skips with the reason when the cache is empty and PyPI refuses the connection', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'eic-cache-'));
    const closed = await freePort();
    for (const name of ['ministack', 'moto-5.2.5', 'localstack']) {
      const answer = await ensure(name, { ...process.env, LAMBDA_EIC_CACHE: cache, PIP_INDEX_URL: `http://127.0.0.1:${closed}/simple` });
      expect(answer.bin).toBeUndefined();
      expect(answer.skip).toMatch(new RegExp(`SKIPPED: it is not in the cache \\(${cache}/venvs/.*\\) and PyPI cannot be used: http://127.0.0.1:${closed}/simple is unreachable \\(ECONNREFUSED\\)`));
      console.log(`${name}: skipped in ${answer.ms} ms`);
    }
  });

  it('skips with the reason when there is no Python at all', async () => {
    // An index that answers, so only Python is missing.
    const index = createServer((_req, res) => res.end('ok')).listen(0, '127.0.0.1');
    await new Promise((r) => index.once('listening', r));
    const { port } = index.address() as { port: number };
    const answer = await ensure('ministack', {
      PIP_INDEX_URL: `http://127.0.0.1:${port}/simple`,
      LAMBDA_EIC_CACHE: mkdtempSync(join(tmpdir(), 'eic-cache-')),
      LAMBDA_EIC_PYTHON: '/nonexistent/python3',
      PYENV_ROOT: '/nonexistent',
      PATH: dirname(process.execPath),
      HOME: tmpdir(),
    });
    index.close();
    expect(answer.skip).toMatch(/ministack 1\.5\.33 is SKIPPED: it needs Python >= 3 with venv, and none was found/);
    console.log(`no Python: skipped in ${answer.ms} ms`);
  });
});
