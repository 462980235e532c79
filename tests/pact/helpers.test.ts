/** The pure helpers of provider verification: request rewriting, result parsing, baselines. */
import { describe, expect, it } from 'vitest';
import { applyPactBaseline, interactionId } from '../../runners/pact/baseline.js';
import { mismatchLine, parseVerifierOutput } from '../../runners/pact/results.js';
import { queryString, replacer, rewriteJson, rewritePath, rewriteQuery } from '../../runners/pact/rewrite.js';
import { withStateProblems } from '../../runners/pact/verify.js';
import { CONTRACT_VARS, PACT_FILE } from '../../contracts/values.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VerificationSession } from '../../runners/pact/session.js';
import { PLACEHOLDER, fill } from '../../cases/placeholders.js';
import { packageRoot } from '../../cases/fixtures.js';
import type { Identity, Target } from '../../runners/targets/target.js';

const run = { fn: 'eic-ab12-3', fn2: 'eic-ab12-3-b', account: '210987654321', region: 'eu-west-1', partition: 'aws-cn', otherRegion: 'us-west-2' };
const replace = replacer(CONTRACT_VARS, run);

describe('rewriting a contract request for a run', () => {
  it('replaces names, account, regions and the ARN partition all at once', () => {
    expect(replace('arn:aws:lambda:us-east-1:123456789012:function:my-function and my-other-function, not eu-west-1')).toBe(
      'arn:aws-cn:lambda:eu-west-1:210987654321:function:eic-ab12-3 and eic-ab12-3-b, not us-west-2',
    );
    expect(replace('aws and my-function-missing')).toBe('aws and eic-ab12-3-missing');
    expect(replacer(CONTRACT_VARS, CONTRACT_VARS)('my-function')).toBe('my-function');
  });

  it('re-encodes a changed path segment as the SDK does and keeps the others as sent', () => {
    expect(rewritePath('/2019-09-25/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Amy-function%3A%24LATEST/event-invoke-config', replace)).toBe(
      '/2019-09-25/functions/arn%3Aaws-cn%3Alambda%3Aeu-west-1%3A210987654321%3Afunction%3Aeic-ab12-3%3A%24LATEST/event-invoke-config',
    );
    expect(rewritePath('/2019-09-25/functions/other/event-invoke-config/list', replace)).toBe('/2019-09-25/functions/other/event-invoke-config/list');
  });

  it('rewrites query values and JSON bodies member by member', () => {
    const query = rewriteQuery('Qualifier=%24LATEST&Marker=my-function', replace);
    expect(query).toEqual([
      ['Qualifier', '$LATEST'],
      ['Marker', 'eic-ab12-3'],
    ]);
    expect(queryString(query)).toBe('Qualifier=%24LATEST&Marker=eic-ab12-3');
    expect(rewriteJson({ DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:destination' } }, MaximumRetryAttempts: 1 }, replace)).toEqual({
      DestinationConfig: { OnFailure: { Destination: 'arn:aws-cn:sqs:eu-west-1:210987654321:destination' } },
      MaximumRetryAttempts: 1,
    });
  });
});

describe('provider-state params and destinations', () => {
  const target = { label: 'stub', destinationNames: undefined } as unknown as Target;
  const identity = { account: '210987654321', region: 'eu-west-1', partition: 'aws' } as Identity;

  it('a run fills every placeholder kind, destinations included', () => {
    const vars = new VerificationSession(target, identity, 'eic-ab12').runVars(3);
    const params = { Destination: 'arn:{partition}:sqs:{region}:{account}:{queue}', Other: '{queue2} {topic} {bucket} {bus} {fn} {fn2} {otherRegion}' };
    const filled = fill(params, vars);
    expect(JSON.stringify(filled)).not.toMatch(new RegExp(PLACEHOLDER.source));
    expect(filled.Destination).toBe('arn:aws:sqs:eu-west-1:210987654321:eic-destination');
    const real = { ...target, destinationNames: { queue: 'eic-ab12-queue', bus: 'eic-ab12-bus' } } as unknown as Target;
    expect(new VerificationSession(real, identity, 'eic-ab12').runVars(3)).toMatchObject({ queue: 'eic-ab12-queue', queue2: 'eic-destination-2', bus: 'eic-ab12-bus' });
  });

  it("the contract's destination names become the run's, only where they end an ARN", () => {
    const swap = replacer(CONTRACT_VARS, { ...CONTRACT_VARS, queue: 'eic-q', queue2: 'eic-q-2', bucket: 'eic-b', bus: 'eic-bus', topic: 'eic-t' });
    expect(swap('arn:aws:sqs:us-east-1:123456789012:destination')).toBe('arn:aws:sqs:us-east-1:123456789012:eic-q');
    expect(swap('arn:aws:sqs:us-east-1:123456789012:destination-2')).toBe('arn:aws:sqs:us-east-1:123456789012:eic-q-2');
    expect(swap('arn:aws:s3:::bucket')).toBe('arn:aws:s3:::eic-b');
    expect(swap('arn:aws:events:us-east-1:123456789012:event-bus/default')).toBe('arn:aws:events:us-east-1:123456789012:event-bus/eic-bus');
    expect(swap('(destination=arn:aws:sns:us-east-1:123456789012:topic), onFailure=null')).toBe('(destination=arn:aws:sns:us-east-1:123456789012:eic-t), onFailure=null');
    expect(swap('a destination topic in a bucket by default; arn:x:destination-missing')).toBe('a destination topic in a bucket by default; arn:x:destination-missing');
  });

  it("every generated pact's state params become placeholder-free run values", () => {
    const pact = JSON.parse(readFileSync(join(packageRoot(), 'contracts', 'pacts', PACT_FILE), 'utf8')) as { interactions: { providerStates?: { params?: unknown }[] }[] };
    const session = new VerificationSession(target, identity, 'eic-ab12');
    const vars = session.runVars(1);
    const replace = replacer(CONTRACT_VARS, vars);
    const params = pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.params)).filter((p) => p !== undefined);
    expect(JSON.stringify(params)).toMatch(/\{queue2?\}/);
    for (const p of params) expect(JSON.stringify(rewriteJson(fill(p, vars), replace))).not.toMatch(new RegExp(PLACEHOLDER.source));
  });
});

