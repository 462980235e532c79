/** The pure helpers of provider verification: request rewriting, result parsing, baselines. */
import { describe, expect, it } from 'vitest';
import { applyPactBaseline, interactionId } from '../../runners/pact/baseline.js';
import { mismatchLine, parseVerifierOutput } from '../../runners/pact/results.js';
import { queryString, replacer, rewriteJson, rewritePath, rewriteQuery } from '../../runners/pact/rewrite.js';
import { withStateProblems } from '../../runners/pact/verify.js';
import { CONTRACT_VARS } from '../../contracts/values.js';

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
    expect(query).toEqual([['Qualifier', '$LATEST'], ['Marker', 'eic-ab12-3']]);
    expect(queryString(query)).toBe('Qualifier=%24LATEST&Marker=eic-ab12-3');
    expect(rewriteJson({ DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:destination' } }, MaximumRetryAttempts: 1 }, replace)).toEqual({
      DestinationConfig: { OnFailure: { Destination: 'arn:aws-cn:sqs:eu-west-1:210987654321:destination' } },
      MaximumRetryAttempts: 1,
    });
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
          reasons: ['body $.MaximumEventAgeInSeconds: Expected 60 but was missing', 'status: expected 200 but was 500', "header x-amzn-RequestId: Expected a header 'x-amzn-RequestId' but was missing"],
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
