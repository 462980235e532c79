/**
 * Fixtures: valid against their schema, and the reference model answers each one as recorded
 * (the oracle agrees with AWS on every recorded fact). Every recorded message of the catalogue
 * appears in some fixture, so the catalogue cannot drift from the evidence.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedContext } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import { encodeOutcome } from '../../src/http/codec.js';
import { MESSAGES } from '../../src/spec/errors.js';
import { isOperationName } from '../../src/spec/operations.js';
import { fill } from '../../cases/placeholders.js';
import { arrangeCalls } from '../../src/arrange/plan.js';
import { isMatcher, loadFixtures, packageRoot, type Fixture } from '../../cases/fixtures.js';

const VARS = {
  fn: 'my-function',
  fn2: 'other-function',
  account: '123456789012',
  region: 'us-east-2',
  partition: 'aws',
  otherRegion: 'eu-west-1',
  queue: 'destination',
  queue2: 'destination-2',
  topic: 'topic',
  bucket: 'bucket',
  bus: 'default',
};
const fixtures = [...loadFixtures('docs'), ...loadFixtures('aws'), ...loadFixtures('spec')];

function arrangeInModel(emulator: Emulator, fixture: Fixture, ctx: ReturnType<typeof fixedContext>) {
  for (const { operation, input } of arrangeCalls(fill(fixture.given, VARS), { functions: VARS, role: 'arn:aws:iam::123456789012:role/r' })) {
    const outcome = emulator.invoke(operation, input, ctx);
    if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.message}`);
  }
}

/** Replaces the matched values of `actual` where `expected` holds a matcher, after checking them. */
function matchVolatile(expected: unknown, actual: unknown): unknown {
  if (isMatcher(expected)) {
    expect(typeof actual === 'number' || typeof actual === 'string', `${expected.$match}`).toBe(true);
    return expected;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((a, i) => matchVolatile(expected[i], a));
  if (expected && typeof expected === 'object' && actual && typeof actual === 'object')
    return Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, matchVolatile((expected as Record<string, unknown>)[k], v)]));
  return actual;
}

describe('fixtures', () => {
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'fixtures', 'schema.json'), 'utf8'));
  const validate = new Ajv.default({ allErrors: true, strict: false }).compile(schema);

  it('are there: the seed examples and the recorded facts', () => {
    expect(loadFixtures('docs').map((f) => f.id)).toEqual(['docs.boto3-put-example', 'docs.boto3-update-example', 'docs.cli-update-example']);
    expect(loadFixtures('aws').length).toBeGreaterThanOrEqual(25);
  });

  it.each(fixtures.map((f) => [f.id, f] as const))('%s is valid against fixtures/schema.json', (_id, fixture) => {
    expect(validate(fixture), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema refuses a fixture without provenance', () => {
    const { source: _s, ...noSource } = fixtures[0]!;
    expect(validate(noSource)).toBe(false);
  });

  it.each(fixtures.map((f) => [f.id, f] as const))('%s: the reference model answers as recorded', (_id, fixture) => {
    const emulator = new Emulator();
    const ctx = fixedContext(1573687896493, { region: VARS.region, account: VARS.account });
    arrangeInModel(emulator, fixture, ctx);
    const request = fill(fixture.request, VARS);
    if (!isOperationName(request.operation)) throw new Error(`${fixture.id}: unknown operation ${request.operation}`);
    const answer = encodeOutcome(emulator.invoke(request.operation, request.input, ctx), 'id');
    const expected = fill(fixture.response, VARS);
    expect(answer.status).toBe(expected.status);
    if (expected.error) expect(answer.headers['x-amzn-ErrorType']).toBe(expected.error.code);
    const body = answer.body === '' ? undefined : JSON.parse(answer.body);
    if (expected.body !== undefined) expect(matchVolatile(expected.body, body)).toEqual(expected.body);
    if (expected.status === 204) expect(answer.body).toBe('');
  });

  it('hold every [recorded] event-invoke-config message of the catalogue', () => {
    const texts = JSON.stringify(fixtures);
    const recorded = ['atLeastOneSetting', 'qualifierMismatch', 'functionDoesNotExist', 'destinationIsSelf'] as const;
    for (const name of recorded) {
      expect(MESSAGES[name].evidence).toBe('recorded');
      expect(texts, name).toContain(JSON.stringify(MESSAGES[name].text()).slice(1, -1));
    }
    expect(texts).toContain("doesn't have an EventInvokeConfig");
    expect(texts).toContain('are not reachable in this region');
    expect(texts).toContain('The provided destination config DestinationConfig(onSuccess=OnSuccess(destination=');
  });
});
