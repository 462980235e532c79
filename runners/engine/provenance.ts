/**
 * Where a report comes from: the tool and suite versions, the spec it was checked against, the
 * Node version, the target, and when the run started and ended. A report without it cannot be
 * compared with another one honestly.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../cases/scenario.js';
import { packageRoot } from '../../cases/fixtures.js';

export interface Provenance {
  readonly tool: { readonly name: string; readonly version: string };
  /** `sha256:<12 hex>` of every scenario as data: two runs with the same value ran the same checks. */
  readonly suiteVersion: string;
  /** `sha256:<12 hex>` of docs/aws-behaviour.md as shipped, or `unavailable` without that file. */
  readonly specVersion: string;
  readonly node: string;
  readonly target: { readonly label: string; readonly endpoint?: string; readonly region?: string; readonly account?: string };
  readonly startedAt: string;
  readonly endedAt: string;
}

/** Where the specification lives inside the package. */
export const SPEC_PATH = join('docs', 'aws-behaviour.md');

const shortHash = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;

/**
 * The content hash of a list of scenarios (order and all).
 * @example suiteVersion([]) // 'sha256:4f53cda18c2b'
 */
export const suiteVersion = (scenarios: readonly Scenario[]): string => shortHash(JSON.stringify(scenarios));

/**
 * The package's name and version, from its package.json.
 * @example toolVersion().name // 'lambda-eic-conformance'
 */
export function toolVersion(): Provenance['tool'] {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/**
 * The text of docs/aws-behaviour.md, or undefined where the package does not carry it.
 * @example specText()?.startsWith('# How real AWS')
 */
export function specText(): string | undefined {
  const path = join(packageRoot(), SPEC_PATH);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * The provenance block of a report.
 * @example provenance({ scenarios: ALL_SCENARIOS, target: { label: 'embedded' }, startedAt: start, endedAt: new Date() })
 */
export function provenance(options: { scenarios: readonly Scenario[]; target: Provenance['target']; startedAt: Date; endedAt: Date }): Provenance {
  const spec = specText();
  return {
    tool: toolVersion(),
    suiteVersion: suiteVersion(options.scenarios),
    specVersion: spec === undefined ? 'unavailable' : shortHash(spec),
    node: process.version,
    target: options.target,
    startedAt: options.startedAt.toISOString(),
    endedAt: options.endedAt.toISOString(),
  };
}
