#!/usr/bin/env node
/**
 * Third-party emulators on the host, for the peer runs and for developers: each pinned, installed
 * once into a virtual environment in the cache outside the repository
 * (${LAMBDA_EIC_CACHE:-~/.cache/lambda-eic}/venvs/<name>-<version>), started on a free loopback
 * port with a readiness wait, and stopped by its own PID (its process group).
 *
 *   node scripts/emulators.mjs list
 *   node scripts/emulators.mjs install localstack        # or all
 *   node scripts/emulators.mjs start ministack           # prints endpoint and PID, keeps it running
 *   node scripts/emulators.mjs stop ministack
 *   node scripts/emulators.mjs refresh moto-5.2.5       # rewrite its baselines and docs/conformance page
 *
 * Where Python or PyPI is unavailable, `ensureInstalled` answers { skip: '<why>' } in
 * milliseconds (a closed port refuses at once; PyPI gets a 3 s probe), never a hang.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where venvs, logs and pid files live. */
export const cacheDir = () => process.env.LAMBDA_EIC_CACHE || join(homedir(), '.cache', 'lambda-eic');
const PYTHON = () => process.env.LAMBDA_EIC_PYTHON || 'python3';

/**
 * A Python of at least `minimum` (e.g. '3.12'): python3 itself, python3.12/3.13 on the PATH, or a
 * pyenv build; undefined when there is none.
 */
function pythonFor(minimum) {
  const [major, minor] = (minimum ?? '3.0').split('.').map(Number);
  const pyenv = join(process.env.PYENV_ROOT || join(homedir(), '.pyenv'), 'versions');
  const builds = existsSync(pyenv)
    ? readdirSync(pyenv)
        .filter((v) => /^3\.\d+\.\d+$/.test(v))
        .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
        .map((v) => join(pyenv, v, 'bin', 'python3'))
    : [];
  for (const candidate of [PYTHON(), 'python3.13', 'python3.12', ...builds]) {
    const probe = spawnSync(candidate, ['-c', 'import sys, venv; print(*sys.version_info[:2])'], { encoding: 'utf8', timeout: 10_000 });
    const [ma, mi] = (probe.stdout ?? '').trim().split(' ').map(Number);
    if (probe.status === 0 && (ma > major || (ma === major && mi >= minor))) return candidate;
  }
  return undefined;
}
const INDEX = () => (process.env.PIP_INDEX_URL || 'https://pypi.org/simple').replace(/\/+$/, '');

/**
 * The emulators, pinned. `requirement` is what pip installs; `preinstalled` names a module the
 * system Python may already hold at exactly this version (then no venv is made); `argv` and `env`
 * start it on `port`; `health` answers 200 once it serves.
 */
