/**
 * boto3 (Python, botocore's own rest-json serialiser and error parser) against the emulator, with
 * client-side validation off so that bad values reach the server. One python run replays every
 * call (tests/support/boto3_replay.py); each call is then checked as its own test.
 */
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrange } from '../support/arrange.js';
import { awsToolEnv } from '../support/aws-env.js';
import { useServer } from '../support/server.js';
import { MSG, PATTERN, WHAT, dest, fnArn, validationMessage, violation } from '../support/spec-text.js';

const srv = useServer({ resetEach: false });
const REGION = 'us-east-1';
const FN = 'replay-fn';
const ARN = fnArn(REGION, FN);
const D = dest(REGION);
const SCRIPT = fileURLToPath(new URL('../support/boto3_replay.py', import.meta.url));

const probe = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' });
const HAS_BOTO3 = probe.status === 0;
if (!HAS_BOTO3)
  console.warn(
    '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
      "!! SKIPPED: the boto3 replay needs python3 with boto3 (`python3 -c 'import boto3'` failed):\n" +
      `!! ${String(probe.error?.message ?? probe.stderr ?? '')
        .trim()
        .split('\n')
        .at(-1)}\n` +
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n',
  );

interface Call {
  readonly id: string;
  readonly op: string;
  readonly params: Record<string, unknown>;
  /** The rule checked, with its evidence tag: the test's name. */
  readonly rule: string;
  readonly expect: { status: number; code?: string; message?: string; output?: Record<string, unknown> };
}

interface Result {
  id: string;
  ok: boolean;
  status: number;
  code?: string;
  message?: string;
  output?: Record<string, unknown>;
}

const ipve = (message: string) => ({ status: 400, code: 'InvalidParameterValueException', message });
const notFound = (message: string) => ({ status: 404, code: 'ResourceNotFoundException', message });
const invalid = (...parts: string[]) => ({ status: 400, code: 'ValidationException', message: validationMessage(...parts) });

