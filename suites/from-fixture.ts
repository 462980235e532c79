/**
 * A fixture as a scenario step: its request, and every recorded member of its answer as an
 * expectation carrying the fixture's evidence. On the wire the body must hold exactly the recorded
 * members; through the SDK the parsed output (or the error it raises) must show them.
 */
import { fixtureFile, type Fixture } from '../cases/fixtures.js';
import { isMatcher, type Matcher } from '../cases/matchers.js';
import type { Evidence } from '../cases/evidence.js';
import type { Expectation, Step } from '../cases/scenario.js';

const hasMatcher = (value: unknown): boolean => isMatcher(value) || (typeof value === 'object' && value !== null && Object.values(value).some(hasMatcher));

/** How the SDK shows a value the wire carries as a matcher: epoch seconds become a Date. */
const parsed = (matcher: Matcher): Matcher => (matcher.startsWith('epoch-seconds') ? 'date' : matcher);

/**
 * Expectations on one value at a path: a matcher matches, a value without matchers is equal as a
 * whole, an object or array holding matchers is checked member by member (objects: nothing more).
 * @example expect('wire.body', { A: 1 }, 'recorded') // [{ at: 'wire.body.A', equals: 1, ... }, { at: 'wire.body.$keys', sameMembers: ['A'], ... }]
 */
function expectOn(at: string, value: unknown, evidence: Evidence, sdk: boolean, top = false): Expectation[] {
  if (isMatcher(value)) return [{ at, match: sdk ? parsed(value.$match) : value.$match, evidence }];
  if (!top && !hasMatcher(value)) return [{ at, equals: value, evidence }];
  if (Array.isArray(value)) return [{ at: `${at}.length`, equals: value.length, evidence }, ...value.flatMap((v, i) => expectOn(`${at}.${i}`, v, evidence, sdk))];
  const members = Object.entries(value as Record<string, unknown>);
  return [...members.flatMap(([key, v]) => expectOn(`${at}.${key}`, v, evidence, sdk)), ...(sdk ? [] : [{ at: `${at}.$keys`, sameMembers: members.map(([key]) => key), evidence }])];
}

/**
 * Every recorded member of a fixture's answer, on the wire and through the SDK.
 * @example expectationsOf(loadFixtures('aws')[0]) // [{ at: 'status', equals: 204, evidence: 'recorded' }, ...]
 */
export function expectationsOf(fixture: Fixture): Expectation[] {
  const { evidence } = fixture;
  const { status, error, headers = {}, body } = fixture.response;
  const out: Expectation[] = [
    { at: 'status', equals: status, evidence },
    // Every answer carries a request id [model] (docs/aws-behaviour.md §2).
    { at: 'wire.header.x-amzn-requestid', match: 'non-empty-string', evidence: 'model' },
    ...Object.entries(headers).map(([name, value]): Expectation => ({ at: `wire.header.${name.toLowerCase()}`, equals: value, evidence })),
  ];
  if (error) out.push({ at: 'error.code', equals: error.code, evidence });
  if (status === 204) out.push({ at: 'wire.bodyText', equals: '', evidence });
  if (body === undefined) return out;
  out.push(...expectOn('wire.body', body, evidence, false, true));
  const members = Object.entries(body as Record<string, unknown>);
  if (!error) out.push(...members.flatMap(([key, v]) => expectOn(`output.${key}`, v, evidence, true)));
  else for (const [key, v] of members) if (key.toLowerCase() === 'message') out.push(...expectOn('error.message', v, evidence, true));
  return out;
}

/** The step a fixture makes, titled as the fixture. */
export const stepOf = (fixture: Fixture): Step => ({ title: fixture.title, request: fixture.request, expect: expectationsOf(fixture) });

/** A fixture's source: its file, then the specification sections it cites (short form, for `suite()`). */
export const sourceOf = (fixture: Fixture): string =>
  [
    fixtureFile(fixture) + (fixture.source.page ? ` (${fixture.source.page})` : ''),
    ...(fixture.source.document.startsWith('https://')
      ? []
      : (fixture.source.section ?? '')
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)),
  ].join('; ');
