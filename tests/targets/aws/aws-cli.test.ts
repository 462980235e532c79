/** Usage errors of `run --target aws`, `cleanup` and `serve --realism`: one line, exit 2, no stack, no call. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const cli = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/lambda-eic.js', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

/** No credentials, no region, no config files, no instance metadata: nothing to find. */
const bareEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return { ...env, AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/k', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
};

describe('usage errors', () => {
  it.each([
    [['run', '--plan'], '--plan goes with --target aws'],
    [['run', '--target', 'aws', '--allow-account', '1234'], '--allow-account must be a 12-digit account id'],
    [['run', '--target', 'aws', '--role-arn', 'my-role'], '--role-arn must be an IAM role ARN'],
    [['run', '--target', 'aws', '--max-rps', '500'], '--max-rps must be a whole number from 1 to 100'],
    [['run', '--target', 'aws', '--timeout', '10'], '--timeout must be a duration such as 90s, 30m, 1h or 2d'],
    [['cleanup'], '--target aws is required'],
    [['cleanup', '--target', 'aws'], '--allow-account ID is required to delete anything'],
    [['cleanup', '--target', 'aws', '--plan', '--older-than', 'yesterday'], '--older-than must be a duration'],
    [['serve', '--realism', 'gcp'], "--realism must be 'aws'"],
    [['serve', '--realism-timings', 'pending=1'], '--realism-timings, --realism-rps and --credentials go with --realism aws'],
    [['serve', '--realism', 'aws', '--realism-timings', 'soon=1'], 'timings are pending=MS'],
  ])('%j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('without a region or credentials, --target aws stops with one line and exit 2', async () => {
    const noRegion = await cli(['run', '--target', 'aws', '--plan'], bareEnv());
    expect(noRegion.code).toBe(2);
    expect(noRegion.stderr.trim()).toBe('lambda-eic run: no AWS region: pass --region, or set AWS_REGION or a region in your profile');
    const noCredentials = await cli(['run', '--target', 'aws', '--plan', '--region', 'eu-west-1'], bareEnv());
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toMatch(/^lambda-eic run: cannot learn the account \(STS GetCallerIdentity at https:\/\/sts\.eu-west-1\.amazonaws\.com\): /);
    expect(noCredentials.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
