/** The pure pieces of the contracts: wire form, placeholder regexes, state vocabulary, stable file. */
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../src/spec/shapes.js';
import { loadFixtures } from '../cases/fixtures.js';
import { fill } from '../cases/placeholders.js';
import { toInteraction } from './interactions.js';
import { EPOCH_SECONDS, EPOCH_SECONDS_WITH_FRACTION, configsInAnyOrder, hasPlaceholder, responseBody, templateRegex } from './matchers.js';
import { stablePact } from './pact-file.js';
import { StateError, givenOf, statesOf, stateNames, STATE_REGISTRY } from './states.js';
import { CONTRACT_VARS } from './values.js';
import { encodeLabel, wireCall } from '../src/http/wire.js';

const fixtures = [...loadFixtures('docs'), ...loadFixtures('aws'), ...loadFixtures('spec')];

describe('wireCall', () => {
  it('puts FunctionName in the path encoded as the SDK does, Qualifier in the query, settings in the body', () => {
    expect(wireCall('PutFunctionEventInvokeConfig', { FunctionName: 'f:$LATEST', Qualifier: '$LATEST', MaximumRetryAttempts: 1 })).toEqual({
      method: 'PUT',
      path: '/2019-09-25/functions/f%3A%24LATEST/event-invoke-config',
      query: { Qualifier: '$LATEST' },
      body: { MaximumRetryAttempts: 1 },
    });
    expect(wireCall('ListFunctionEventInvokeConfigs', { FunctionName: 'f', MaxItems: 2, Marker: 'm' })).toEqual({
      method: 'GET',
      path: '/2019-09-25/functions/f/event-invoke-config/list',
      query: { Marker: 'm', MaxItems: '2' },
    });
    expect(wireCall('PutFunctionEventInvokeConfig', { FunctionName: 'f' }).body).toEqual({});
    expect(() => wireCall('GetFunctionEventInvokeConfig', { FunctionName: 'f', Extra: 1 })).toThrow(/no member Extra/);
  });

  it('encodes labels like the SDK (RFC 3986)', () => {
    expect(encodeLabel("arn:aws:lambda:us-east-1:123456789012:function:f(1)!'*")).toBe('arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af%281%29%21%27%2A');
  });
});

describe('placeholder regexes', () => {
  const arn = 'arn:{partition}:lambda:{region}:{account}:function:{fn}:$LATEST';
  const re = new RegExp(templateRegex(arn));

  it('match the contract value and any run values, and nothing else', () => {
    expect(re.test(fill(arn, CONTRACT_VARS))).toBe(true);
    expect(re.test('arn:aws-us-gov:lambda:us-gov-west-1:210987654321:function:eic-ab12-7:$LATEST')).toBe(true);
    expect(re.test('arn:aws:lambda:us-east-1:123456789012:function:my-function')).toBe(false);
    expect(re.test('arn:aws:lambda:us-east-1:123456789012:function:my-function:1')).toBe(false);
    expect(re.test('xarn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST')).toBe(false);
  });

  it('are narrower than the FunctionArn pattern of the model', () => {
    const model = new RegExp(`^(?:${PATTERNS.functionArn})$`);
    for (const v of ['arn:aws:lambda:eu-west-1:123456789012:function:a_b-c:$LATEST', 'arn:aws-cn:lambda:cn-north-1:123456789012:function:x:$LATEST'])
      expect([re.test(v), model.test(v)]).toEqual([true, true]);
  });

  it('escape the literal text, and leave strings without placeholders alone', () => {
    expect(templateRegex("Functions from '{otherRegion}' (x)")).toMatch(/^\^Functions from '\(.*\)' \\\(x\\\)\$$/);
    expect(hasPlaceholder("The function doesn't exist.")).toBe(false);
    expect(responseBody({ Message: 'plain', N: 1, A: [{}] })).toEqual({ Message: 'plain', N: 1, A: [{}] });
  });

  it('turn $match markers into matchers and refuse unknown ones', () => {
    // Epoch seconds: a number whose text has ten digits before the point (milliseconds do not pass).
    expect(responseBody({ $match: 'epoch-seconds' })).toEqual({ 'pact:matcher:type': 'regex', regex: EPOCH_SECONDS, value: 1573687896.493 });
    expect(responseBody({ $match: 'epoch-seconds-with-fraction' })).toEqual({ 'pact:matcher:type': 'regex', regex: EPOCH_SECONDS_WITH_FRACTION, value: 1573687896.493 });
    for (const [text, seconds, fraction] of [
      ['1573687896.493', true, true],
      ['1573687896', true, false],
      ['1573687896493', false, false],
      ['1573687896493.0', false, false],
    ] as const) {
      expect(new RegExp(EPOCH_SECONDS).test(text), text).toBe(seconds);
      expect(new RegExp(EPOCH_SECONDS_WITH_FRACTION).test(text), text).toBe(fraction);
    }
    expect(() => responseBody({ $match: 'date' })).toThrow(/no Pact matcher/);
  });
});

