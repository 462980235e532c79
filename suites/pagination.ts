/** List's paging with opaque markers (`aws-behaviour.md` section 4, List) [recorded][model]. */
import { arnOf, list, ok, step, suite, withFunction } from './dsl.js';
import type { Expectation, Step } from '../cases/scenario.js';

const scenario = suite('pagination');
const SRC = '§4 List';
const THREE = withFunction({
  versions: 1,
  aliases: [{ name: 'live', version: '1' }],
  configs: [{ MaximumRetryAttempts: 0 }, { qualifier: '1', MaximumRetryAttempts: 1 }, { qualifier: 'live', MaximumRetryAttempts: 2 }],
});
const ALL_THREE = [arnOf('{fn}', '$LATEST'), arnOf('{fn}', '1'), arnOf('{fn}', 'live')];
const count = (n: number): Expectation => ({ at: 'output.FunctionEventInvokeConfigs.length', equals: n, evidence: 'recorded' });
const more: Expectation = { at: 'output.NextMarker', match: 'non-empty-string', evidence: 'recorded' };
const last: Expectation = { at: 'output.NextMarker', absent: true, evidence: 'recorded' };
const page = (input: Record<string, unknown>, save: string | undefined, ...expect: Expectation[]): Step => ({
  ...step(list(input), ok(200, 'recorded'), ...expect),
  ...(save ? { save: { [save]: 'output.NextMarker' } } : {}),
  collect: { into: 'arns', from: 'output.FunctionEventInvokeConfigs.*.FunctionArn' },
});
const everyConfigOnce = (arns: string[]): Step => step(list({ MaxItems: 1 }), { at: 'collected.arns', sameMembers: arns, evidence: 'recorded' });

const ALIASES = Array.from({ length: 50 }, (_, i) => `a${i + 1}`);

export const pagination = [
  scenario('pagination.single-page', 'Fewer configs than the page: one page, no NextMarker', SRC, {
    given: THREE,
    steps: [page({}, undefined, count(3), last), everyConfigOnce(ALL_THREE)],
  }),
  scenario('pagination.walk-one-by-one', 'MaxItems 1 over three configs: three pages that hold every config once', SRC, {
    given: THREE,
    steps: [
      page({ MaxItems: 1 }, 'm1', count(1), more),
      page({ MaxItems: 1, Marker: '{@m1}' }, 'm2', count(1), more),
      page({ MaxItems: 1, Marker: '{@m2}' }, undefined, count(1), last),
      everyConfigOnce(ALL_THREE),
    ],
  }),
  scenario('pagination.walk-two-then-one', 'MaxItems 2 over three configs: a full page then the rest', SRC, {
    given: THREE,
    steps: [page({ MaxItems: 2 }, 'm1', count(2), more), page({ MaxItems: 2, Marker: '{@m1}' }, undefined, count(1), last), everyConfigOnce(ALL_THREE)],
  }),
  scenario('pagination.max-items-above-count', 'MaxItems larger than the count: everything, no NextMarker', SRC, {
    given: THREE,
    steps: [page({ MaxItems: 10 }, undefined, count(3), last)],
  }),
  scenario('pagination.exact-fit', 'MaxItems equal to the count: no NextMarker', SRC, {
    given: THREE,
    steps: [page({ MaxItems: 3 }, undefined, count(3), last)],
  }),
  scenario('pagination.default-page-size-50', 'Without MaxItems a page holds 50; the 51st config is on the next page', `${SRC} (default 50 [model])`, {
    given: withFunction({
      aliases: ALIASES.map((name) => ({ name, version: '$LATEST' })),
      configs: [{ MaximumRetryAttempts: 0 }, ...ALIASES.map((qualifier) => ({ qualifier, MaximumRetryAttempts: 1 }))],
    }),
    steps: [
      { ...step(list(), ok(200, 'model'), { at: 'output.FunctionEventInvokeConfigs.length', equals: 50, evidence: 'model' }, more), save: { m1: 'output.NextMarker' } },
      step(list({ Marker: '{@m1}' }), ok(200, 'recorded'), count(1), last),
    ],
  }),
];