export const EMULATORS = {
  localstack: {
    label: 'LocalStack 4.14.0',
    version: '4.14.0',
    // The last release that starts without LOCALSTACK_AUTH_TOKEN (images from 4.15 refuse). Its
    // code needs Python >= 3.13 (PEP 695 generics, warnings.deprecated); its runtime extra resolves to cbor2 6, whose
    // missing cbor2._decoder breaks its parser, and to pyOpenSSL 25, which lost X509.add_extensions.
    requirement: 'localstack-core[runtime]==4.14.0',
    constraints: ['cbor2<6', 'pyopenssl<25'],
    python: '3.13',
    argv: (bin) => [join(bin, 'python'), '-m', 'localstack.runtime.main'],
    env: (port, home) => ({
      GATEWAY_LISTEN: `127.0.0.1:${port}`,
      LOCALSTACK_HOST: `127.0.0.1:${port}`,
      SERVICES: 'lambda,iam,sts',
      GATEWAY_SERVER: 'hypercorn',
      EAGER_SERVICE_LOADING: '0',
      // No downloads at all: this machine reaches PyPI and npm only, and nothing may wait on them.
      SKIP_INFRA_DOWNLOADS: '1',
      SKIP_SSL_CERT_DOWNLOAD: '1',
      DISABLE_EVENTS: '1',
      LOCALSTACK_TELEMETRY_DISABLED: '1',
      // This host looks like a container to LocalStack, which would then write to /var/lib/localstack.
      OVERRIDE_IN_DOCKER: '0',
      FILESYSTEM_ROOT: join(home, 'localstack-root'),
    }),
    // Every CreateFunction makes LocalStack install its runtime-init binary from GitHub, which this
    // machine cannot reach (and a silent network would leave hanging). A stub at the installer's
    // marker path makes it installed: functions then fail on the missing Docker, as they would anyway.
    prepare: (bin) => [
      join(bin, 'python'),
      '-c',
      [
        'import os',
        'from localstack.packages.api import InstallTarget',
        'from localstack.services.lambda_.packages import lambda_runtime_package as p',
        'i = p.get_installer(); m = i._get_install_marker_path(i._get_install_dir(InstallTarget.VAR_LIBS))',
        'os.makedirs(os.path.dirname(m), exist_ok=True); open(m, "w").write("#!/bin/sh\\nexit 1\\n"); os.chmod(m, 0o755)',
      ].join('\n'),
    ],
    health: '/_localstack/health',
    ready: (body) => /"lambda": "(available|running)"/.test(body),
  },
  ministack: {
    label: 'ministack 1.5.33',
    version: '1.5.33',
    requirement: 'ministack==1.5.33',
    argv: (bin) => [join(bin, 'ministack')],
    env: (port) => ({ BIND_HOST: '127.0.0.1', GATEWAY_PORT: String(port) }),
    health: '/_ministack/health',
    ready: () => true,
  },
  'moto-5.2.1': {
    label: 'moto 5.2.1',
    version: '5.2.1',
    requirement: 'moto[server]==5.2.1',
    preinstalled: 'moto',
    argv: (bin, port) => [join(bin, 'moto_server'), '-H', '127.0.0.1', '-p', String(port)],
    env: () => ({}),
    health: '/moto-api/',
    ready: () => true,
  },
  'moto-5.2.5': {
    label: 'moto 5.2.5',
    version: '5.2.5',
    requirement: 'moto[server]==5.2.5',
    argv: (bin, port) => [join(bin, 'moto_server'), '-H', '127.0.0.1', '-p', String(port)],
    env: () => ({}),
    health: '/moto-api/',
    ready: () => true,
  },
};

const log = (message) => process.stderr.write(`lambda-eic emulators: ${message}\n`);

/**
 * The spec of an emulator by name, or an error listing the names.
 * @example emulator('ministack').version // '1.5.33'
 */
export function emulator(name) {
  const spec = EMULATORS[name];
  if (!spec) throw new Error(`unknown emulator '${name}'; emulators: ${Object.keys(EMULATORS).join(', ')}`);
  return { name, ...spec };
}

