/**
 * Ranges, lengths and patterns, generated from the spec table (`aws-behaviour.md` section 1):
 * for every ranged member min-1, min, max, max+1, a wrong type and a fractional number; for every
 * length and pattern a value just inside and just outside. The status, code and message form of a
 * violation are [recorded] (docs/aws-behaviour.md §2: ranges and lengths follow the recorded form).
 */
import { CONSTRAINT_TEXT, violationText, type Evidence } from '../src/spec/errors.js';
import { OPERATIONS } from '../src/spec/operations.js';
import { PATTERNS, SHAPES, type IntegerShape, type MemberSpec } from '../src/spec/shapes.js';
import { arnOf, call, config, error, get, msg, ok, put, status, step, suite, withFunction } from './dsl.js';
import type { Expectation, Scenario, SdkRequest } from '../cases/scenario.js';

const scenario = suite('ranges');
const SRC = '§1 Constraints';

const refused = (value: unknown, path: string, what: string) => error('ValidationException', msg('validation', [violationText(value, path, what)]), 'recorded');
/** Certain: a wrong type is refused with a 4xx [model]; the exact status and code are not recorded. */
const badType = () => [{ at: 'status', match: 'client-error', evidence: 'model' } as const, status(400, 'inferred'), { at: 'error.code', match: 'non-empty-string', evidence: 'inferred' } as const];

interface Ranged {
  readonly name: string;
  readonly member: RangedMember;
  readonly request: (value: unknown) => SdkRequest;
  /** What a successful answer shows for an accepted value. */
  readonly accepted: (value: number) => Expectation[];
  readonly given: Scenario['given'];
}

/** An integer member with both bounds in the spec table. */
type RangedMember = MemberSpec & { readonly shape: Required<IntegerShape> };

const settingsMember = (name: 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds'): RangedMember => OPERATIONS.PutFunctionEventInvokeConfig.input[name];

const putRanged = (name: 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds'): Ranged => ({
  name: `put.${name}`,
  member: settingsMember(name),
  request: (value) => put({ [name]: value }),
  accepted: (value) => [...ok(200, 'model'), ...config('$LATEST', name === 'MaximumRetryAttempts' ? { retries: value } : { age: value }, 'model')],
  given: withFunction(),
});

const listMaxItems: Ranged = {
  name: 'list.MaxItems',
  member: OPERATIONS.ListFunctionEventInvokeConfigs.input.MaxItems,
  request: (value) => call('ListFunctionEventInvokeConfigs', { FunctionName: '{fn}', MaxItems: value }),
  accepted: () => ok(200, 'model'),
  given: withFunction({ configs: [{ MaximumRetryAttempts: 1 }] }),
};

/** min-1, min, max, max+1, a wrong type, a fraction. */
function rangeCases(r: Ranged): Scenario[] {
  const { min, max } = r.member.shape;
  const path = r.member.path;
  const id = (c: string) => `ranges.${r.name}.${c}`;
  const title = (what: string) => `${r.name.replace('.', ' ')} ${what}`;
  return [
    scenario(id('below-min'), title(`${min - 1} (min-1) is refused`), SRC, { given: r.given, steps: [step(r.request(min - 1), refused(min - 1, path, CONSTRAINT_TEXT.min(min)))] }),
    scenario(id('min'), title(`${min} (min) is accepted`), SRC, { given: r.given, steps: [step(r.request(min), r.accepted(min))] }),
    scenario(id('max'), title(`${max} (max) is accepted`), SRC, { given: r.given, steps: [step(r.request(max), r.accepted(max))] }),
    scenario(id('above-max'), title(`${max + 1} (max+1) is refused`), SRC, { given: r.given, steps: [step(r.request(max + 1), refused(max + 1, path, CONSTRAINT_TEXT.max(max)))] }),
    scenario(id('wrong-type'), title('as a JSON string is refused with a 400'), `${SRC}; §9`, { given: r.given, steps: [step(r.request(`${min}x`), badType())] }),
    scenario(id('fraction'), title(`${min + 0.5} (a fraction) is refused with a 400`), `${SRC}; §9`, { given: r.given, steps: [step(r.request(min + 0.5), badType())] }),
  ];
}

/** Update validates the same members: the two edges just outside. */
function updateEdges(name: 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds'): Scenario[] {
  const member = settingsMember(name);
  const { min, max } = member.shape;
  const given = withFunction({ configs: [{ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600 }] });
  const request = (value: number) => call('UpdateFunctionEventInvokeConfig', { FunctionName: '{fn}', [name]: value });
  return [
    scenario(`ranges.update.${name}.below-min`, `Update ${name} ${min - 1} is refused`, SRC, { given, steps: [step(request(min - 1), refused(min - 1, member.path, CONSTRAINT_TEXT.min(min)))] }),
    scenario(`ranges.update.${name}.above-max`, `Update ${name} ${max + 1} is refused`, SRC, { given, steps: [step(request(max + 1), refused(max + 1, member.path, CONSTRAINT_TEXT.max(max)))] }),
  ];
}

const notFound = (qualifiedArn: string, evidence: Evidence) => [
  status(404, 'model'),
  { at: 'error.code', equals: 'ResourceNotFoundException', evidence: 'model' } as const,
  { at: 'error.message', equals: msg('noEventInvokeConfig', qualifiedArn), evidence },
];

