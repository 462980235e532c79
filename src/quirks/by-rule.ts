/**
 * The quirk catalogue, continued: realistic emulator bugs written rule by rule from
 * `aws-behaviour.md` (not from the scenarios), each breaking exactly one rule, named in `breaks`
 * with that rule's evidence. They measure the suite's own strength: `run`, `verify-pacts` and
 * `fuzz` are each run against every quirk (tests/peers/mutation-matrix.test.ts) and the share
 * caught is the suite's mutation score. Quirks match on operations, error codes and state, never
 * on message text.
 */
import { AwsError, fail } from '../model/aws-error.js';
import type { Context } from '../model/context.js';
import { renderDestinationConfig, type DestinationInput } from '../model/destinations.js';
import { LATEST, functionArn, parseFunctionName } from '../model/names.js';
import type { Core, HttpAnswer, Outcome } from '../model/outcome.js';
import type { OperationName } from '../spec/operations.js';
import type { Quirk } from './quirk.js';

const PUT: OperationName = 'PutFunctionEventInvokeConfig';
const UPDATE: OperationName = 'UpdateFunctionEventInvokeConfig';
const GET: OperationName = 'GetFunctionEventInvokeConfig';
const DELETE: OperationName = 'DeleteFunctionEventInvokeConfig';
const LIST: OperationName = 'ListFunctionEventInvokeConfigs';
const EIC: readonly OperationName[] = [PUT, UPDATE, GET, DELETE, LIST];
/** The operations that answer one config. */
const ONE_CONFIG: readonly OperationName[] = [PUT, UPDATE, GET];

type Input = Readonly<Record<string, unknown>>;
const refused = (error: AwsError): Outcome => ({ ok: false, error });
const nameOf = (input: Input) => parseFunctionName(String(input.FunctionName ?? ''));
/** The effective qualifier as AWS derives it (section 3). */
const qualifierOf = (input: Input): string => (input.Qualifier as string | undefined) ?? nameOf(input)?.qualifier ?? LATEST;
/** The input aimed at the bare function name with the given qualifier. */
const aimed = (input: Input, qualifier: string | undefined): Input => {
  const { Qualifier: _q, ...rest } = input;
  return { ...rest, FunctionName: nameOf(input)?.name ?? input.FunctionName, ...(qualifier !== undefined && qualifier !== LATEST ? { Qualifier: qualifier } : {}) };
};
const functionExists = (name: string | undefined, ctx: Context, next: Core): boolean => name !== undefined && next('GetFunction', { FunctionName: name }, ctx).ok;
const configOf = (outcome: Outcome): Record<string, unknown> | undefined => (outcome.ok ? outcome.output : undefined);

/** Rewrites one header (or drops it, with `undefined`) on the answers of some operations. */
const header =
  (name: string, value: string | undefined, when: (answer: HttpAnswer, operation?: OperationName) => boolean) =>
  (answer: HttpAnswer, operation?: OperationName): HttpAnswer => {
    if (!when(answer, operation)) return answer;
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => k.toLowerCase() !== name.toLowerCase()));
    return { ...answer, headers: value === undefined ? headers : { ...headers, [name]: value } };
  };

/** Rewrites the JSON body of error answers of one code. */
const errorBody =
  (code: string, change: (body: Record<string, unknown>) => Record<string, unknown>) =>
  (answer: HttpAnswer): HttpAnswer => {
    const type = Object.entries(answer.headers).find(([k]) => k.toLowerCase() === 'x-amzn-errortype')?.[1];
    if (answer.status < 400 || type?.split(':')[0] !== code) return answer;
    return { ...answer, body: JSON.stringify(change(JSON.parse(answer.body) as Record<string, unknown>)) };
  };
const renamed = (from: string, to: string) => (body: Record<string, unknown>) => {
  const { [from]: value, ...rest } = body;
  return { ...rest, [to]: value };
};

/**
 * Put or Update as an emulator without some destination check does it: the destinations `skip`
 * picks are let through (left out of what the model checks and stores) and the answer shows the
 * DestinationConfig as requested. Undefined when the request has no such destination.
 */
