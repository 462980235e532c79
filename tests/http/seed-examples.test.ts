/**
 * The worked examples of the seed pages (/work/shared/seeds), run against the emulator and compared
 * with their documented output, LastModified aside [docs]:
 *   - 002 boto3 put_function_event_invoke_config (age 3600 s, no retries), via @aws-sdk/client-lambda;
 *   - 000 boto3 update_function_event_invoke_config (add an on-failure SQS destination), via the SDK;
 *   - 004 AWS CLI `aws lambda update-function-event-invoke-config`, via the real `aws` CLI v1.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { PutFunctionEventInvokeConfigCommand, UpdateFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { arrange } from '../support/arrange.js';
import { awsToolEnv } from '../support/aws-env.js';
import { useServer } from '../support/server.js';

const srv = useServer({ region: 'us-east-2' });
const REGION = 'us-east-2';

/** seeds/002, "Expected Output" (ResponseMetadata and LastModified aside). */
const PUT_EXAMPLE_OUTPUT = {
  DestinationConfig: { OnFailure: {}, OnSuccess: {} },
  FunctionArn: 'arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST',
  MaximumEventAgeInSeconds: 3600,
  MaximumRetryAttempts: 0,
};
/** seeds/000, "Expected Output" (ResponseMetadata and LastModified aside). */
const UPDATE_EXAMPLE_OUTPUT = {
  DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-2:123456789012:destination' }, OnSuccess: {} },
  FunctionArn: 'arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST',
  MaximumEventAgeInSeconds: 3600,
  MaximumRetryAttempts: 0,
};
/** seeds/004, "Output", verbatim. */
const CLI_EXAMPLE_OUTPUT = `{
"LastModified": 1573687896.493,
"FunctionArn": "arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST",
"MaximumRetryAttempts": 0,
"MaximumEventAgeInSeconds": 3600,
"DestinationConfig": {
"OnSuccess": {},
"OnFailure": {
"Destination": "arn:aws:sqs:us-east-2:123456789012:destination"
}
}
}`;

const withoutVolatile = (out: object): Record<string, unknown> => {
  const { $metadata: _m, LastModified: _l, ...rest } = out as Record<string, unknown>;
  return rest;
};

const awsCli = spawnSync('aws', ['--version'], { encoding: 'utf8' });
const HAS_AWS_CLI = awsCli.status === 0;
if (!HAS_AWS_CLI)
  console.warn(
    '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
      '!! SKIPPED: the AWS CLI example (seed 004) needs the `aws` command on PATH, and it is   !!\n' +
      `!! absent here (${String(awsCli.error?.message ?? awsCli.stderr ?? 'no output')
        .trim()
        .slice(0, 60)}).\n` +
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n',
  );

describe('seed examples [docs]', () => {
  it('[docs] seed 002: boto3 put example (age 3600, retries 0) then seed 000: update example (OnFailure SQS), region us-east-2', async () => {
    const lambda = srv.client({ region: REGION });
    await arrange(lambda, 'my-function');
    const put = await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 0 }));
    expect(withoutVolatile(put)).toEqual(PUT_EXAMPLE_OUTPUT);
    expect(put.LastModified).toBeInstanceOf(Date);
    const update = await lambda.send(
      new UpdateFunctionEventInvokeConfigCommand({
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-2:123456789012:destination' } },
        FunctionName: 'my-function',
      }),
    );
    expect(withoutVolatile(update)).toEqual(UPDATE_EXAMPLE_OUTPUT);
    expect(update.LastModified!.getTime()).toBeGreaterThanOrEqual(put.LastModified!.getTime());
  });

  it.skipIf(!HAS_AWS_CLI)('[docs] seed 004: the AWS CLI v1 update example prints the documented output (LastModified aside)', async () => {
    const lambda = srv.client({ region: REGION });
    await arrange(lambda, 'my-function');
    await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 0 }));
    const { stdout } = await promisify(execFile)(
      'aws',
      [
        '--endpoint-url',
        srv.url,
        '--region',
        REGION,
        'lambda',
        'update-function-event-invoke-config',
        '--function-name',
        'my-function',
        '--destination-config',
        '{"OnFailure":{"Destination": "arn:aws:sqs:us-east-2:123456789012:destination"}}',
      ],
      {
        env: awsToolEnv(),
        timeout: 20_000,
      },
    );
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    const documented = JSON.parse(CLI_EXAMPLE_OUTPUT) as Record<string, unknown>;
    expect(withoutVolatile(printed)).toEqual(withoutVolatile(documented));
    // LastModified: the CLI prints the wire value, epoch seconds as a number, like the documented 1573687896.493.
    expect(typeof printed.LastModified).toBe('number');
    expect(Math.abs((printed.LastModified as number) - Date.now() / 1000)).toBeLessThan(60);
    expect(Object.keys(printed).sort()).toEqual(Object.keys(documented).sort());
  });
});
