/** runners/engine/expectations.ts, data in and data out: where an expectation looks and what it wants. */
import { describe, expect, it } from 'vitest';
import { MATCHERS, deepEqual, evaluate, locate, pick } from '../../runners/engine/expectations.js';
import type { Observation } from '../../runners/targets/target.js';

const CONFIG = { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST', MaximumRetryAttempts: 1, LastModified: 1573687896.493 };
const ok: Observation = {
  status: 200,
  output: { ...CONFIG, LastModified: new Date(1573687896493) },
  wire: { status: 200, headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'r' }, bodyText: JSON.stringify(CONFIG) },
};
const notFound: Observation = {
  status: 404,
  error: { code: 'ResourceNotFoundException', message: "The function doesn't exist." },
  wire: { status: 404, headers: { 'x-amzn-errortype': 'ResourceNotFoundException' }, bodyText: '{"Type":"User","Message":"The function doesn\'t exist."}' },
};
/** A 200 the SDK could not read: an ISO LastModified. */
const unreadable: Observation = {
  status: 200,
  sdkError: { name: 'TypeError', message: 'Expected real number, got implicit NaN' },
  wire: { status: 200, headers: {}, bodyText: JSON.stringify({ ...CONFIG, LastModified: '2019-11-13T23:31:36.493Z' }) },
};
/** A mock transport: no wire. */
const mock: Observation = { status: 200, output: { ...CONFIG } };

describe('locate', () => {
  it('reads status, error members, output members, wire headers (any case) and wire body members', () => {
    expect(locate(notFound, 'status')).toEqual({ value: 404 });
    expect(locate(notFound, 'error.code')).toEqual({ value: 'ResourceNotFoundException' });
    expect(locate(ok, 'output.MaximumRetryAttempts')).toEqual({ value: 1 });
    expect(locate(ok, 'wire.header.X-Amzn-RequestId')).toEqual({ value: 'r' });
    expect(locate(ok, 'wire.body.LastModified')).toEqual({ value: 1573687896.493 });
    expect(locate(ok, 'wire.bodyText')).toEqual({ value: JSON.stringify(CONFIG) });
    expect(locate(notFound, 'wire.body.$keys')).toEqual({ value: ['Type', 'Message'] });
  });

  it('reads no output from an error answer, and the raw body where the SDK could not read it', () => {
    expect(locate(notFound, 'output.FunctionArn')).toEqual({ value: undefined });
    expect(locate(unreadable, 'output.LastModified')).toEqual({ value: '2019-11-13T23:31:36.493Z' });
    expect(locate(unreadable, 'output.Missing')).toEqual({ value: undefined });
  });

  it('skips wire checks where the transport shows no wire, reads collected values, refuses an unknown place', () => {
    expect(locate(mock, 'wire.body.FunctionArn')).toBe('skip');
    expect(locate(ok, 'collected.arns', { arns: ['a', 'b'] })).toEqual({ value: ['a', 'b'] });
    expect(locate(ok, 'collected.none')).toEqual({ value: [] });
    expect(() => locate(ok, 'headers.x')).toThrow("expectation looks at unknown place 'headers.x'");
  });
});

describe('pick', () => {
  it('follows * steps through lists, leaving out what is absent', () => {
    const list: Observation = { status: 200, output: { Items: [{ Arn: 'a', N: { x: 1 } }, { Arn: 'b' }, { N: { x: 3 } }] } };
    expect(pick(list, 'output.Items.*.Arn')).toEqual(['a', 'b']);
    expect(pick(list, 'output.Items.*.N.x')).toEqual([1, 3]);
    expect(pick(list, 'output.Missing.*.Arn')).toEqual([]);
    expect(pick(list, 'status')).toEqual([200]);
    expect(pick(mock, 'wire.body.X')).toEqual([]);
  });
});

describe('deepEqual', () => {
  it('compares JSON-like values, Dates by time, and ignores members set to undefined', () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual(new Date(5), new Date(5))).toBe(true);
    expect(deepEqual(new Date(5), 5)).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: '1' })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
  });
});

