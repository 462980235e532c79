/**
 * Loads the fixtures (`fixtures/docs`, `fixtures/aws`): recorded requests and answers with their
 * provenance. They feed the docs-examples suite, the Pact contracts and the model's own tests.
 * `fixtures/spec` holds single-call rules of the spec no recording states (constraints, name
 * forms, check order), each with its section and evidence: they feed the contracts only.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Evidence } from './evidence.js';
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

/**
 * Every fixture of a kind, sorted by file name.
 * @example loadFixtures('docs').map((f) => f.id) // ['docs.boto3-put-example', ...]
 */
export function loadFixtures(kind: 'docs' | 'aws' | 'spec'): Fixture[] {
  const dir = join(packageRoot(), 'fixtures', kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);
}
