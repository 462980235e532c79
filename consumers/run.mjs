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
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HERE, NPM_CACHE, PKG, WORK, cellEnv, freshProject, npm, option, pack, run } from './lib.mjs';

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

/** A fresh project for one SDK version, from project/. */
async function project(tarball, version) {
  const dependencies = { 'lambda-eic-conformance': `file:${tarball}`, '@aws-sdk/client-lambda': version, ...TOOLS };
  return { version, ...(await freshProject(`sdk-${version}`, dependencies, { template: join(HERE, 'project') })) };
}

/**
 * The smallest consumer: the tarball and the SDK only, no optional peer. Checks that the CLI runs
 * there, that `--target nock|client-mock` without its peer exits 2 with one line, and measures
 * what the package adds to an install.
 */
async function minimal(tarball, version, env) {
  const { dir, install, installOk } = await freshProject('minimal', { 'lambda-eic-conformance': `file:${tarball}`, '@aws-sdk/client-lambda': version });
  const rows = [{ version: 'minimal', cell: 'npm install', ok: installOk, detail: install.output }];
  if (install.code !== 0) return rows;
  const bin = join(dir, 'node_modules', 'lambda-eic-conformance', 'bin', 'lambda-eic.js');
  for (const [target, peer] of [
    ['nock', 'nock'],
    ['client-mock', 'aws-sdk-client-mock'],
  ]) {
    const r = await run('node', [bin, 'run', '--target', target], { cwd: dir, env });
    const lines = r.output.trim().split('\n');
    const ok = r.code === 2 && lines.length === 1 && lines[0].includes(`npm install --save-dev ${peer}`);
    rows.push({ version: 'minimal', cell: `--target ${target} without ${peer}`, ok, detail: `exit ${r.code}\n${r.output}` });
  }
  const cli = await run('node', [bin, 'run', '--reporter', 'console'], { cwd: dir, env });
  rows.push({ version: 'minimal', cell: 'lambda-eic run', ok: cli.code === 0 && /PASS: \d+ scenarios/.test(cli.output), detail: cli.output });
  const du = (path) => Number(execFileSync('du', ['-sk', '--apparent-size', path]).toString().split('\t')[0]);
  const modules = join(dir, 'node_modules');
  const ours = ['lambda-eic-conformance', 'fflate'].filter((p) => existsSync(join(modules, p))).reduce((sum, p) => sum + du(join(modules, p)), 0);
  const count = execFileSync('npm', ['ls', '--all', '--parseable', '--cache', NPM_CACHE], { cwd: dir }).toString().trim().split('\n').length - 1;
  console.log(
    `install size: tarball + @aws-sdk/client-lambda ${version}: ${(du(modules) / 1024).toFixed(1)} MiB in ${count} packages; lambda-eic-conformance and what only it brings: ${(ours / 1024).toFixed(1)} MiB`,
  );
  return rows;
}

/** Runs the cells of one project in order; a cell passes when it exits 0 and attempted no connection. */
async function cellsOf(p, cellNames) {
  const rows = [{ version: p.version, cell: 'npm install', ok: p.installOk, detail: p.installOk ? '' : p.install.output }];
  if (p.install.code !== 0) return rows;
  for (const name of cellNames) {
    const log = join(p.dir, `network-${name}.log`);
    writeFileSync(log, '');
    const [command, args] = CELLS[name];
    const result = await run(command, args, { cwd: p.dir, env: cellEnv(p.dir, log), timeoutMs: 180_000 });
    const attempts = readFileSync(log, 'utf8').trim();
    const ok = result.code === 0 && attempts === '';
    const detail = [attempts && `network attempts:\n${attempts}`, ok ? '' : result.output].filter(Boolean).join('\n');
    rows.push({ version: p.version, cell: name, ok, detail });
  }
  return rows;
}

async function main() {
  const sdkNames = option('sdk', 'floor,dev,latest').split(',');
  const cellNames = option('cells', Object.keys(CELLS).join(',')).split(',');
  for (const c of cellNames) if (!CELLS[c]) throw new Error(`unknown cell ${c}; cells: ${Object.keys(CELLS).join(', ')}`);
  mkdirSync(WORK, { recursive: true });
  const versions = [...new Set(await Promise.all(sdkNames.map(sdkVersion)))];
  const tarball = option('tarball') ?? (await pack());
  console.log(`consumers: ${tarball} with @aws-sdk/client-lambda ${versions.join(', ')}; node ${process.version}`);

  const withMinimal = !process.argv.includes('--no-minimal');
  const [projects, minimalRows] = await Promise.all([
    Promise.all(versions.map((v) => project(tarball, v))),
    withMinimal ? minimal(tarball, PKG.devDependencies['@aws-sdk/client-lambda'], cellEnv(join(WORK, 'minimal-env'), join(WORK, 'minimal-network.log'))) : [],
  ]);
  // The projects' cells run side by side (each chain in order): they wait on child processes.
  const rows = [...minimalRows, ...(await Promise.all(projects.map((p) => cellsOf(p, cellNames)))).flat()];

  for (const r of rows.filter((r) => !r.ok)) console.log(`\n--- FAILED ${r.cell} @aws-sdk/client-lambda ${r.version}\n${r.detail.slice(-4000)}`);
  console.log('');
  for (const r of minimalRows) console.log(`minimal install: ${r.cell.padEnd(48)} ${r.ok ? 'pass' : 'FAIL'}`);
  console.log(`\n${'@aws-sdk/client-lambda'.padEnd(24)} ${['npm install', ...cellNames].map((c) => c.padEnd(12)).join(' ')}`);
  for (const v of versions)
    console.log(
      `${v.padEnd(24)} ${['npm install', ...cellNames]
        .map((c) => {
          const r = rows.find((x) => x.version === v && x.cell === c);
          return (r ? (r.ok ? 'pass' : 'FAIL') : '-').padEnd(12);
        })
        .join(' ')}`,
    );
  const passed = rows.filter((r) => r.ok).length;
  const failed = rows.length - passed;
  console.log(`\nconsumers: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (existsSync(join(HERE, 'project'))) await main();