describe('provider states', () => {
  it('read back into exactly the given state of every fixture', () => {
    for (const f of fixtures) {
      const { states } = toInteraction(f);
      expect(givenOf(states), f.id).toEqual({ functions: f.given?.functions ?? [] });
    }
  });

  it('state a function the request names but the given does not create as absent', () => {
    expect(statesOf(undefined, ['fn'])).toEqual([{ name: 'function my-function does not exist' }]);
    expect(givenOf(statesOf(undefined, ['fn']))).toEqual({ functions: [] });
  });

  it('are a closed registry: an unknown state or unusable params is an error naming the state', () => {
    const names = stateNames();
    expect(STATE_REGISTRY.has(names.config)).toBe(true);
    expect(() => givenOf([{ name: 'the moon is full' }])).toThrow(StateError);
    expect(() => givenOf([{ name: 'the moon is full' }])).toThrow(/provider state 'the moon is full': no handler/);
    expect(() => givenOf([{ name: names.exists }, { name: names.versions, params: { count: 0 } }])).toThrow(/params.count/);
    expect(() => givenOf([{ name: names.config, params: { MaximumRetryAttempts: 1 } }])).toThrow(/needs 'function my-function exists'/);
    expect(() => givenOf([{ name: names.exists }, { name: names.config, params: { Retries: 1 } }])).toThrow(/unknown params Retries/);
    expect(() => givenOf([{ name: names.absent }, { name: names.exists }])).toThrow(/does not exist/);
  });

  it('name the second function too', () => {
    expect(givenOf([{ name: 'function my-other-function exists' }, { name: stateNames('my-other-function').alias, params: { alias: 'live', version: '1' } }])).toEqual({
      functions: [{ ref: 'fn2', aliases: [{ name: 'live', version: '1' }] }],
    });
  });
});

describe('stablePact', () => {
  it('sorts interactions and keeps only the specification version in the metadata', () => {
    const text = JSON.stringify({
      consumer: { name: 'c' },
      interactions: [{ description: 'b' }, { description: 'a' }],
      metadata: { 'pact-js': { version: '16.5.0' }, pactRust: { ffi: '0.5.4' }, pactSpecification: { version: '4.0' } },
      provider: { name: 'p' },
    });
    const stable = JSON.parse(stablePact(text));
    expect(stable.interactions.map((i: { description: string }) => i.description)).toEqual(['a', 'b']);
    expect(stable.metadata).toEqual({ pactSpecification: { version: '4.0' } });
    expect(stablePact(text).endsWith('}\n')).toBe(true);
  });

  it('refuses two interactions with one description', () => {
    expect(() => stablePact(JSON.stringify({ interactions: [{ description: 'a' }, { description: 'a' }] }))).toThrow(/unique: a/);
  });
  it('match a List page of several configs by count and ARNs, in any order (§4 List: order unspecified)', () => {
    const item = (q: string) => ({ FunctionArn: `arn:{partition}:lambda:{region}:{account}:function:{fn}:${q}`, MaximumRetryAttempts: 0 });
    const m = configsInAnyOrder([item('$LATEST'), item('1')]) as { min: number; max: number; value: Array<Record<string, unknown>> };
    expect(m).toMatchObject({ 'pact:matcher:type': 'type', min: 2, max: 2 });
    const arn = new RegExp((m.value[0]!.FunctionArn as { regex: string }).regex);
    expect(arn.test('arn:aws:lambda:eu-west-1:210987654321:function:f:1')).toBe(true);
    expect(arn.test('arn:aws:lambda:eu-west-1:210987654321:function:f:$LATEST')).toBe(true);
    expect(arn.test('arn:aws:lambda:eu-west-1:210987654321:function:f')).toBe(false);
    expect(m.value[1]!.FunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:my-function:1');
    expect(responseBody({ FunctionEventInvokeConfigs: [item('$LATEST')] })).not.toHaveProperty(['FunctionEventInvokeConfigs', 'pact:matcher:type']);
  });
});
