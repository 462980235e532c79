/** Fixture loading holds every fixture to fixtures/schema.json, with one-line errors naming the file and field. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it, vi } from 'vitest';
import { FixtureError, checkFixture, loadFixtures, readFixture, type Fixture } from '../../cases/fixtures.js';
import { schemaProblem } from '../../cases/json-schema.js';
import { main } from '../../runners/cli.js';

/** The reference validator: what the loader refuses, a full JSON Schema validator refuses too. */
const ajv = new Ajv.default({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync('fixtures/schema.json', 'utf8')));

const good = loadFixtures('aws')[0]!;
const FILE = `fixtures/aws/${good.id.slice('aws.'.length)}.json`;
const problem = (value: unknown) => {
  try {
    checkFixture(value, FILE);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(FixtureError);
    return (error as Error).message;
  }
};
const without = <K extends keyof Fixture>(key: K): Omit<Fixture, K> => {
  const { [key]: _dropped, ...rest } = good;
  return rest;
};

describe('loading fixtures', () => {
  it('checks every committed fixture and keeps them all (each also valid for a full JSON Schema validator)', () => {
    for (const fixture of [...loadFixtures('aws'), ...loadFixtures('docs')]) expect(ajv(fixture), fixture.id).toBe(true);
    expect(loadFixtures('aws').length).toBeGreaterThanOrEqual(25);
    expect(loadFixtures('docs')).toHaveLength(3);
  });

  it.each([
    [{ ...good, response: { ...good.response, status: '200' } }, 'response.status must be an integer, not a string'],
    [{ ...good, response: { ...good.response, status: 700 } }, 'response.status must be at most 599, not 700'],
    [{ ...good, evidence: 'guessed' }, 'evidence must be one of "docs", "model", "recorded", "inferred", not "guessed"'],
    [{ ...good, colour: 'red' }, 'colour is not a known member'],
    [without('title'), 'title is required'],
    [without('source'), 'source is required'],
    [{ ...good, title: '' }, 'title must not be empty'],
    [{ ...good, given: { functions: [{ ref: 'fn', versions: -1 }] } }, 'given.functions[0].versions must be at least 0, not -1'],
    [{ ...good, given: { functions: [{ ref: 'fn3' }] } }, 'given.functions[0].ref must be one of "fn", "fn2", not "fn3"'],
    [{ ...good, request: { ...good.request, input: {} } }, 'request.input.FunctionName is required'],
    [{ ...good, request: { ...good.request, operation: 'Invoke' } }, 'request.operation must be one of'],
    [{ ...good, recordedAt: '2024/01/01' }, 'recordedAt must match'],
    [null, 'must be an object, not null'],
    [[], 'must be an object, not an array'],
  ])('refuses a broken fixture with one line naming the file and the field (%#)', (value, message) => {
    const text = problem(value);
    expect(text).toContain(`${FILE}: ${message}`);
    expect(ajv(value)).toBe(false);
    expect(text?.split('\n')).toHaveLength(1);
  });

  it('refuses a fixture whose id does not name its file', () => {
    expect(problem({ ...good, id: 'aws.something-else' })).toBe(`${FILE}: id must be "${good.id}" (the file's name), not "aws.something-else"`);
  });

  it('refuses a file that is not JSON, or cannot be read, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eic-fixture-'));
    writeFileSync(join(dir, 'broken.json'), '{"id": ');
    expect(() => readFixture(join(dir, 'broken.json'))).toThrow(new RegExp(`^${join(dir, 'broken.json')}: not JSON: `));
    expect(() => readFixture(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot be read: ENOENT/);
  });
});

describe('lambda-eic record --fixtures-dir with a broken fixture', () => {
  it('exits 2 with the one line naming the file and the field, before reaching any account', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eic-fixtures-'));
    mkdirSync(join(dir, 'aws'));
    writeFileSync(join(dir, 'aws', 'bad.json'), JSON.stringify({ id: 'aws.bad', title: 't' }));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await main(['record', '--target', 'aws', '--allow-account', '123456789012', '--fixtures-dir', dir])).toBe(2);
      expect(error).toHaveBeenCalledWith(`lambda-eic record: ${join(dir, 'aws', 'bad.json')}: source is required`);
    } finally {
      error.mockRestore();
    }
  });
});

describe('schemaProblem (the JSON Schema subset of fixtures/schema.json)', () => {
  const schema = {
    type: 'object',
    required: ['a'],
    additionalProperties: false,
    properties: { a: { $ref: '#/definitions/n' }, b: { type: 'array', items: { type: 'string', pattern: '^x' } }, m: { type: 'object', additionalProperties: { type: 'string' } } },
    definitions: { n: { type: 'integer', minimum: 1 } },
  } as const;

  it('answers undefined for a value that holds, and the first problem with its path otherwise', () => {
    expect(schemaProblem({ a: 1, b: ['x1'], m: { k: 'v' } }, schema)).toBeUndefined();
    expect(schemaProblem({ a: 0 }, schema)).toEqual({ path: 'a', message: 'must be at least 1, not 0' });
    expect(schemaProblem({ a: 1.5 }, schema)).toEqual({ path: 'a', message: 'must be an integer, not a number' });
    expect(schemaProblem({ a: 1, b: ['x', 'y'] }, schema)).toEqual({ path: 'b[1]', message: 'must match ^x, not "y"' });
    expect(schemaProblem({ a: 1, m: { k: 2 } }, schema)).toEqual({ path: 'm.k', message: 'must be a string, not a number' });
    expect(schemaProblem({}, schema)).toEqual({ path: 'a', message: 'is required' });
    expect(schemaProblem({ a: 1 }, { $ref: '#/definitions/none' })).toEqual({ path: '', message: "the schema's $ref #/definitions/none names nothing" });
  });
});
