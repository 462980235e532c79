#!/usr/bin/env node
/**
 * The consumer matrix: the packed tarball (`npm pack`) installed into fresh scratch projects, one
 * per @aws-sdk/client-lambda version (the floor of the peer range, the version this project
 * develops with, the newest on the registry), each running the README's mock snippets under
 * vitest (ESM, TypeScript), jest + ts-jest (CommonJS), jest (ESM), plain Node ESM and plain Node
 * CommonJS. Every run has connections to anything but loopback refused and recorded
 * (project/no-network.cjs) and no AWS credentials, region or ~/.aws: a mock that falls through to
 * a real transport fails its cell.
 *
 * Usage: node consumers/run.mjs [--sdk floor,dev,latest,3.600.0] [--cells vitest,jest-cjs,...] [--tarball path]
 * Caches npm downloads in ${LAMBDA_EIC_CACHE:-~/.cache/lambda-eic}/npm; projects live in .../consumers/.
 * Prints one line per cell, then `N passed, N failed`; exits 1 when a cell failed.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const CACHE = process.env.LAMBDA_EIC_CACHE ?? join(homedir(), '.cache', 'lambda-eic');
const NPM_CACHE = join(CACHE, 'npm');
const WORK = join(CACHE, 'consumers');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** What every scratch project installs besides the tarball and the SDK: the test runners and mock libraries a user has. */
export const TOOLS = {
  'aws-sdk-client-mock': PKG.devDependencies['aws-sdk-client-mock'],
  'aws-sdk-client-mock-jest': PKG.devDependencies['aws-sdk-client-mock'],
  'aws-sdk-client-mock-vitest': PKG.devDependencies['aws-sdk-client-mock-vitest'],
  nock: PKG.devDependencies.nock,
  vitest: PKG.devDependencies.vitest,
  typescript: PKG.devDependencies.typescript,
  '@types/node': PKG.devDependencies['@types/node'],
  jest: '30.5.2',
  'ts-jest': '29.4.15',
  '@types/jest': '30.0.0',
};

/** The cells: how each runs its copy of the README's snippets. */
export const CELLS = {
  vitest: ['node', ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.config.mts']],
  'jest-cjs': ['node', ['node_modules/jest/bin/jest.js', '--config', 'jest.config.cjs']],
  'jest-esm': ['node', ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--config', 'jest.esm.config.cjs']],
  'node-esm': ['node', ['node/mock.mjs']],
  'node-cjs': ['node', ['node/mock.cjs']],
};

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** Runs a command, resolving with its exit code and combined output (never rejects). */
function run(command, args, { cwd, env = process.env, timeoutMs = 300_000 } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n(timed out after ${timeoutMs / 1000} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? 1, output });
    });
  });
}

const npm = (args, cwd) => run('npm', [...args, '--cache', NPM_CACHE, '--no-audit', '--no-fund', '--loglevel', 'warn'], { cwd });

/** floor (peerDependencies), dev (devDependencies), latest (the registry) or a literal version. */
async function sdkVersion(name) {
  if (name === 'floor') return PKG.peerDependencies['@aws-sdk/client-lambda'].match(/>=\s*([\d.]+)/)[1];
  if (name === 'dev') return PKG.devDependencies['@aws-sdk/client-lambda'];
  if (name === 'latest') {
    const { code, output } = await npm(['view', '@aws-sdk/client-lambda@latest', 'version']);
    if (code !== 0) throw new Error(`npm view @aws-sdk/client-lambda failed:\n${output}`);
    return output.trim().split('\n').pop();
  }
  return name;
}

async function pack() {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-eic-pack-'));
  const { code, output } = await run('npm', ['pack', '--pack-destination', dir, '--cache', NPM_CACHE, '--loglevel', 'warn'], { cwd: ROOT });
  if (code !== 0) throw new Error(`npm pack failed:\n${output}`);
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz')));
}

/** A fresh project for one SDK version; returns what its install printed (checked for ERESOLVE and warnings). */
async function project(tarball, version) {
  const dir = join(WORK, `sdk-${version}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(HERE, 'project'), dir, { recursive: true });
  const dependencies = { 'lambda-eic-conformance': `file:${tarball}`, '@aws-sdk/client-lambda': version, ...TOOLS };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-sdk-${version}`, private: true, dependencies }, null, 2)}\n`);
  const install = await npm(['install', '--prefer-offline'], dir);
  return { dir, version, install };
}

/** The environment of a cell: no credentials, no region, no ~/.aws, no network but loopback. */
function cellEnv(dir, log) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && k !== 'NODE_OPTIONS'));
  const home = join(dir, '.home');
  mkdirSync(home, { recursive: true });
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_OPTIONS: `--require ${join(dir, 'no-network.cjs')}`,
    NO_NETWORK_LOG: log,
    CI: 'true',
  };
}

async function main() {
  const sdkNames = option('sdk', 'floor,dev,latest').split(',');
  const cellNames = option('cells', Object.keys(CELLS).join(',')).split(',');
  for (const c of cellNames) if (!CELLS[c]) throw new Error(`unknown cell ${c}; cells: ${Object.keys(CELLS).join(', ')}`);
  mkdirSync(WORK, { recursive: true });
  const versions = [...new Set(await Promise.all(sdkNames.map(sdkVersion)))];
  const tarball = option('tarball') ?? (await pack());
  console.log(`consumers: ${tarball} with @aws-sdk/client-lambda ${versions.join(', ')}; node ${process.version}`);

  const projects = await Promise.all(versions.map((v) => project(tarball, v)));
  const rows = [];
  for (const p of projects) {
    const installOk = p.install.code === 0 && !/ERESOLVE|prepare/i.test(p.install.output);
    rows.push({ version: p.version, cell: 'npm install', ok: installOk, detail: installOk ? '' : p.install.output });
    if (p.install.code !== 0) continue;
    for (const name of cellNames) {
      const log = join(p.dir, `network-${name}.log`);
      writeFileSync(log, '');
      const [command, args] = CELLS[name];
      const started = Date.now();
      const result = await run(command, args, { cwd: p.dir, env: cellEnv(p.dir, log), timeoutMs: 180_000 });
      const attempts = readFileSync(log, 'utf8').trim();
      const ok = result.code === 0 && attempts === '';
      const detail = [attempts && `network attempts:\n${attempts}`, ok ? '' : result.output].filter(Boolean).join('\n');
      rows.push({ version: p.version, cell: name, ok, seconds: (Date.now() - started) / 1000, detail });
    }
  }

  for (const r of rows.filter((r) => !r.ok)) console.log(`\n--- FAILED ${r.cell} @aws-sdk/client-lambda ${r.version}\n${r.detail.slice(-4000)}`);
  console.log(`\n${'@aws-sdk/client-lambda'.padEnd(24)} ${['npm install', ...cellNames].map((c) => c.padEnd(12)).join(' ')}`);
  for (const v of versions)
    console.log(`${v.padEnd(24)} ${['npm install', ...cellNames].map((c) => { const r = rows.find((x) => x.version === v && x.cell === c); return (r ? (r.ok ? 'pass' : 'FAIL') : '-').padEnd(12); }).join(' ')}`);
  const passed = rows.filter((r) => r.ok).length;
  const failed = rows.length - passed;
  if (process.env.CONSUMERS_SUMMARY) appendFileSync(process.env.CONSUMERS_SUMMARY, `${JSON.stringify(rows.map(({ detail, ...r }) => r))}\n`);
  console.log(`\nconsumers: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (existsSync(join(HERE, 'project'))) await main();