function letThrough(op: OperationName, input: Input, ctx: Context, next: Core, skip: (destination: string, outcome: 'OnSuccess' | 'OnFailure') => boolean): Outcome | undefined {
  const dc = input.DestinationConfig as DestinationInput | undefined;
  if ((op !== PUT && op !== UPDATE) || !dc) return undefined;
  const skipped = (k: 'OnSuccess' | 'OnFailure') => typeof dc[k]?.Destination === 'string' && dc[k]!.Destination !== '' && skip(dc[k]!.Destination!, k);
  if (!skipped('OnSuccess') && !skipped('OnFailure')) return undefined;
  const kept = { ...(skipped('OnSuccess') ? {} : { OnSuccess: dc.OnSuccess }), ...(skipped('OnFailure') ? {} : { OnFailure: dc.OnFailure }) };
  const stored = next(op, { ...input, DestinationConfig: kept }, ctx);
  return stored.ok && stored.output ? { ...stored, output: { ...stored.output, DestinationConfig: { OnSuccess: {}, OnFailure: {}, ...dc } } } : stored;
}
const DESTINATION_SERVICE = /^arn:[^:]*:(sqs|sns|events|lambda|s3):/;

export const SPEC_QUIRKS = {
  // §1 operations on the wire
  'delete-answers-config': {
    description: 'Delete answers 200 with the deleted config instead of 204 with an empty body',
    breaks: { rule: '§1/§4 Delete: 204, empty body', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      if (op !== DELETE) return next(op, input, ctx);
      const before = next(GET, input, ctx);
      const outcome = next(op, input, ctx);
      return outcome.ok && before.ok ? { ok: true, status: 200, output: before.output } : outcome;
    },
  },
  'delete-204-json-body': {
    description: 'Delete answers 204 with a JSON body {} (and a JSON content type)',
    breaks: { rule: '§1 Delete: 204, empty body', evidence: 'recorded' },
    wire: (answer, operation) => (operation === DELETE && answer.status === 204 ? { ...answer, headers: { ...answer.headers, 'Content-Type': 'application/json' }, body: '{}' } : answer),
  },
  // §1 constraints
  'age-minimum-unchecked': {
    description: 'MaximumEventAgeInSeconds below 60 is accepted',
    breaks: { rule: '§1 MaximumEventAgeInSeconds 60-21600', evidence: 'model' },
    around: (op, input, ctx, next) => next(op, input, ctx, { violations: (found) => found.filter((v) => !(v.path === 'maximumEventAgeInSeconds' && v.rule === 'min')) }),
  },
  'retries-maximum-3': {
    description: 'MaximumRetryAttempts accepts 3 (the bound is taken as exclusive of 3 instead of 2)',
    breaks: { rule: '§1 MaximumRetryAttempts 0-2', evidence: 'model' },
    around: (op, input, ctx, next) => next(op, input, ctx, { violations: (found) => found.filter((v) => !(v.path === 'maximumRetryAttempts' && v.rule === 'max' && v.value === 3)) }),
  },
  'max-items-above-50': {
    description: 'List accepts MaxItems above 50',
    breaks: { rule: '§1 MaxItems 1-50', evidence: 'model' },
    around: (op, input, ctx, next) => next(op, input, ctx, { violations: (found) => found.filter((v) => !(v.path === 'maxItems' && v.rule === 'max')) }),
  },
  'qualifier-pattern-unchecked': {
    description: 'The Qualifier parameter is not checked against its pattern',
    breaks: { rule: '§1 Qualifier pattern', evidence: 'model' },
    around: (op, input, ctx, next) => next(op, input, ctx, { violations: (found) => found.filter((v) => !(v.path === 'qualifier' && v.rule === 'pattern')) }),
  },
  'qualifier-length-unchecked': {
    description: 'A Qualifier longer than 128 characters is accepted',
    breaks: { rule: '§1 Qualifier length 1-128', evidence: 'model' },
    around: (op, input, ctx, next) => next(op, input, ctx, { violations: (found) => found.filter((v) => !(v.path === 'qualifier' && v.rule === 'maxLength')) }),
  },
  'destination-pattern-unchecked': {
    description: 'A malformed destination ARN is not refused with ValidationException (it reaches the type check)',
    breaks: { rule: '§5 malformed ARN: 400 ValidationException', evidence: 'recorded' },
    around: (op, input, ctx, next) => next(op, input, ctx, { violations: (found) => found.filter((v) => !v.path.startsWith('destinationConfig.')) }),
  },
  'validation-as-invalid-parameter': {
    description: 'Constraint violations answer InvalidParameterValueException instead of ValidationException',
    breaks: { rule: '§2 constraint violations: ValidationException', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      return !outcome.ok && outcome.error.code === 'ValidationException' ? refused(new AwsError('InvalidParameterValueException', outcome.error.message)) : outcome;
    },
  },
  'validation-first-only': {
    description: 'With several constraint violations only the first is reported',
    breaks: { rule: '§2 several violations: "N validation errors detected"', evidence: 'recorded' },
    around: (op, input, ctx, next) => next(op, input, ctx, { violations: (found) => found.slice(0, 1) }),
  },
  // §2 error bodies and headers
  'not-found-lower-case-message': {
    description: 'ResourceNotFoundException bodies carry "message" instead of "Message"',
    breaks: { rule: '§2 ResourceNotFoundException body {Type, Message}', evidence: 'recorded' },
    wire: errorBody('ResourceNotFoundException', renamed('Message', 'message')),
  },
  'invalid-parameter-capital-message': {
    description: 'InvalidParameterValueException bodies carry "Message" instead of "message"',
    breaks: { rule: '§2 InvalidParameterValueException body {Type, message}', evidence: 'recorded' },
    wire: errorBody('InvalidParameterValueException', renamed('message', 'Message')),
  },
  'validation-with-type': {
    description: 'ValidationException bodies carry "Type": "User"',
    breaks: { rule: '§2 ValidationException body has no Type', evidence: 'recorded' },
    wire: errorBody('ValidationException', (body) => ({ Type: 'User', ...body })),
  },
  'no-error-type-header': {
    description: 'Errors carry their code only in the body (__type), without x-amzn-ErrorType',
    breaks: { rule: '§2 x-amzn-errortype on every error', evidence: 'model' },
    wire: (answer) => {
      if (answer.status < 400) return answer;
      const code = Object.entries(answer.headers).find(([k]) => k.toLowerCase() === 'x-amzn-errortype')?.[1];
      const body = { __type: code, ...(JSON.parse(answer.body) as Record<string, unknown>) };
      return header('x-amzn-ErrorType', undefined, () => true)({ ...answer, body: JSON.stringify(body) });
    },
  },
  'no-request-id-on-delete': {
    description: 'Delete answers without x-amzn-RequestId (every other operation has it)',
    breaks: { rule: '§2 x-amzn-RequestId on every answer', evidence: 'model' },
    wire: header('x-amzn-RequestId', undefined, (_a, op) => op === DELETE),
  },
  'no-request-id-on-errors': {
    description: 'Error answers carry no x-amzn-RequestId',
    breaks: { rule: '§2 x-amzn-RequestId on every answer', evidence: 'model' },
    wire: header('x-amzn-RequestId', undefined, (a) => a.status >= 400),
  },
  'text-content-type-on-get': {
    description: 'Get answers Content-Type text/plain (the JSON body is right)',
    breaks: { rule: '§1 rest-json answers are application/json', evidence: 'model' },
    wire: header('Content-Type', 'text/plain; charset=utf-8', (_a, op) => op === GET),
  },
  // §7 faults
  'throttle-without-retry-after': {
    description: 'A throttled call (429) has no Retry-After header',
    breaks: { rule: '§2/§7 TooManyRequestsException: Retry-After header', evidence: 'model' },
    wire: header('Retry-After', undefined, (a) => a.status === 429),
  },
  'throttle-without-reason': {
    description: 'A throttled call (429) has no Reason member',
    breaks: { rule: '§2/§7 TooManyRequestsException: Reason', evidence: 'model' },
    wire: errorBody('TooManyRequestsException', ({ Reason: _r, ...rest }) => rest),
  },
  'service-fault-as-503': {
    description: 'An internal error answers 503 instead of 500 ServiceException',
    breaks: { rule: '§7 ServiceException: 500', evidence: 'model' },
    wire: (answer) => (answer.status === 500 ? { ...answer, status: 503 } : answer),
  },
  'conflict-fault-as-400': {
    description: 'A conflict answers 400 instead of 409 ResourceConflictException',
    breaks: { rule: '§7 ResourceConflictException: 409', evidence: 'model' },
    wire: (answer) => (answer.status === 409 ? { ...answer, status: 400 } : answer),
  },
  // §3 naming the function and the qualifier
  'partial-arn-unsupported': {
    description: 'A partial ARN (account:function:name) is taken as a function name that does not exist',
    breaks: { rule: '§3 FunctionName may be a partial ARN', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const ref = nameOf(input);
      if (!EIC.includes(op) || !ref?.isArn || String(input.FunctionName).startsWith('arn:')) return next(op, input, ctx);
      return op === GET || op === DELETE ? refused(fail('noEventInvokeConfig', functionArn(ctx, String(input.FunctionName), qualifierOf(input)))) : refused(fail('functionDoesNotExist'));
    },
  },
  'arn-qualifier-ignored': {
    description: 'A qualifier at the end of a full ARN is ignored (only name:qualifier is understood)',
    breaks: { rule: '§3 the qualifier may end a full ARN', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const ref = nameOf(input);
      if (!EIC.includes(op) || !String(input.FunctionName).startsWith('arn:') || ref?.qualifier === undefined) return next(op, input, ctx);
      return next(op, { ...input, FunctionName: String(input.FunctionName).slice(0, -(ref.qualifier.length + 1)) }, ctx);
    },
  },
  'qualifier-conflict-unchecked': {
    description: 'A Qualifier that differs from the one in the name is not refused: the parameter wins',
    breaks: { rule: '§3 qualifier mismatch: 400 InvalidParameterValueException', evidence: 'recorded' },
    around: (op, input, ctx, next) =>
      EIC.includes(op) && input.Qualifier !== undefined && nameOf(input)?.qualifier !== undefined ? next(op, aimed(input, String(input.Qualifier)), ctx) : next(op, input, ctx),
  },
  'qualifier-conflict-after-lookup': {
    description: 'The qualifier-conflict check comes after the existence check (a missing function answers 404)',
    breaks: { rule: '§3 the conflict check comes before any existence check', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const ref = nameOf(input);
      if (!EIC.includes(op) || input.Qualifier === undefined || ref?.qualifier === undefined || ref.qualifier === input.Qualifier) return next(op, input, ctx);
      if (functionExists(ref.name, ctx, next)) return next(op, input, ctx);
      return op === GET || op === DELETE ? refused(fail('noEventInvokeConfig', functionArn(ctx, ref.name, String(input.Qualifier)))) : refused(fail('functionDoesNotExist'));
    },
  },
  'other-region-arn-accepted': {
    description: "A full ARN naming another region reaches this region's function",
    breaks: { rule: '§3 another region: 404 "not reachable in this region"', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const ref = nameOf(input);
      if (!EIC.includes(op) || ref?.region === undefined || ref.region === ctx.region) return next(op, input, ctx);
      return next(op, { ...input, FunctionName: `${ref.name}${ref.qualifier !== undefined ? `:${ref.qualifier}` : ''}` }, ctx);
    },
  },
  'explicit-latest-unknown': {
    description: 'An explicit $LATEST (parameter or name suffix) is looked up like an alias, and not found',
    breaks: { rule: '§3 the effective qualifier: $LATEST named explicitly is $LATEST', evidence: 'recorded' },
    around: (op, input, ctx, next) =>
      EIC.includes(op) && op !== LIST && (input.Qualifier === LATEST || nameOf(input)?.qualifier === LATEST) ? next(op, aimed(input, '$LATEST.PUBLISHED'), ctx) : next(op, input, ctx),
  },
  'alias-config-on-version': {
    description: "An alias's config is stored on the version the alias points at",
    breaks: { rule: '§3 each alias holds its own config', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const q = qualifierOf(input);
      const ref = nameOf(input);
      if (!EIC.includes(op) || op === LIST || q === LATEST || /^\d+$/.test(q) || !ref) return next(op, input, ctx);
      const alias = next('GetAlias', { FunctionName: ref.name, Name: q }, ctx);
      const version = alias.ok ? String(alias.output?.FunctionVersion) : undefined;
      return version === undefined ? next(op, input, ctx) : next(op, aimed(input, version), ctx);
    },
  },
  'publish-copies-config': {
    description: "PublishVersion copies $LATEST's config to the new version",
    breaks: { rule: '§3 publishing a version does not copy the $LATEST config', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (op !== 'PublishVersion' || !outcome.ok) return outcome;
      const latest = configOf(next(GET, { FunctionName: input.FunctionName }, ctx));
      if (latest) {
        const { FunctionArn: _a, LastModified: _l, ...settings } = latest;
        next(PUT, { FunctionName: input.FunctionName, Qualifier: String(outcome.output?.Version), ...settings }, ctx);
      }
      return outcome;
    },
  },
  'delete-latest-deletes-all': {
    description: "Deleting $LATEST's config deletes every qualifier's config",
    breaks: { rule: "§3 deleting $LATEST's config leaves the others", evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (op !== DELETE || !outcome.ok || qualifierOf(input) !== LATEST) return outcome;
      const listed = configOf(next(LIST, { FunctionName: nameOf(input)?.name ?? input.FunctionName }, ctx));
      for (const c of (listed?.FunctionEventInvokeConfigs as Array<{ FunctionArn: string }> | undefined) ?? []) next(DELETE, { FunctionName: c.FunctionArn }, ctx);
      return outcome;
    },
  },
  'name-prefix-lookup': {
    description: 'A missing function name resolves to another function whose name starts with it',
    breaks: { rule: '§4 function missing: 404', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const ref = nameOf(input);
      if (!EIC.includes(op) || !ref || functionExists(ref.name, ctx, next)) return next(op, input, ctx);
      const all = configOf(next('ListFunctions', {}, ctx))?.Functions as Array<{ FunctionName: string }> | undefined;
      const other = all?.map((f) => f.FunctionName).find((n) => n.startsWith(ref.name));
      return other === undefined ? next(op, input, ctx) : next(op, { ...input, FunctionName: String(input.FunctionName).replace(ref.name, other) }, ctx);
    },
  },
  // §4 Put
  'at-least-one-after-lookup': {
    description: 'Put and Update look the function up before the at-least-one-setting check (a missing function answers 404)',
    breaks: { rule: '§4 Put 1: the at-least-one check comes before the lookup', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const none = ['MaximumRetryAttempts', 'MaximumEventAgeInSeconds', 'DestinationConfig'].every((k) => input[k] === undefined || input[k] === null);
      return (op === PUT || op === UPDATE) && none && !functionExists(nameOf(input)?.name, ctx, next) ? refused(fail('functionDoesNotExist')) : next(op, input, ctx);
    },
  },
  'empty-destination-config-not-a-setting': {
    description: 'DestinationConfig without a destination does not count as a setting (400 at-least-one)',
    breaks: { rule: '§4 Put 1: DestinationConfig {"OnSuccess": {}} counts as present', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const dc = input.DestinationConfig as DestinationInput | undefined;
      const empty = dc && !dc.OnSuccess?.Destination && !dc.OnFailure?.Destination;
      return (op === PUT || op === UPDATE) && empty && input.MaximumRetryAttempts == null && input.MaximumEventAgeInSeconds == null ? refused(fail('atLeastOneSetting')) : next(op, input, ctx);
    },
  },
  'put-any-qualifier': {
    description: 'Put to a version or alias that does not exist succeeds (the config lands on $LATEST)',
    breaks: { rule: '§4 Put 3: the qualifier must name a version or alias', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (op !== PUT || outcome.ok || outcome.error.code !== 'ResourceNotFoundException' || !functionExists(nameOf(input)?.name, ctx, next)) return outcome;
      // Make the version exist long enough to store the config under it, as a store without checks would.
      return next(PUT, aimed(input, undefined), ctx).ok
        ? { ok: true, status: 200, output: { ...configOf(next(GET, aimed(input, undefined), ctx)), FunctionArn: functionArn(ctx, nameOf(input)!.name, qualifierOf(input)) } }
        : outcome;
    },
  },
  'defaults-echoed': {
    description: 'Answers show the default retries (2) and event age (21600) when none were set',
    breaks: { rule: '§6 defaults are not echoed', evidence: 'docs' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (!outcome.ok || !ONE_CONFIG.includes(op) || !outcome.output) return outcome;
      return { ...outcome, output: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21600, ...outcome.output } };
    },
  },
  'explicit-default-dropped': {
    description: 'A setting equal to its default (2 retries, 21600 s) is dropped from answers',
    breaks: { rule: '§8 explicit defaults are echoed', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (!outcome.ok || !ONE_CONFIG.includes(op) || !outcome.output) return outcome;
      const { MaximumRetryAttempts: r, MaximumEventAgeInSeconds: a, ...rest } = outcome.output;
      return { ...outcome, output: { ...rest, ...(r !== 2 && r !== undefined ? { MaximumRetryAttempts: r } : {}), ...(a !== 21600 && a !== undefined ? { MaximumEventAgeInSeconds: a } : {}) } };
    },
  },
  // §4 Update
  'update-missing-function-says-no-config': {
    description: 'Update on a missing function answers the no-EventInvokeConfig 404 instead of "The function doesn\'t exist."',
    breaks: { rule: '§4 Update: function missing: 404 "The function doesn\'t exist."', evidence: 'recorded' },
    around: (op, input, ctx, next) =>
      op === UPDATE && !functionExists(nameOf(input)?.name, ctx, next) && nameOf(input) && !next(op, input, ctx).ok
        ? refused(fail('noEventInvokeConfig', functionArn(ctx, nameOf(input)!.name, qualifierOf(input))))
        : next(op, input, ctx),
  },
  'update-drops-destinations': {
    description: 'Update without DestinationConfig removes the stored destinations',
    breaks: { rule: '§8 Update keeps destinations it is not given', evidence: 'recorded' },
    around: (op, input, ctx, next) => (op === UPDATE && input.DestinationConfig == null ? next(op, { ...input, DestinationConfig: {} }, ctx) : next(op, input, ctx)),
  },
  'update-message-unqualified-arn': {
    description: "Update's no-config 404 names the function ARN without its qualifier",
    breaks: { rule: '§4 Update: no config: the message names the qualified ARN', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (op !== UPDATE || outcome.ok || outcome.error.code !== 'ResourceNotFoundException' || !functionExists(nameOf(input)?.name, ctx, next)) return outcome;
      return refused(new AwsError('ResourceNotFoundException', `The function ${functionArn(ctx, nameOf(input)!.name)} doesn't have an EventInvokeConfig`));
    },
  },
  // §4 Get, Delete, List
  'get-checks-qualifier': {
    description: 'Get on a version or alias that does not exist answers "The function doesn\'t exist."',
    breaks: { rule: '§4 Get does not check that the version or alias exists', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      const q = qualifierOf(input);
      if (op !== GET || outcome.ok || q === LATEST || !functionExists(nameOf(input)?.name, ctx, next)) return outcome;
      const exists = /^\d+$/.test(q) ? next('GetFunction', { FunctionName: nameOf(input)!.name, Qualifier: q }, ctx).ok : next('GetAlias', { FunctionName: nameOf(input)!.name, Name: q }, ctx).ok;
      return exists ? outcome : refused(fail('functionDoesNotExist'));
    },
  },
  'get-missing-function-message': {
    description: 'Get and Delete on a missing function answer "The function doesn\'t exist."',
    breaks: { rule: '§4 Get/Delete: function missing: the no-EventInvokeConfig 404', evidence: 'recorded' },
    around: (op, input, ctx, next) =>
      (op === GET || op === DELETE) && nameOf(input) && !functionExists(nameOf(input)!.name, ctx, next) && !next(op, input, ctx).ok ? refused(fail('functionDoesNotExist')) : next(op, input, ctx),
  },
  'list-missing-function-empty': {
    description: 'List on a missing function answers 200 with no configs',
    breaks: { rule: '§4 List: function missing: 404 "The function doesn\'t exist."', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      return op === LIST && !outcome.ok && outcome.error.code === 'ResourceNotFoundException' ? { ok: true, status: 200, output: { FunctionEventInvokeConfigs: [] } } : outcome;
    },
  },
  'list-latest-only': {
    description: "List shows only $LATEST's config",
    breaks: { rule: '§4 List: all configs of the function, every qualifier', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (op !== LIST || !outcome.ok) return outcome;
      const items = (outcome.output!.FunctionEventInvokeConfigs as Array<{ FunctionArn: string }>).filter((c) => c.FunctionArn.endsWith(':$LATEST'));
      return { ...outcome, output: { ...outcome.output, FunctionEventInvokeConfigs: items } };
    },
  },
  'list-marker-on-last-page': {
    description: 'List sends a NextMarker on the last page too (it leads to an empty page)',
    breaks: { rule: '§4 List: NextMarker only when more remain', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (op !== LIST || !outcome.ok || outcome.output?.NextMarker !== undefined) return outcome;
      const items = outcome.output?.FunctionEventInvokeConfigs as Array<{ FunctionArn: string }>;
      if (items.length === 0) return outcome;
      return { ...outcome, output: { ...outcome.output, NextMarker: Buffer.from(`eic:${items[items.length - 1]!.FunctionArn.split(':').pop()}`).toString('base64url') } };
    },
  },
  'list-pages-overlap': {
    description: 'Each List page starts again at the last config of the previous page',
    breaks: { rule: '§4 List: pages together hold every config once', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      if (op !== LIST || typeof input.Marker !== 'string') return next(op, input, ctx);
      const last = /^eic:(.+)$/.exec(Buffer.from(input.Marker, 'base64url').toString('utf8'))?.[1];
      if (last === undefined) return next(op, input, ctx);
      // One before the marker's qualifier: the previous page's last config comes again.
      const before = `${last.slice(0, -1)}${String.fromCharCode(last.charCodeAt(last.length - 1) - 1)}~`;
      return next(op, { ...input, Marker: Buffer.from(`eic:${before}`).toString('base64url') }, ctx);
    },
  },
  'list-arns-unqualified': {
    description: 'List items carry the function ARN without the qualifier (Put, Get and Update are right)',
    breaks: { rule: '§4 List: each config with its qualified FunctionArn', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (op !== LIST || !outcome.ok) return outcome;
      const items = (outcome.output!.FunctionEventInvokeConfigs as Array<Record<string, unknown>>).map((c) => ({ ...c, FunctionArn: String(c.FunctionArn).replace(/:[^:]+$/, '') }));
      return { ...outcome, output: { ...outcome.output, FunctionEventInvokeConfigs: items } };
    },
  },
  // §5 destinations
  'lambda-destination-unchecked': {
    description: 'A Lambda destination that does not exist is accepted',
    breaks: { rule: '§5 a Lambda function ARN that does not exist: 400', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (outcome.ok || outcome.error.code !== 'InvalidParameterValueException') return outcome;
      const missing = (d: string) => /^arn:[^:]*:lambda:/.test(d) && d.split(':')[6] !== nameOf(input)?.name && !functionExists(d.split(':')[6], ctx, next);
      return letThrough(op, input, ctx, next, missing) ?? outcome;
    },
  },
  'self-destination-allowed': {
    description: 'The function may be its own destination',
    breaks: { rule: '§5 the function\'s own ARN: 400 "You can\'t specify the function as a destination for itself."', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const own = functionArn(ctx, nameOf(input)?.name ?? '');
      return letThrough(op, input, ctx, next, (d) => d === own || d.startsWith(`${own}:`)) ?? next(op, input, ctx);
    },
  },
  's3-on-success-allowed': {
    description: 'An S3 bucket is accepted as OnSuccess destination',
    breaks: { rule: '§5 S3 for OnFailure only: OnSuccess is refused', evidence: 'recorded' },
    around: (op, input, ctx, next) => letThrough(op, input, ctx, next, (d, outcome) => outcome === 'OnSuccess' && /^arn:[^:]*:s3:/.test(d)) ?? next(op, input, ctx),
  },
  'any-service-destination': {
    description: 'Any service is accepted as a destination (IAM, DynamoDB, ...)',
    breaks: { rule: '§5 a service that is not a destination type: 400', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (outcome.ok || outcome.error.code !== 'InvalidParameterValueException') return outcome;
      return letThrough(op, input, ctx, next, (d) => !DESTINATION_SERVICE.test(d)) ?? outcome;
    },
  },
  'destinations-before-lookup': {
    description: 'Put checks destinations before looking the function up (a missing function with a bad destination answers 400)',
    breaks: { rule: '§4 Put: 3 (function missing: 404) before 4 (destinations)', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const dc = input.DestinationConfig as DestinationInput | undefined;
      const bad = [dc?.OnSuccess?.Destination, dc?.OnFailure?.Destination].some((d) => typeof d === 'string' && d !== '' && /^arn:/.test(d) && !DESTINATION_SERVICE.test(d));
      return op === PUT && bad && !functionExists(nameOf(input)?.name, ctx, next) ? refused(fail('destinationConfigInvalid', renderDestinationConfig(dc!))) : next(op, input, ctx);
    },
  },
  'same-destination-twice-refused': {
    description: 'The same destination for OnSuccess and OnFailure is refused',
    breaks: { rule: '§5 the same SQS queue may serve both', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const dc = input.DestinationConfig as DestinationInput | undefined;
      return (op === PUT || op === UPDATE) && dc?.OnSuccess?.Destination && dc.OnSuccess.Destination === dc.OnFailure?.Destination
        ? refused(fail('destinationConfigInvalid', renderDestinationConfig(dc)))
        : next(op, input, ctx);
    },
  },
  'update-skips-destination-checks': {
    description: 'Update does not check destinations (Put does)',
    breaks: { rule: '§5 destinations are checked on Put and Update', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (op !== UPDATE || outcome.ok || outcome.error.code !== 'InvalidParameterValueException' || !configOf(next(GET, input, ctx))) return outcome;
      return letThrough(op, input, ctx, next, () => true) ?? outcome;
    },
  },
  // §6 the config in answers
  'last-modified-milliseconds': {
    description: 'LastModified is epoch milliseconds instead of seconds',
    breaks: { rule: '§6 LastModified is epoch seconds', evidence: 'recorded' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (!outcome.ok || !ONE_CONFIG.includes(op) || typeof outcome.output?.LastModified !== 'number') return outcome;
      return { ...outcome, output: { ...outcome.output, LastModified: Math.round(Number(outcome.output.LastModified) * 1000) } };
    },
  },
  'last-modified-whole-seconds': {
    description: 'LastModified is a whole number of seconds (no fraction)',
    breaks: { rule: '§6 LastModified: epoch seconds with a fraction', evidence: 'recorded' },
    wire: (answer, operation) => (operation !== undefined && EIC.includes(operation) ? { ...answer, body: answer.body.replace(/("LastModified":)(\d+)\.\d+/g, '$1$2') } : answer),
  },
  'extra-answer-members': {
    description: 'Answers carry members AWS does not send (FunctionName, Qualifier)',
    breaks: { rule: '§6/§4: the documented members only', evidence: 'docs' },
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      if (!outcome.ok || !ONE_CONFIG.includes(op) || !outcome.output) return outcome;
      return { ...outcome, output: { ...outcome.output, FunctionName: nameOf(input)?.name, Qualifier: qualifierOf(input) } };
    },
  },
} as const satisfies Record<string, Quirk & { readonly breaks: { readonly rule: string; readonly evidence: 'docs' | 'model' | 'recorded' | 'inferred' } }>;
