/** `lambda-eic record`'s normalisers: run values to placeholders, matchers kept, differences by path. */
import { describe, expect, it } from 'vitest';
import { differences, normalise, substitute } from '../../runners/record/normalise.js';
import { substitutionsOf } from '../../runners/record/record-fixture.js';

const subs = substitutionsOf({
  fn: 'eic-ab12cd-r1',
  fn2: 'eic-ab12cd-r1-b',
  account: '111122223333',
  region: 'eu-west-1',
  partition: 'aws',
  otherRegion: 'us-west-2',
  queue: 'eic-ab12cd-queue',
  '@saved': 'x',
});

describe('normalise', () => {
  it('replaces run values by placeholders, longest first, in one pass', () => {
    expect(substitute('arn:aws:lambda:eu-west-1:111122223333:function:eic-ab12cd-r1-b:1', subs)).toBe('arn:{partition}:lambda:{region}:{account}:function:{fn2}:1');
    expect(substitute("Functions from 'us-west-2' are not reachable in this region ('eu-west-1')", subs)).toBe("Functions from '{otherRegion}' are not reachable in this region ('{region}')");
    expect(substitute('arn:aws:sqs:eu-west-1:111122223333:eic-ab12cd-queue', subs)).toBe('arn:{partition}:sqs:{region}:{account}:{queue}');
    expect(subs.some(([, p]) => p === '{@saved}')).toBe(false);
  });

  it('keeps a committed matcher the value satisfies, and turns LastModified and NextMarker into matchers', () => {
    const committed = { FunctionArn: { $match: 'function-arn' }, MaximumRetryAttempts: 1 };
    const recorded = normalise(
      { FunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:eic-ab12cd-r1:$LATEST', MaximumRetryAttempts: 1, LastModified: 1764500000.123, NextMarker: 'abc' },
      committed,
      subs,
    );
    expect(recorded).toEqual({ FunctionArn: { $match: 'function-arn' }, MaximumRetryAttempts: 1, LastModified: { $match: 'epoch-seconds' }, NextMarker: { $match: 'non-empty-string' } });
    expect(normalise({ FunctionArn: 'not an arn' }, committed, subs)).toEqual({ FunctionArn: 'not an arn' });
  });

  it('lists every difference by path, absent values included', () => {
    expect(differences({ status: 404, body: { Type: 'User', Message: 'a' } }, { status: 404, body: { Message: 'b', Extra: 1 } })).toEqual([
      { path: 'body.Type', committed: 'User', recorded: undefined },
      { path: 'body.Message', committed: 'a', recorded: 'b' },
      { path: 'body.Extra', committed: undefined, recorded: 1 },
    ]);
    expect(differences({ a: [1, { $match: 'epoch-seconds' }] }, { a: [1, { $match: 'epoch-seconds' }] })).toEqual([]);
  });
});