const packageOf = (spec) => spec.requirement.replace(/[[=].*$/, '');
const venvOf = (spec) => join(cacheDir(), 'venvs', `${packageOf(spec)}-${spec.version}`);
const MARKER = '.lambda-eic-installed';

/** The bin directory of a system Python that already holds the pinned module, if any. */
function preinstalledBin(spec) {
  if (!spec.preinstalled) return undefined;
  const probe = spawnSync(PYTHON(), ['-c', `import sys, ${spec.preinstalled} as m; print(m.__version__); print(sys.prefix)`], { encoding: 'utf8', timeout: 15_000 });
  const [version, prefix] = (probe.stdout ?? '').trim().split('\n');
  if (probe.status !== 0 || version !== spec.version) return undefined;
  const bin = join(prefix, 'bin');
  return existsSync(join(bin, 'moto_server')) ? bin : undefined;
}

/** Whether pip's index answers within 3 s (a closed port or no route fails at once). */
async function indexReachable(pkg) {
  try {
    const answer = await fetch(`${INDEX()}/${pkg}/`, { method: 'HEAD', signal: AbortSignal.timeout(3000) });
    return answer.ok ? undefined : `${INDEX()} answered ${answer.status}`;
  } catch (error) {
    return `${INDEX()} is unreachable (${error.cause?.code ?? error.name})`;
  }
}

/**
 * Makes sure the pinned emulator is installed; returns its bin directory, or why it is skipped.
 * Reuses the cached venv when its marker is there; otherwise python3 -m venv + pip install.
 * @example const { bin, skip } = await ensureInstalled(emulator('ministack'));
 */
export async function ensureInstalled(spec) {
  const venv = venvOf(spec);
  if (existsSync(join(venv, MARKER))) return { bin: join(venv, 'bin') };
  const found = preinstalledBin(spec);
  if (found) return { bin: found };
  const unreachable = await indexReachable(packageOf(spec));
  if (unreachable) return { skip: `${spec.label} is SKIPPED: it is not in the cache (${venv}) and PyPI cannot be used: ${unreachable}` };
  const python = pythonFor(spec.python);
  if (!python)
    return { skip: `${spec.label} is SKIPPED: it needs Python >= ${spec.python ?? '3'} with venv, and none was found (${PYTHON()}, python3.12, python3.13, pyenv builds; set LAMBDA_EIC_PYTHON)` };
  log(`installing ${spec.requirement} into ${venv} (once; reused afterwards)`);
  const started = Date.now();
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(venv, { recursive: true });
  const run = (argv) =>
    new Promise((resolve) => {
      const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', (error) => resolve({ code: -1, stderr: String(error) }));
      child.on('close', (code) => resolve({ code, stderr }));
    });
  const pip = [join(venv, 'bin', 'python'), '-m', 'pip', 'install', '--quiet', spec.requirement, ...(spec.constraints ?? [])];
  for (const argv of [[python, '-m', 'venv', venv], pip]) {
    const done = await run(argv);
    if (done.code !== 0) throw new Error(`installing ${spec.label} failed: ${argv.join(' ')}: ${done.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  writeFileSync(join(venv, MARKER), `${[spec.requirement, ...(spec.constraints ?? [])].join('\n')}\n`);
  log(`installed ${spec.label} in ${Math.round((Date.now() - started) / 1000)} s`);
  return { bin: join(venv, 'bin') };
}

/**
 * A loopback port nothing listens on once this resolves.
 * @example const port = await freePort();
 */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
  });

/**
 * Starts an installed emulator on a free loopback port and waits until its health endpoint says it
 * serves Lambda. Returns its endpoint, PID and a `stop()` that ends its process group.
 * @example const running = await start(emulator('ministack'), bin); ...; await running.stop();
 */
export async function start(spec, bin, { timeoutMs = 90_000, detached = false } = {}) {
  const port = await freePort();
  const home = join(cacheDir(), 'run', `${spec.name}-${port}`);
  mkdirSync(join(home, 'tmp'), { recursive: true });
  const logFile = join(home, 'emulator.log');
  const out = openSync(logFile, 'a');
  const [command, ...args] = spec.argv(bin, port);
  const env = { ...process.env, ...spec.env(port, home), AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_DEFAULT_REGION: 'us-east-1' };
  if (spec.prepare) {
    const [python, ...rest] = spec.prepare(bin);
    const prepared = spawnSync(python, rest, { env, cwd: home, encoding: 'utf8', timeout: 60_000 });
    if (prepared.status !== 0) throw new Error(`preparing ${spec.label} failed: ${(prepared.stderr ?? '').trim().split('\n').slice(-2).join(' | ')}`);
  }
  const child = spawn(command, args, { env, cwd: home, stdio: ['ignore', out, out], detached: true });
  const endpoint = `http://127.0.0.1:${port}`;
  let exited = child.exitCode !== null;
  child.once('exit', () => (exited = true));
  // The run's folder (log, LocalStack's filesystem) goes with it, unless LAMBDA_EIC_KEEP_RUNS is set.
  const stop = async () => {
    await stopPid(child.pid, () => exited);
    if (!process.env.LAMBDA_EIC_KEEP_RUNS) rmSync(home, { recursive: true, force: true });
  };
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !exited) {
    try {
      const answer = await fetch(`${endpoint}${spec.health}`, { signal: AbortSignal.timeout(2000) });
      if (answer.ok && spec.ready(await answer.text())) {
        if (detached) child.unref();
        return { endpoint, pid: child.pid, logFile, home, stop };
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopPid(child.pid, () => exited);
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n  ') : '';
  throw new Error(`${spec.label} ${exited ? 'exited' : `did not serve ${spec.health} within ${timeoutMs} ms`} (log ${logFile}):\n  ${tail}`);
}

/**
 * Ends a process group by its leader's PID: SIGTERM, then SIGKILL after 5 s.
 * @example await stopPid(12345);
 */
export async function stopPid(pid, gone = () => !alive(pid)) {
  const signal = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  for (let i = 0; i < 50 && !gone(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!gone()) signal('SIGKILL');
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `lambda-eic <args>` from this checkout, its output passed through; resolves its stdout. */
function lambdaEic(args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const bin = new URL('../bin/lambda-eic.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, ...args], {
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let stdout = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

/**
 * Rewrites an emulator's baselines and conformance page from a fresh run (after the emulator or
 * the suite changed): baselines/<name>.json, baselines/<name>-pacts.json, docs/conformance/<name>.md.
 * Review the diff: reasons are generated from what the emulator answered.
 */
async function refresh(spec) {
  const { bin, skip } = await ensureInstalled(spec);
  if (skip) throw new Error(skip);
  const running = await start(spec, bin);
  const root = new URL('..', import.meta.url).pathname;
  const out = join(root, 'reports', 'emulators', spec.name);
  try {
    mkdirSync(out, { recursive: true });
    await lambdaEic(['run', '--label', spec.label, '--target', 'endpoint', '--endpoint-url', running.endpoint, '--reporter', 'json', '--output-dir', out]);
    const report = join(out, 'lambda-eic-report.json');
    writeFileSync(join(root, 'baselines', `${spec.name}.json`), (await lambdaEic(['baseline', report, '--target-name', spec.label], { capture: true })).stdout);
    mkdirSync(join(root, 'docs', 'conformance'), { recursive: true });
    writeFileSync(join(root, 'docs', 'conformance', `${spec.name}.md`), (await lambdaEic(['findings', report, '--target-name', spec.label], { capture: true })).stdout);
    const pacts = join(out, 'pacts.json');
    await lambdaEic(['verify-pacts', '--target', 'endpoint', '--endpoint-url', running.endpoint, '--report', pacts]);
    writeFileSync(join(root, 'baselines', `${spec.name}-pacts.json`), (await lambdaEic(['baseline', pacts, '--target-name', spec.label], { capture: true })).stdout);
    log(`${spec.label}: wrote baselines/${spec.name}.json, baselines/${spec.name}-pacts.json and docs/conformance/${spec.name}.md`);
  } finally {
    await running.stop();
  }
}

const pidFile = (name) => join(cacheDir(), 'run', `${name}.pid`);

async function cli([command, name, ...rest]) {
  const names = name === 'all' || name === undefined ? Object.keys(EMULATORS) : [name];
  switch (command) {
    case 'list':
      for (const [n, s] of Object.entries(EMULATORS)) console.log(`${n.padEnd(12)} ${s.requirement.padEnd(26)} ${venvOf({ name: n, ...s })}`);
      return 0;
    case 'install': {
      let status = 0;
      for (const n of names) {
        const { skip } = await ensureInstalled(emulator(n));
        if (skip) {
          log(skip);
          status = 3;
        }
      }
      return status;
    }
    case 'start': {
      if (!name || rest.length > 0) throw new Error('usage: start <name>');
      const spec = emulator(name);
      const { bin, skip } = await ensureInstalled(spec);
      if (skip) {
        log(skip);
        return 3;
      }
      const running = await start(spec, bin, { detached: true });
      mkdirSync(join(cacheDir(), 'run'), { recursive: true });
      writeFileSync(pidFile(name), JSON.stringify({ pid: running.pid, home: running.home }));
      console.log(`${spec.label} serves ${running.endpoint} (pid ${running.pid}, log ${running.logFile}); stop it with: node scripts/emulators.mjs stop ${name}`);
      return 0;
    }
    case 'stop': {
      if (!name) throw new Error('usage: stop <name>');
      if (!existsSync(pidFile(name))) {
        log(`${name} is not running (no ${pidFile(name)})`);
        return 0;
      }
      const { pid, home } = JSON.parse(readFileSync(pidFile(name), 'utf8'));
      await stopPid(pid);
      if (!process.env.LAMBDA_EIC_KEEP_RUNS) rmSync(home, { recursive: true, force: true });
      rmSync(pidFile(name));
      return 0;
    }
    case 'refresh': {
      for (const n of names) await refresh(emulator(n));
      return 0;
    }
    default:
      console.error('usage: node scripts/emulators.mjs list | install <name|all> | start <name> | stop <name> | refresh <name|all>');
      return 2;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`lambda-eic emulators: ${error.message}`);
      process.exit(1);
    },
  );
}
