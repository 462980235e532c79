/** parseFunctionName, functionArn and wholeMatch: the three name forms of aws-behaviour.md section 3. */
import { describe, expect, it } from 'vitest';
import { functionArn, parseFunctionName, wholeMatch } from '../../src/model/names.js';

describe('parseFunctionName', () => {
  it.each([
    ['my-function', { name: 'my-function', isArn: false }],
    ['my-function:v1', { name: 'my-function', qualifier: 'v1', isArn: false }],
    ['my-function:$LATEST', { name: 'my-function', qualifier: '$LATEST', isArn: false }],
    ['my-function:7', { name: 'my-function', qualifier: '7', isArn: false }],
    ['my.function_v2', { name: 'my.function_v2', isArn: false }],
    ['123456789012:function:my-function', { name: 'my-function', account: '123456789012', isArn: true }],
    ['123456789012:function:my-function:live', { name: 'my-function', account: '123456789012', qualifier: 'live', isArn: true }],
    ['arn:aws:lambda:us-west-2:123456789012:function:my-function', { name: 'my-function', partition: 'aws', region: 'us-west-2', account: '123456789012', isArn: true }],
    [
      'arn:aws:lambda:us-west-2:123456789012:function:my-function:$LATEST.PUBLISHED',
      { name: 'my-function', partition: 'aws', region: 'us-west-2', account: '123456789012', qualifier: '$LATEST.PUBLISHED', isArn: true },
    ],
    ['arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f:1', { name: 'f', partition: 'aws-us-gov', region: 'us-gov-west-1', account: '123456789012', qualifier: '1', isArn: true }],
    ['arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:f', { name: 'f', partition: 'aws-iso-b', region: 'us-isob-east-1', account: '123456789012', isArn: true }],
  ])('%s', (value, expected) => {
    expect(parseFunctionName(value)).toEqual(expected);
  });

  it.each(['', 'my function', 'f!', 'f:a:b', 'arn:aws:lambda:us-east-1:123:function:f', 'f/g', 'f:live!'])('refuses %j (not the model pattern)', (value) => {
    expect(parseFunctionName(value)).toBeUndefined();
  });
});

describe('functionArn', () => {
  const ctx = { partition: 'aws', region: 'us-east-2', account: '123456789012' };
  it('builds the unqualified and the qualified ARN', () => {
    expect(functionArn(ctx, 'my-function')).toBe('arn:aws:lambda:us-east-2:123456789012:function:my-function');
    expect(functionArn(ctx, 'my-function', '$LATEST')).toBe('arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST');
    expect(functionArn({ ...ctx, partition: 'aws-cn', region: 'cn-north-1' }, 'f', 'live')).toBe('arn:aws-cn:lambda:cn-north-1:123456789012:function:f:live');
  });
});

describe('wholeMatch', () => {
  it('anchors the whole alternation, so a leading "$|" branch does not accept everything', () => {
    const re = wholeMatch('$|kafka://x|arn:.*');
    expect(['', 'kafka://x', 'arn:aws:sqs'].map((v) => re.test(v))).toEqual([true, true, true]);
    expect(['xarn:aws', 'kafka://xy', 'anything'].map((v) => re.test(v))).toEqual([false, false, false]);
  });
});