const PARTIAL = '{account}:function:';
const name234 = 'n'.repeat(SHAPES.NamespacedFunctionName.max - PARTIAL.replace('{account}', '123456789012').length);
const S3_PREFIX = 'arn:aws:s3:::';
const bucket = (length: number) => `${S3_PREFIX}${'b'.repeat(length - S3_PREFIX.length)}`;
const onFailure = (destination: string) => put({ DestinationConfig: { OnFailure: { Destination: destination } } });

/** A value just inside and just outside every length and pattern. */
const lengthAndPattern: Scenario[] = [
  scenario('ranges.functionName.length-max', 'FunctionName of 256 characters passes validation (a partial ARN)', SRC, {
    steps: [step(get({ FunctionName: `${PARTIAL}${name234}` }), notFound(arnOf(name234, '$LATEST'), 'inferred'))],
  }),
  scenario('ranges.functionName.length-above-max', 'FunctionName of 257 characters is refused', SRC, {
    steps: [step(get({ FunctionName: `${PARTIAL}${name234}n` }), refused(`${PARTIAL}${name234}n`, 'functionName', CONSTRAINT_TEXT.maxLength(256)))],
  }),
  scenario('ranges.functionName.pattern-inside', 'FunctionName with a dot, hyphen and underscore passes the pattern', SRC, {
    steps: [step(get({ FunctionName: '{fn}.v_2-x' }), notFound(arnOf('{fn}.v_2-x', '$LATEST'), 'recorded'))],
  }),
  scenario('ranges.functionName.pattern-outside', 'FunctionName with a space fails the pattern', SRC, {
    steps: [step(get({ FunctionName: 'my function' }), refused('my function', 'functionName', CONSTRAINT_TEXT.pattern(PATTERNS.namespacedFunctionName)))],
  }),
  scenario('ranges.functionName.bare-64', 'A bare name of 64 characters is accepted', `${SRC} (64 for a bare name [docs])`, {
    steps: [step(get({ FunctionName: 'f'.repeat(64) }), notFound(arnOf('f'.repeat(64), '$LATEST'), 'recorded'))],
  }),
  scenario('ranges.qualifier.length-max', 'Qualifier of 128 characters passes validation', SRC, {
    given: withFunction(),
    steps: [step(get({ Qualifier: 'q'.repeat(128) }), notFound(arnOf('{fn}', 'q'.repeat(128)), 'recorded'))],
  }),
  scenario('ranges.qualifier.length-above-max', 'Qualifier of 129 characters is refused', SRC, {
    given: withFunction(),
    steps: [step(get({ Qualifier: 'q'.repeat(129) }), refused('q'.repeat(129), 'qualifier', CONSTRAINT_TEXT.maxLength(128)))],
  }),
  scenario('ranges.qualifier.pattern-inside', 'Qualifier with _, - and $ passes the pattern', SRC, {
    given: withFunction(),
    steps: [step(get({ Qualifier: 'v_1-b$' }), notFound(arnOf('{fn}', 'v_1-b$'), 'recorded'))],
  }),
  scenario('ranges.qualifier.pattern-outside', 'Qualifier with a dot fails the pattern', SRC, {
    given: withFunction(),
    steps: [step(get({ Qualifier: 'v.1' }), refused('v.1', 'qualifier', CONSTRAINT_TEXT.pattern(PATTERNS.qualifier)))],
  }),
  scenario('ranges.destination.length-max', 'A destination of 350 characters is accepted', SRC, {
    given: withFunction(),
    steps: [step(onFailure(bucket(350)), ok(200, 'model'), config('$LATEST', { onFailure: bucket(350) }, 'model'))],
  }),
  scenario('ranges.destination.length-above-max', 'A destination of 351 characters is refused', SRC, {
    given: withFunction(),
    steps: [step(onFailure(bucket(351)), refused(bucket(351), 'destinationConfig.onFailure.destination', CONSTRAINT_TEXT.maxLength(350)))],
  }),
  scenario('ranges.destination.pattern-inside', 'A destination ARN with region and account passes the pattern', SRC, {
    given: withFunction(),
    steps: [step(onFailure('arn:{partition}:sqs:{region}:{account}:{queue}'), ok(200, 'model'), config('$LATEST', { onFailure: 'arn:{partition}:sqs:{region}:{account}:{queue}' }, 'model'))],
  }),
  scenario('ranges.destination.pattern-outside', 'A destination ARN missing its account and resource fails the pattern', SRC, {
    given: withFunction(),
    steps: [
      step(
        onFailure('arn:aws:sqs:{region}'),
        error('ValidationException', msg('validation', [violationText('arn:aws:sqs:{region}', 'destinationConfig.onFailure.destination', CONSTRAINT_TEXT.pattern(PATTERNS.destination))]), 'recorded'),
      ),
    ],
  }),
  scenario('ranges.destination.empty', 'An empty destination (length 0) passes and sets nothing', SRC, {
    given: withFunction(),
    steps: [step(put({ DestinationConfig: { OnSuccess: { Destination: '' } } }), ok(200, 'model'), config('$LATEST', {}, 'inferred'))],
  }),
];

export const ranges: Scenario[] = [
  ...rangeCases(putRanged('MaximumRetryAttempts')),
  ...rangeCases(putRanged('MaximumEventAgeInSeconds')),
  ...updateEdges('MaximumRetryAttempts'),
  ...updateEdges('MaximumEventAgeInSeconds'),
  ...rangeCases(listMaxItems),
  ...lengthAndPattern,
];
