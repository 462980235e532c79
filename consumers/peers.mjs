#!/usr/bin/env node
/**
 * The optional peers at both ends of their stated ranges: for each, a fresh project with the packed
 * tarball, the SDK and the peer at the lowest and the newest version inside its range
 * (package.json `peerDependencies`), installed without ERESOLVE, then a smoke run of what the
 * peer is for. A version whose engines exclude Node 20 runs on Node 22 (from the npm package
 * node@22), and the line says so. Same sealed environment as run.mjs (no network but loopback).
 *
 * Usage: node consumers/peers.mjs [--tarball path] [--only nock,aws-sdk-client-mock]
 * Prints one line per peer version and `peers: N passed, N failed`; exits 1 when one failed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PKG, WORK, cellEnv, freshProject, nodeBinary, npm, option, pack, run } from './lib.mjs';

const SDK = PKG.devDependencies['@aws-sdk/client-lambda'];

/** What each peer is for, as a script run in the scratch project (exit 0 = works). */
const SMOKES = {
  'aws-sdk-client-mock': `
    import assert from 'node:assert/strict';
    import { GetFunctionEventInvokeConfigCommand, LambdaClient, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
    import { mockLambda } from 'lambda-eic-conformance/client-mock';
    const lambda = mockLambda();
    lambda.seedFunction('f');
    const client = new LambdaClient({ region: 'us-east-1' });
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'f', MaximumRetryAttempts: 1 }));
    assert.equal((await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' }))).MaximumRetryAttempts, 1);
    assert.equal(lambda.stub.commandCalls(PutFunctionEventInvokeConfigCommand).length, 1);
    lambda.restore();`,
  nock: `
    import assert from 'node:assert/strict';
    import { GetFunctionEventInvokeConfigCommand, LambdaClient, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
    import { interceptLambda } from 'lambda-eic-conformance/nock';
    const lambda = interceptLambda({ region: 'us-east-1' });
    lambda.seedFunction('f');
    const client = new LambdaClient({});
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'f', MaximumRetryAttempts: 1 }));
    assert.equal((await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f' }))).MaximumRetryAttempts, 1);
    lambda.done();
    lambda.restore();`,
  // What the runner does with IAM (runners/targets/http-target.ts): CreateRole, read Role.Arn.
  '@aws-sdk/client-iam': `
    import assert from 'node:assert/strict';
    import { createServer } from 'node:http';
    import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
    const arn = 'arn:aws:iam::123456789012:role/eic-role';
    const server = createServer((req, res) => req.resume().on('end', () => {
      res.setHeader('content-type', 'text/xml');
      res.end('<CreateRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><CreateRoleResult><Role><Path>/</Path><RoleName>eic-role</RoleName><RoleId>AROA1</RoleId><Arn>' + arn + '</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate></Role></CreateRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></CreateRoleResponse>');
    }));
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const iam = new IAMClient({ endpoint: 'http://127.0.0.1:' + server.address().port, region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }, maxAttempts: 1 });
    const made = await iam.send(new CreateRoleCommand({ RoleName: 'eic-role', AssumeRolePolicyDocument: '{}' }));
    assert.equal(made.Role?.Arn, arn);
    server.close();`,
};

/** `lambda-eic verify-pacts` against the embedded emulator: the package's own pacts must pass. */
const VERIFY = ['node_modules/lambda-eic-conformance/bin/lambda-eic.js', 'verify-pacts'];

/** The lowest and the newest registry version inside a peer's stated range. */
async function ends(peer) {
  const range = PKG.peerDependencies[peer];
  const { code, output } = await npm(['view', `${peer}@${range}`, 'version', '--json'], WORK);
  if (code !== 0) throw new Error(`npm view ${peer}@${range} failed:\n${output}`);
  const numbers = (v) => v.split('.').map(Number);
  const byVersion = (a, b) => numbers(a).reduce((order, n, i) => order || n - numbers(b)[i], 0);
  const found = [JSON.parse(output)]
    .flat()
    .filter((v) => !v.includes('-'))
    .sort(byVersion);
  return { range, low: found[0], high: found.at(-1) };
}

/** Whether a version's engines admit Node 20 (else it is run on Node 22). */
async function needsNode22(peer, version) {
  const { output } = await npm(['view', `${peer}@${version}`, 'engines.node'], WORK);
  const engines = output.trim();
  return /^>=\s*2[2-9]/.test(engines) || /^>=\s*22/.test(engines) ? engines : undefined;
}

async function check(tarball, peer, version) {
  const name = `peer-${peer.replace(/[@/]/g, '_')}-${version}`;
  const project = await freshProject(name, { 'lambda-eic-conformance': `file:${tarball}`, '@aws-sdk/client-lambda': SDK, [peer]: version });
  const engines = await needsNode22(peer, version);
  const row = { peer, version, node: engines ? `22 (engines ${engines})` : '20', ok: false, detail: '' };
  if (!project.installOk) return { ...row, detail: `npm install:\n${project.install.output}` };
  const node = engines ? await nodeBinary(22) : process.execPath;
  const env = cellEnv(project.dir, join(project.dir, 'network.log'));
  let result;
  if (peer === '@pact-foundation/pact') result = await run(node, VERIFY, { cwd: project.dir, env, timeoutMs: 240_000 });
  else {
    writeFileSync(join(project.dir, 'smoke.mjs'), SMOKES[peer]);
    result = await run(node, ['smoke.mjs'], { cwd: project.dir, env });
  }
  return { ...row, ok: result.code === 0, detail: result.output };
}

async function main() {
  const only = option('only')?.split(',');
  const peers = Object.keys(PKG.peerDependencies).filter((p) => PKG.peerDependenciesMeta?.[p]?.optional && (!only || only.includes(p)));
  const tarball = option('tarball') ?? (await pack());
  const jobs = [];
  for (const peer of peers) {
    const { low, high } = await ends(peer);
    for (const version of new Set([low, high])) jobs.push([peer, version]);
  }
  console.log(`peers: ${tarball}; ${jobs.map(([p, v]) => `${p}@${v}`).join(', ')}`);
  const rows = [];
  // Two at a time: installs are network-bound, smoke runs are short.
  for (let i = 0; i < jobs.length; i += 2) rows.push(...(await Promise.all(jobs.slice(i, i + 2).map(([p, v]) => check(tarball, p, v)))));
  for (const r of rows.filter((r) => !r.ok)) console.log(`\n--- FAILED ${r.peer}@${r.version} on Node ${r.node}\n${r.detail.slice(-3000)}`);
  for (const r of rows) console.log(`${`${r.peer}@${r.version}`.padEnd(40)} ${PKG.peerDependencies[r.peer].padEnd(18)} node ${r.node.padEnd(28)} ${r.ok ? 'pass' : 'FAIL'}`);
  const passed = rows.filter((r) => r.ok).length;
  console.log(`\npeers: ${passed} passed, ${rows.length - passed} failed`);
  process.exitCode = passed === rows.length ? 0 : 1;
}

await main();