const output = JSON.stringify({
  errors: [
    {
      interaction: 'Verifying a pact between c and p Given function my-function exists - aws.update-merges: Update merges',
      mismatch: {
        type: 'mismatches',
        mismatches: [
          { type: 'BodyMismatch', path: '$.MaximumEventAgeInSeconds', mismatch: 'Expected 60 but was missing' },
          { type: 'StatusMismatch', mismatch: 'expected 200 but was 500' },
          { type: 'HeaderMismatch', key: 'x-amzn-RequestId', mismatch: "Expected a header 'x-amzn-RequestId' but was missing" },
        ],
      },
    },
    { interaction: 'Failed to load pact', mismatch: { type: 'error', message: 'No pacts found' } },
  ],
  interactionResults: [
    { description: 'aws.get-existing: Get answers the stored config', result: 'OK' },
    { description: 'aws.update-merges: Update merges', result: 'Error' },
  ],
  pendingErrors: [],
});

describe('reading the core result', () => {
  it('gives one result per interaction with one line per mismatch, and the load errors apart', () => {
    expect(parseVerifierOutput(output)).toEqual({
      interactions: [
        { description: 'aws.get-existing: Get answers the stored config', status: 'passed', reasons: [] },
        {
          description: 'aws.update-merges: Update merges',
          status: 'failed',
          reasons: [
            'body $.MaximumEventAgeInSeconds: Expected 60 but was missing',
            'status: expected 200 but was 500',
            "header x-amzn-RequestId: Expected a header 'x-amzn-RequestId' but was missing",
          ],
        },
      ],
      loadErrors: ['Failed to load pact: No pacts found'],
    });
    expect(parseVerifierOutput('Verification was unable to run')).toBeUndefined();
    expect(mismatchLine({ message: '\u001b[31mred\u001b[0m  text' })).toBe('red text');
  });

  it('puts a state problem in place of the mismatches of the answer given instead of the target', () => {
    const { interactions } = parseVerifierOutput(output)!;
    const merged = withStateProblems(interactions, [{ interaction: 2, states: ['the moon is full'], message: "provider state 'the moon is full': no handler" }]);
    expect(merged[1]).toEqual({ description: 'aws.update-merges: Update merges', status: 'failed', reasons: ["provider state 'the moon is full': no handler"] });
    expect(merged[0]!.status).toBe('passed');
  });
});

describe('pact baselines', () => {
  it('mark known failures, known interactions that pass now, and stale entries', () => {
    const { interactions } = parseVerifierOutput(output)!;
    const { results, stale } = applyPactBaseline(interactions, {
      known: [
        { id: 'aws.update-merges', reason: 'merges wrong' },
        { id: 'aws.get-existing', reason: 'was wrong once' },
        { id: 'aws.gone', reason: 'no such interaction' },
      ],
    });
    expect(results.map((r) => [interactionId(r.description), r.status])).toEqual([
      ['aws.get-existing', 'fixed'],
      ['aws.update-merges', 'known'],
    ]);
    expect(stale).toEqual(['aws.gone']);
  });
});