describe('MATCHERS', () => {
  it.each([
    ['epoch-seconds', 1573687896.493, true],
    ['epoch-seconds', 1573687896493, false],
    ['epoch-seconds', '1573687896', false],
    ['date', new Date(0), true],
    ['date', new Date(Number.NaN), false],
    ['non-empty-string', '', false],
    ['function-arn', CONFIG.FunctionArn, true],
    ['function-arn', 'arn:aws:sqs:us-east-1:123456789012:q', false],
    ['client-error', 404, true],
    ['client-error', 500, false],
    ['json-content-type', 'application/x-amz-json-1.1', true],
    ['json-content-type', 'text/html', false],
    ['provided-destination-config-invalid', 'The provided destination config DestinationConfig(onSuccess=null, onFailure=null) is invalid.', true],
  ] as const)('%s: %j -> %s', (matcher, value, holds) => {
    expect(MATCHERS[matcher](value)).toBe(holds);
  });

  it('epoch-seconds-with-fraction reads the raw body where it has one', () => {
    expect(MATCHERS['epoch-seconds-with-fraction'](1573687896, '{"LastModified":1573687896}')).toBe(false);
    expect(MATCHERS['epoch-seconds-with-fraction'](1573687896.5, '{"LastModified":1573687896.500}')).toBe(true);
    expect(MATCHERS['epoch-seconds-with-fraction'](1573687896)).toBe(true);
  });
});

describe('evaluate', () => {
  it('equals: passes, or fails with both values', () => {
    expect(evaluate(notFound, { at: 'status', equals: 404, evidence: 'recorded' })).toEqual({ outcome: 'pass' });
    expect(evaluate(notFound, { at: 'status', equals: 400, evidence: 'recorded' })).toEqual({ outcome: 'fail', actual: 404, expected: 400 });
  });

  it('match: names the matcher as the expected value; wire matchers see the raw body', () => {
    expect(evaluate(ok, { at: 'wire.body.LastModified', match: 'epoch-seconds-with-fraction', evidence: 'recorded' })).toEqual({ outcome: 'pass' });
    const whole: Observation = { ...ok, wire: { ...ok.wire!, bodyText: '{"LastModified":1573687896}' } };
    expect(evaluate(whole, { at: 'wire.body.LastModified', match: 'epoch-seconds-with-fraction', evidence: 'recorded' })).toEqual({
      outcome: 'fail',
      actual: 1573687896,
      expected: '<epoch-seconds-with-fraction>',
    });
  });

  it('sameMembers: any order, same members', () => {
    const list: Observation = { status: 200, output: { Q: ['2', '1', '$LATEST'] } };
    expect(evaluate(list, { at: 'output.Q', sameMembers: ['$LATEST', '1', '2'], evidence: 'recorded' })).toEqual({ outcome: 'pass' });
    expect(evaluate(list, { at: 'output.Q', sameMembers: ['$LATEST', '1'], evidence: 'recorded' }).outcome).toBe('fail');
  });

  it('absent and present: an expected-absent failure carries no expected value', () => {
    expect(evaluate(ok, { at: 'output.DestinationConfig', absent: true, evidence: 'docs' })).toEqual({ outcome: 'pass' });
    expect(evaluate(ok, { at: 'output.MaximumRetryAttempts', absent: true, evidence: 'docs' })).toEqual({ outcome: 'fail', actual: 1 });
    expect(evaluate(ok, { at: 'output.FunctionArn', present: true, evidence: 'docs' })).toEqual({ outcome: 'pass' });
    expect(evaluate(ok, { at: 'output.Nope', present: true, evidence: 'docs' })).toEqual({ outcome: 'fail', actual: undefined, expected: '<present>' });
  });

  it('skips a wire check on a transport without a wire, saying why', () => {
    expect(evaluate(mock, { at: 'wire.header.x-amzn-requestid', present: true, evidence: 'model' })).toEqual({ outcome: 'skip', reason: 'the transport does not show the raw answer' });
  });
});
