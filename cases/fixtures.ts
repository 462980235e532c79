/**
 * Loads the fixtures (`fixtures/docs`, `fixtures/aws`): recorded requests and answers with their
 * provenance. They feed the docs-examples suite, the Pact contracts and the model's own tests.
 * `fixtures/spec` holds single-call rules of the spec no recording states (constraints, name
 * forms, check order), each with its section and evidence: they feed the contracts only.
 * Every fixture is held to `fixtures/schema.json` as it is loaded: a broken one is a one-line
 * `FixtureError` naming the file and the field, never a scenario built from half a fact.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Evidence } from './evidence.js';
import { schemaProblem, type SchemaNode } from './json-schema.js';
import type { Given, SdkRequest } from './scenario.js';

export { isMatcher } from './matchers.js';

export interface Fixture {
  readonly id: string;
  readonly title: string;
  /** Prose: what the fact means and why it matters. */
  readonly description?: string;
  readonly source: { readonly document: string; readonly section?: string; readonly page?: string; readonly example?: string; readonly command?: string };
  readonly evidence: Evidence;
  readonly recordedAt?: string;
  readonly documentedValues?: Readonly<Record<string, string>>;
  readonly dependsOn?: string;
  readonly given?: Given;
  readonly request: SdkRequest;
  readonly response: {
    readonly status: number;
    readonly error?: { readonly code: string };
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: unknown;
  };
}

/**
 * The file of a fixture, relative to the package root (its id names it).
 * @example fixtureFile({ id: 'aws.put-overwrites', ... }) // 'fixtures/aws/put-overwrites.json'
 */
export const fixtureFile = (fixture: Pick<Fixture, 'id'>): string => {
  const [kind, ...name] = fixture.id.split('.');
  return `fixtures/${kind}/${name.join('.')}.json`;
};

/** The package root (where package.json is), from source or from dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'fixtures'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the lambda-eic-conformance package root');
    dir = up;
  }
  return dir;
}

/** A fixture file that cannot be used: one line naming the file and the field. */
export class FixtureError extends Error {
  override readonly name = 'FixtureError';
}

let schema: SchemaNode | undefined;
/** `fixtures/schema.json`, read once. */
const fixtureSchema = (): SchemaNode => (schema ??= JSON.parse(readFileSync(join(packageRoot(), 'fixtures', 'schema.json'), 'utf8')) as SchemaNode);

/**
 * Checks a parsed fixture against `fixtures/schema.json`, and that its id names its file
 * (`aws.put-overwrites` in `aws/put-overwrites.json`); `file` is how errors name it.
 * @example checkFixture(JSON.parse(text), 'fixtures/aws/put-overwrites.json').id // 'aws.put-overwrites'
 * @example checkFixture({ id: 'aws.x' }, 'fixtures/aws/x.json') // throws FixtureError "fixtures/aws/x.json: title is required"
 */
export function checkFixture(value: unknown, file: string): Fixture {
  const problem = schemaProblem(value, fixtureSchema());
  if (problem) throw new FixtureError(`${file}: ${problem.path ? `${problem.path} ` : ''}${problem.message}`);
  const fixture = value as Fixture;
  const named = /(?:^|\/)(docs|aws|spec)\/([^/]+)\.json$/.exec(file);
  if (named && fixture.id !== `${named[1]}.${named[2]}`) throw new FixtureError(`${file}: id must be "${named[1]}.${named[2]}" (the file's name), not "${fixture.id}"`);
  return fixture;
}

/**
 * Reads and checks one fixture file.
 * @example readFixture('/work/fixtures/aws/put-overwrites.json').title
 */
export function readFixture(path: string): Fixture {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FixtureError(`${path}: cannot be read: ${(error as Error).message.split('\n')[0]}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FixtureError(`${path}: not JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  return checkFixture(value, path);
}

/**
 * Every fixture of a kind, sorted by file name, each checked against the schema.
 * @example loadFixtures('docs').map((f) => f.id) // ['docs.boto3-put-example', ...]
 */
export function loadFixtures(kind: 'docs' | 'aws' | 'spec'): Fixture[] {
  const dir = join(packageRoot(), 'fixtures', kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readFixture(join(dir, f)));
}