/** The plan, in order: later calls see the state earlier ones left. */
const CALLS: Call[] = [
  {
    id: 'put-ok',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: FN, MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 0 },
    rule: '[docs] §4 Put answers the stored config',
    expect: { status: 200, output: { FunctionArn: `${ARN}:$LATEST`, MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 0, DestinationConfig: { OnSuccess: {}, OnFailure: {} } } },
  },
  {
    id: 'put-retries-3',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: FN, MaximumRetryAttempts: 3 },
    rule: '[model] §1 MaximumRetryAttempts max+1 -> ValidationException',
    expect: invalid(violation(3, 'maximumRetryAttempts', WHAT.maxValue(2))),
  },
  {
    id: 'put-retries-minus-1',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: FN, MaximumRetryAttempts: -1 },
    rule: '[model] §1 MaximumRetryAttempts min-1 -> ValidationException',
    expect: invalid(violation(-1, 'maximumRetryAttempts', WHAT.minValue(0))),
  },
  {
    id: 'put-age-59',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: FN, MaximumEventAgeInSeconds: 59 },
    rule: '[model] §1 MaximumEventAgeInSeconds min-1 -> ValidationException',
    expect: invalid(violation(59, 'maximumEventAgeInSeconds', WHAT.minValue(60))),
  },
  {
    id: 'update-age-21601',
    op: 'update_function_event_invoke_config',
    params: { FunctionName: FN, MaximumEventAgeInSeconds: 21601 },
    rule: '[model] §1 MaximumEventAgeInSeconds max+1 -> ValidationException',
    expect: invalid(violation(21601, 'maximumEventAgeInSeconds', WHAT.maxValue(21600))),
  },
  {
    id: 'put-two-violations',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: FN, MaximumRetryAttempts: 9, MaximumEventAgeInSeconds: 1 },
    rule: "[recorded] §2 several violations joined by '; '",
    expect: invalid(violation(9, 'maximumRetryAttempts', WHAT.maxValue(2)), violation(1, 'maximumEventAgeInSeconds', WHAT.minValue(60))),
  },
  {
    id: 'put-retries-string',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: FN, MaximumRetryAttempts: 'one' },
    rule: '[model] §1 a string where an integer belongs is refused with a 400',
    expect: { status: 400, code: 'InvalidRequestContentException' },
  },
  {
    id: 'put-nothing',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: FN },
    rule: '[recorded] §4 Put with no setting -> 400 InvalidParameterValueException',
    expect: ipve(MSG.atLeastOne),
  },
  {
    id: 'put-nothing-missing-fn',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: 'no-such-function' },
    rule: '[recorded] §4 Put at-least-one comes before the lookup',
    expect: ipve(MSG.atLeastOne),
  },
  {
    id: 'put-qualifier-conflict',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: `${FN}:1`, Qualifier: '2', MaximumRetryAttempts: 1 },
    rule: '[recorded] §3 qualifier in name and Qualifier differ -> 400 InvalidParameterValueException',
    expect: ipve(MSG.qualifierMismatch),
  },
  {
    id: 'get-version-vs-alias',
    op: 'get_function_event_invoke_config',
    params: { FunctionName: `${ARN}:live`, Qualifier: '1' },
    rule: '[recorded] §3 version against alias is a conflict even when the alias points at it',
    expect: ipve(MSG.qualifierMismatch),
  },
  {
    id: 'delete-conflict-missing-fn',
    op: 'delete_function_event_invoke_config',
    params: { FunctionName: 'no-such-function:1', Qualifier: '2' },
    rule: '[recorded] §3 the conflict comes before any existence check',
    expect: ipve(MSG.qualifierMismatch),
  },
  {
    id: 'put-missing-fn',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: 'no-such-function', MaximumRetryAttempts: 1 },
    rule: '[recorded] §4 Put on a missing function -> 404 "The function doesn\'t exist."',
    expect: notFound(MSG.functionDoesNotExist),
  },
  {
    id: 'put-missing-version',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: FN, Qualifier: '42', MaximumRetryAttempts: 1 },
    rule: '[recorded] §4 Put with a qualifier naming no version -> 404',
    expect: notFound(MSG.functionDoesNotExist),
  },
  {
    id: 'get-missing-fn',
    op: 'get_function_event_invoke_config',
    params: { FunctionName: 'no-such-function' },
    rule: '[recorded] §4 Get on a missing function -> 404 "... doesn\'t have an EventInvokeConfig"',
    expect: notFound(MSG.noConfig(fnArn(REGION, 'no-such-function', '$LATEST'))),
  },
  {
    id: 'get-1221',
    op: 'get_function_event_invoke_config',
    params: { FunctionName: FN, Qualifier: '1221' },
    rule: '[recorded] §4 Get does not check the qualifier exists (1221)',
    expect: notFound(MSG.noConfig(`${ARN}:1221`)),
  },
  {
    id: 'update-no-config',
    op: 'update_function_event_invoke_config',
    params: { FunctionName: FN, Qualifier: 'live', MaximumRetryAttempts: 1 },
    rule: '[recorded] §4 Update without a config -> 404, never creates',
    expect: notFound(MSG.noConfig(`${ARN}:live`)),
  },
  {
    id: 'list-missing-fn',
    op: 'list_function_event_invoke_configs',
    params: { FunctionName: 'no-such-function' },
    rule: '[recorded] §4 List on a missing function -> 404 "The function doesn\'t exist."',
    expect: notFound(MSG.functionDoesNotExist),
  },
  {
    id: 'put-other-region',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: fnArn('eu-central-1', FN), MaximumRetryAttempts: 1 },
    rule: '[recorded] §3 a full ARN naming another region -> 404',
    expect: notFound(MSG.unreachable('eu-central-1', REGION)),
  },
  {
    id: 'list-other-region',
    op: 'list_function_event_invoke_configs',
    params: { FunctionName: fnArn('us-west-2', FN) },
    rule: '[recorded] §3 List with another region ARN -> 404',
    expect: notFound(MSG.unreachable('us-west-2', REGION)),
  },
  {
    id: 'list-maxitems-0',
    op: 'list_function_event_invoke_configs',
    params: { FunctionName: FN, MaxItems: 0 },
    rule: '[model] §1 MaxItems min-1 -> ValidationException',
    expect: invalid(violation(0, 'maxItems', WHAT.minValue(1))),
  },
  {
    id: 'list-maxitems-51',
    op: 'list_function_event_invoke_configs',
    params: { FunctionName: FN, MaxItems: 51 },
    rule: '[model] §1 MaxItems max+1 -> ValidationException',
    expect: invalid(violation(51, 'maxItems', WHAT.maxValue(50))),
  },
  {
    id: 'put-bad-destination',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: FN, DestinationConfig: { OnFailure: { Destination: 'not-an-arn' } } },
    rule: '[recorded] §5 a malformed destination ARN -> 400 ValidationException',
    expect: invalid(violation('not-an-arn', 'destinationConfig.onFailure.destination', WHAT.pattern(PATTERN.destination))),
  },
  {
    id: 'put-iam-destination',
    op: 'put_function_event_invoke_config',
    params: { FunctionName: FN, DestinationConfig: { OnSuccess: { Destination: D.iam } } },
    rule: '[recorded] §5 a service that is not a destination type -> 400',
    expect: ipve(MSG.destinationConfigInvalid(D.iam, null)),
  },
  {
    id: 'update-self-destination',
    op: 'update_function_event_invoke_config',
    params: { FunctionName: FN, DestinationConfig: { OnFailure: { Destination: ARN } } },
    rule: '[recorded] §5 the function as its own destination -> 400',
    expect: ipve(MSG.destinationIsSelf),
  },
  {
    id: 'update-missing-lambda-destination',
    op: 'update_function_event_invoke_config',
    params: { FunctionName: FN, DestinationConfig: { OnFailure: { Destination: fnArn(REGION, 'ghost') } } },
    rule: '[recorded] §5 a Lambda destination that does not exist -> 400',
    expect: ipve(MSG.destinationArnInvalid(fnArn(REGION, 'ghost'))),
  },
  {
    id: 'update-merge',
    op: 'update_function_event_invoke_config',
    params: { FunctionName: FN, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: D.sqs } } },
    rule: '[recorded] §4 Update merges into the stored config',
    expect: {
      status: 200,
      output: { FunctionArn: `${ARN}:$LATEST`, MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 2, DestinationConfig: { OnSuccess: {}, OnFailure: { Destination: D.sqs } } },
    },
  },
  { id: 'list-one', op: 'list_function_event_invoke_configs', params: { FunctionName: FN }, rule: '[recorded] §4 List holds the config with its qualified FunctionArn', expect: { status: 200 } },
  { id: 'delete-ok', op: 'delete_function_event_invoke_config', params: { FunctionName: FN }, rule: '[recorded] §4 Delete answers 204', expect: { status: 204, output: {} } },
  { id: 'delete-again', op: 'delete_function_event_invoke_config', params: { FunctionName: FN }, rule: '[recorded] §4 Delete is not idempotent', expect: notFound(MSG.noConfig(`${ARN}:$LATEST`)) },
];

