/**
 * The facts recorded on AWS (`fixtures/aws`), each replayed as it was recorded: one scenario per
 * fixture, generated, so a fact is written once. Its id is `recorded.<fixture file name>`; it keeps
 * the fixture's title, prose, evidence and `recordedAt`. Scenarios of several steps that build on a
 * fact stay hand-written in the other suites and cite the fixture.
 */
import { loadFixtures, type Fixture } from '../cases/fixtures.js';
import type { Scenario } from '../cases/scenario.js';
import { sourceOf, stepOf } from './from-fixture.js';
import { suite } from './dsl.js';

const scenario = suite('recorded');

/**
 * The scenario of one recorded fixture.
 * @example recordedScenario(loadFixtures('aws')[0]).id // 'recorded.delete-existing'
 */
export function recordedScenario(fixture: Fixture): Scenario {
  const made = scenario(`recorded.${fixture.id.replace(/^aws\./, '')}`, fixture.title, sourceOf(fixture), {
    ...(fixture.given ? { given: fixture.given } : {}),
    steps: [stepOf(fixture)],
  });
  return {
    ...made,
    ...(fixture.description ? { description: fixture.description } : {}),
    ...(fixture.recordedAt ? { recordedAt: fixture.recordedAt } : {}),
  };
}

export const recorded: Scenario[] = loadFixtures('aws').map(recordedScenario);
