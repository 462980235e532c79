/** Each fact once: every recorded fixture is a generated scenario, and no hand-written one repeats it. */
import { describe, expect, it } from 'vitest';
import { loadFixtures, type Fixture } from '../../cases/fixtures.js';
import type { Scenario } from '../../cases/scenario.js';
import { expectationsOf } from '../../suites/from-fixture.js';
import { ALL_SCENARIOS } from '../../suites/index.js';

/** JSON with sorted keys, so equal data compares equal. */
const canonical = (value: unknown): string => JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
const factOf = (given: unknown, request: unknown) => canonical({ given: given ?? null, request });

const fixtures = loadFixtures('aws');
const byId = new Map(ALL_SCENARIOS.map((s) => [s.id, s]));

describe('the recorded suite', () => {
  it.each(fixtures.map((f) => [f.id, f] as const))('%s is a generated scenario with its evidence, prose and date', (_id, fixture) => {
    const scenario = byId.get(`recorded.${fixture.id.slice('aws.'.length)}`);
    expect(scenario).toBeDefined();
    const s = scenario as Scenario;
    expect(s.suite).toBe('recorded');
    expect(s.title).toBe(fixture.title);
    expect(s.recordedAt).toBe(fixture.recordedAt);
    expect(s.description).toBe(fixture.description);
    expect(s.source.split('; ')[0]).toBe(`fixtures/aws/${fixture.id.slice('aws.'.length)}.json`);
    expect(s.steps).toHaveLength(1);
    expect(s.steps[0]!.request).toEqual(fixture.request);
    expect(new Set(s.steps[0]!.expect.filter((e) => !e.at.startsWith('wire.header.x-amzn-requestid')).map((e) => e.evidence))).toEqual(new Set([fixture.evidence]));
  });

  it('has no hand-written twin: no other single-step scenario arranges and sends what a fixture does', () => {
    const facts = new Set(fixtures.map((f) => factOf(f.given, f.request)));
    const twins = ALL_SCENARIOS.filter((s) => s.suite !== 'recorded' && s.steps.length === 1 && facts.has(factOf(s.given, s.steps[0]!.request)));
    expect(twins.map((s) => s.id)).toEqual([
      // Generated from the spec table's ranges, which happen to send a recorded request too.
      'ranges.put.MaximumRetryAttempts.max',
      'ranges.put.MaximumRetryAttempts.above-max',
    ]);
  });
});

describe('expectationsOf (a fixture answer as expectations)', () => {
  const base = {
    id: 'aws.x',
    title: 't',
    source: { document: 'docs/aws-behaviour.md' },
    evidence: 'recorded',
    request: { operation: 'GetFunctionEventInvokeConfig', input: { FunctionName: '{fn}' } },
  } as const;

  it('checks an error by status, code, headers, every body member on the wire and the message through the SDK', () => {
    const fixture: Fixture = {
      ...base,
      response: { status: 404, error: { code: 'ResourceNotFoundException' }, headers: { 'x-amzn-ErrorType': 'ResourceNotFoundException' }, body: { Type: 'User', Message: 'm' } },
    };
    expect(expectationsOf(fixture)).toEqual([
      { at: 'status', equals: 404, evidence: 'recorded' },
      { at: 'wire.header.x-amzn-requestid', match: 'non-empty-string', evidence: 'model' },
      { at: 'wire.header.x-amzn-errortype', equals: 'ResourceNotFoundException', evidence: 'recorded' },
      { at: 'error.code', equals: 'ResourceNotFoundException', evidence: 'recorded' },
      { at: 'wire.body.Type', equals: 'User', evidence: 'recorded' },
      { at: 'wire.body.Message', equals: 'm', evidence: 'recorded' },
      { at: 'wire.body.$keys', sameMembers: ['Type', 'Message'], evidence: 'recorded' },
      { at: 'error.message', equals: 'm', evidence: 'recorded' },
    ]);
  });

  it('checks matchers inside lists member by member, and epoch seconds as a Date through the SDK', () => {
    const fixture: Fixture = {
      ...base,
      response: { status: 200, body: { Items: [{ LastModified: { $match: 'epoch-seconds' }, A: { B: 1 } }] } },
    };
    const at = (e: { at: string }) => e.at;
    const out = expectationsOf(fixture);
    expect(out.map(at)).toEqual([
      'status',
      'wire.header.x-amzn-requestid',
      'wire.body.Items.length',
      'wire.body.Items.0.LastModified',
      'wire.body.Items.0.A',
      'wire.body.Items.0.$keys',
      'wire.body.$keys',
      'output.Items.length',
      'output.Items.0.LastModified',
      'output.Items.0.A',
    ]);
    expect(out.find((e) => e.at === 'output.Items.0.LastModified')).toMatchObject({ match: 'date' });
    expect(out.find((e) => e.at === 'wire.body.Items.0.A')).toMatchObject({ equals: { B: 1 } });
  });

  it('expects an empty body on a 204', () => {
    expect(expectationsOf({ ...base, response: { status: 204 } })).toContainEqual({ at: 'wire.bodyText', equals: '', evidence: 'recorded' });
  });
});
