/**
 * The seed pages' worked examples (`fixtures/docs`), replayed as documented: each alone from the
 * state it depends on, and the Put example followed by the Update example.
 */
import { fixtureFile, loadFixtures, isMatcher, type Fixture } from '../cases/fixtures.js';
import { status, suite } from './dsl.js';
import type { Expectation, Scenario, Step } from '../cases/scenario.js';

const scenario = suite('docs-examples');

/** Every documented member of the answer, on the wire and as the SDK parses it. */
function expectationsOf(fixture: Fixture): Expectation[] {
  const evidence = fixture.evidence;
  const body = (fixture.response.body ?? {}) as Record<string, unknown>;
  const out: Expectation[] = [status(fixture.response.status, evidence)];
  for (const [key, value] of Object.entries(body)) {
    if (isMatcher(value)) {
      out.push({ at: `wire.body.${key}`, match: value.$match, evidence });
      if (key === 'LastModified') out.push({ at: `output.${key}`, match: 'date', evidence });
    } else {
      out.push({ at: `wire.body.${key}`, equals: value, evidence }, { at: `output.${key}`, equals: value, evidence });
    }
  }
  // Nothing besides the documented members.
  if (fixture.response.body !== undefined) out.push({ at: 'wire.body.$keys', sameMembers: Object.keys(body), evidence });
  return out;
}

const stepOf = (fixture: Fixture): Step => ({ title: fixture.title, request: fixture.request, expect: expectationsOf(fixture) });
const sourceOf = (fixture: Fixture) => `${fixtureFile(fixture)}${fixture.source.page ? ` (${fixture.source.page})` : ''}`;

const fixtures = loadFixtures('docs');
const byId = new Map(fixtures.map((f) => [f.id, f]));

const single: Scenario[] = fixtures.map((f) =>
  scenario(`docs-examples.${f.id.replace(/^docs\./, '')}`, f.title, sourceOf(f), { ...(f.given ? { given: f.given } : {}), steps: [stepOf(f)] }),
);

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
