/**
 * The seed pages' worked examples (`fixtures/docs`), replayed as documented: each alone from the
 * state it depends on, and the Put example followed by the Update example.
 */
import { loadFixtures } from '../cases/fixtures.js';
import type { Scenario } from '../cases/scenario.js';
import { suite } from './dsl.js';
import { sourceOf, stepOf } from './from-fixture.js';

const scenario = suite('docs-examples');
const fixtures = loadFixtures('docs');
const byId = new Map(fixtures.map((f) => [f.id, f]));

const single: Scenario[] = fixtures.map((f) => scenario(`docs-examples.${f.id.replace(/^docs\./, '')}`, f.title, sourceOf(f), { ...(f.given ? { given: f.given } : {}), steps: [stepOf(f)] }));

/** Each example that depends on another, replayed after it on a fresh function. */
const chained: Scenario[] = fixtures
  .filter((f) => f.dependsOn && byId.has(f.dependsOn))
  .map((f) => {
    const first = byId.get(f.dependsOn!)!;
    return scenario(`docs-examples.${first.id.replace(/^docs\./, '')}-then-${f.id.replace(/^docs\./, '')}`, `${first.title}, then: ${f.title}`, `${sourceOf(first)}; ${sourceOf(f)}`, {
      ...(first.given ? { given: first.given } : {}),
      steps: [stepOf(first), stepOf(f)],
    });
  });

export const docsExamples: Scenario[] = [...single, ...chained];