describe.skipIf(!HAS_BOTO3)('boto3 replay (Config(parameter_validation=False))', () => {
  let results: Map<string, Result>;
  let botocoreVersion = '';

  beforeAll(async () => {
    await arrange(srv.client(), FN, { versions: 1, aliases: { live: '1' } });
    const plan = { endpoint: srv.url, region: REGION, calls: CALLS.map(({ id, op, params }) => ({ id, op, params })) };
    const { stdout } = await promisify(execFile)('python3', [SCRIPT, JSON.stringify(plan)], { env: awsToolEnv(), timeout: 30_000 });
    const parsed = JSON.parse(stdout) as { botocore: string; results: Result[] };
    botocoreVersion = parsed.botocore;
    results = new Map(parsed.results.map((r) => [r.id, r]));
  });

  it('replays every call of the plan', () => {
    expect(botocoreVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect([...results.keys()]).toEqual(CALLS.map((c) => c.id));
  });

  for (const call of CALLS)
    it(`${call.rule} (${call.id})`, () => {
      const got = results.get(call.id)!;
      expect(got.status).toBe(call.expect.status);
      if (call.expect.code !== undefined) expect([got.ok, got.code]).toEqual([false, call.expect.code]);
      if (call.expect.message !== undefined) expect(got.message).toBe(call.expect.message);
      if (call.expect.output !== undefined) {
        const { LastModified, ...rest } = got.output ?? {};
        expect(rest).toEqual(call.expect.output);
        if (call.expect.status === 200) expect(Math.abs((LastModified as number) - Date.now() / 1000)).toBeLessThan(120);
      }
      if (call.expect.status < 300) expect(got.ok).toBe(true);
    });

  it('[recorded] §4 List via boto3 parses each config with its qualified FunctionArn and LastModified', () => {
    const list = results.get('list-one')!.output as { FunctionEventInvokeConfigs: Array<Record<string, unknown>> };
    expect(list.FunctionEventInvokeConfigs).toHaveLength(1);
    expect(list.FunctionEventInvokeConfigs[0]).toMatchObject({ FunctionArn: `${ARN}:$LATEST`, MaximumRetryAttempts: 2 });
    expect(typeof list.FunctionEventInvokeConfigs[0]!.LastModified).toBe('number');
  });

  it('[model] §1 a string where an integer belongs: the 400 names the member and the type', () => {
    const got = results.get('put-retries-string')!;
    expect(got.message).toMatch(/MaximumRetryAttempts/);
    expect(got.message).toMatch(/integer/);
  });
});
