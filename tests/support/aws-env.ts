/** A clean environment for the AWS CLI and boto3: dummy credentials, no profile, no config files. */
import { DUMMY_CREDENTIALS } from './client.js';

/**
 * The caller's environment without any inherited `AWS_*` variable, plus dummy credentials.
 * @example execFile('aws', [...], { env: awsToolEnv() })
 */
export function awsToolEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: '/nonexistent/lambda-eic-test/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/lambda-eic-test/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_DEFAULT_OUTPUT: 'json',
    AWS_MAX_ATTEMPTS: '1',
  };
}
