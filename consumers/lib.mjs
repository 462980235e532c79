/**
 * What the consumer scripts share: the cache folders, child processes that never reject, npm with
 * the shared download cache, `npm pack` of this checkout, fresh scratch projects and the sealed
 * environment every consumer run gets (no AWS credentials or region, no ~/.aws, no network but
 * loopback: project/no-network.cjs records any attempt).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** consumers/ and the checkout it belongs to. */
export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..');
export const CACHE = process.env.LAMBDA_EIC_CACHE ?? join(homedir(), '.cache', 'lambda-eic');
export const NPM_CACHE = join(CACHE, 'npm');
export const WORK = join(CACHE, 'consumers');
export const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The value after `--name` on the command line. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** Runs a command, resolving with its exit code and combined output (never rejects). */
export function run(command, args, { cwd, env = process.env, timeoutMs = 300_000 } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n(timed out after ${timeoutMs / 1000} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: 127, output: `${output}${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? 1, output });
    });
  });
}

/** npm with the shared download cache, quiet. */
export const npm = (args, cwd) => run('npm', [...args, '--cache', NPM_CACHE, '--no-audit', '--no-fund', '--loglevel', 'warn'], { cwd });

/** `npm pack` of this checkout (prepack builds dist/); the tarball's path. */
export async function pack() {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-eic-pack-'));
  const { code, output } = await run('npm', ['pack', '--pack-destination', dir, '--cache', NPM_CACHE, '--loglevel', 'warn'], { cwd: ROOT });
  if (code !== 0) throw new Error(`npm pack failed:\n${output}`);
  return join(
    dir,
    readdirSync(dir).find((f) => f.endsWith('.tgz')),
  );
}

/**
 * A fresh scratch project (emptied first) with these dependencies installed.
 * @example const { dir, install } = await freshProject('minimal', { 'lambda-eic-conformance': `file:${tarball}` });
 */
export async function freshProject(name, dependencies, { template } = {}) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (template) cpSync(template, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${name.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}`, private: true, dependencies }, null, 2)}\n`);
  const install = await npm(['install', '--prefer-offline'], dir);
  return { dir, install, installOk: install.code === 0 && !/ERESOLVE|prepare/i.test(install.output) };
}

export /** The environment of a cell: no credentials, no region, no ~/.aws, no network but loopback. */
function cellEnv(dir, log) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && k !== 'NODE_OPTIONS'));
  const home = join(dir, '.home');
  mkdirSync(home, { recursive: true });
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_OPTIONS: `--require ${join(HERE, 'project', 'no-network.cjs')}`,
    NO_NETWORK_LOG: log,
    CI: 'true',
  };
}

/**
 * A Node binary of this major version from the npm package `node@<major>` (its preinstall fetches
 * the platform build, so the scratch package.json allows that one script), cached across runs.
 * @example const node22 = await nodeBinary(22); // ~/.cache/lambda-eic/node-22/node_modules/node/bin/node
 */
export async function nodeBinary(major) {
  const dir = join(CACHE, `node-${major}`);
  const bin = join(dir, 'node_modules', 'node', 'bin', 'node');
  const current = await run(bin, ['--version']);
  if (current.code === 0 && current.output.startsWith(`v${major}.`)) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, allowScripts: { node: true } }));
  const install = await npm(['install', '--prefer-offline', `node@${major}`], dir);
  if (install.code !== 0) throw new Error(`cannot install node@${major}:\n${install.output}`);
  return bin;
}
