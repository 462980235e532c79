/**
 * The handler splits plain request targets without a URL parser; it must read every target as
 * `new URL(target)` does (path as sent, same query parameters, same normalised path in messages).
 */
import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/http/handler.js';

const TARGETS = [
  '/2019-09-25/functions/f/event-invoke-config',
  '/2019-09-25/functions/f/event-invoke-config?Qualifier=1',
  '/2019-09-25/functions/my-function%3A%24LATEST/event-invoke-config?Qualifier=%24LATEST',
  "/2019-09-25/functions/f/event-invoke-config?Qualifier='a'&x=(1)*!",
  '/2019-09-25/functions/f/event-invoke-config/list?Marker=ZWljOjE%3D&MaxItems=2',
  '/2019-09-25/functions/f/event-invoke-config?Qualifier=a+b&Qualifier=c',
  '/2019-09-25/functions/f/event-invoke-config?Qualifier=%zz&=&&k',
  '/2019-09-25/functions/a/../b/event-invoke-config?',
  '/2019-09-25/functions/a/./b/%2e%2e/event-invoke-config',
  '/2015-03-31/functions/',
  '/?',
  '/',
  '//evil.example/2019-09-25/functions/f/event-invoke-config',
  '/2019-09-25/functions/f/event-invoke-config#frag?Qualifier=1',
  '/2019-09-25/functions/f/event-invoke-config?Qualifier=a#b',
  '/2019-09-25/functions/f/event-invoke-config?Qualifier=a b"<>`{}|^',
  '/2019-09-25/functions/f\\..\\event-invoke-config',
  'http://lambda.us-east-1.amazonaws.com/2019-09-25/functions/f/event-invoke-config?Qualifier=1',
  '/2019-09-25/functions/f/event-invoke-config?Qualifier=\u00e9',
];

describe('request targets', () => {
  it.each(TARGETS)('%s reads as the URL parser reads it', (target) => {
    const fast = parseTarget(target)!;
    const reference = parseTarget(target, true)!;
    expect(fast.rawPath).toBe(reference.rawPath);
    expect([...fast.query]).toEqual([...reference.query]);
    expect(fast.pathname()).toBe(reference.pathname());
  });

  it('a target no URL parser takes is undefined either way', () => {
    expect(parseTarget('http://[bad/x')).toBeUndefined();
    expect(parseTarget('http://[bad/x', true)).toBeUndefined();
  });
});
