/**
 * Switchable quirks that make the reference emulator behave like a typical buggy emulator, so the
 * suite can prove it notices. Each quirk wraps one call to the model from outside (or rewrites the
 * HTTP answer), applied by `QuirkLayer` (`./layer.ts`); none is on unless asked for
 * (`lambda-eic serve --quirk`, `lambda-eic run --quirk`). Quirks match on operations, error codes
 * and state, never on message text.
 */
import { AwsError } from '../model/aws-error.js';
import type { Outcome } from '../model/outcome.js';
import type { OperationName } from '../spec/operations.js';
import { SPEC_QUIRKS } from './by-rule.js';
import type { Quirk } from './quirk.js';

export type { Quirk };

const PUT = 'PutFunctionEventInvokeConfig';
const UPDATE = 'UpdateFunctionEventInvokeConfig';
const GET = 'GetFunctionEventInvokeConfig';
const DELETE = 'DeleteFunctionEventInvokeConfig';
const LIST = 'ListFunctionEventInvokeConfigs';
const CONFIG_OPS: readonly string[] = [PUT, UPDATE, GET, LIST];
const NOT_FOUND = 'ResourceNotFoundException';

const target = (input: Readonly<Record<string, unknown>>) => ({ FunctionName: input.FunctionName, ...(input.Qualifier !== undefined ? { Qualifier: input.Qualifier } : {}) });

/** Applies `change` to each config an answer carries (one, or a List page). */
function eachConfig(outcome: Outcome, operation: OperationName, change: (config: Record<string, unknown>) => Record<string, unknown>): Outcome {
  if (!outcome.ok || !outcome.output || !CONFIG_OPS.includes(operation)) return outcome;
  const output = outcome.output;
  if (operation === LIST) {
    const items = (output.FunctionEventInvokeConfigs as Record<string, unknown>[]).map(change);
    return { ...outcome, output: { ...output, FunctionEventInvokeConfigs: items } };
  }
  return { ...outcome, output: change(output) };
}

const mapError = (outcome: Outcome, change: (e: AwsError) => AwsError): Outcome => (outcome.ok ? outcome : { ok: false, error: change(outcome.error) });

export const QUIRKS = {
  'update-replaces': {
    breaks: { rule: '§4 Update merges: a member left out keeps its stored value', evidence: 'recorded' },
    description: 'Update replaces the stored config instead of merging into it',
    around: (op, input, ctx, next) => (op === UPDATE && next(GET, target(input), ctx).ok ? next(PUT, input, ctx) : next(op, input, ctx)),
  },
  'update-creates': {
    breaks: { rule: '§4 Update never creates a config', evidence: 'recorded' },
    description: 'Update creates a missing config',
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      // Any 404 of Update: where the function or qualifier is missing, Put answers the same 404 and stores nothing.
      return op === UPDATE && !outcome.ok && outcome.error.code === NOT_FOUND ? next(PUT, input, ctx) : outcome;
    },
  },
  'put-merges': {
    breaks: { rule: '§4 Put overwrites: a field left out is removed', evidence: 'recorded' },
    description: 'Put merges into the stored config instead of overwriting it',
    around: (op, input, ctx, next) => (op === PUT && next(GET, target(input), ctx).ok ? next(UPDATE, input, ctx) : next(op, input, ctx)),
  },
  'unqualified-function-arn': {
    breaks: { rule: '§6 FunctionArn is always qualified', evidence: 'docs' },
    description: 'FunctionArn without the :$LATEST qualifier',
    around: (op, input, ctx, next) => eachConfig(next(op, input, ctx), op, (c) => ({ ...c, FunctionArn: String(c.FunctionArn).replace(/:\$LATEST$/, '') })),
  },
  'destinations-not-normalised': {
    breaks: { rule: '§6 DestinationConfig always has both keys', evidence: 'docs' },
    description: 'DestinationConfig omits the empty OnSuccess/OnFailure members',
    around: (op, input, ctx, next) =>
      eachConfig(next(op, input, ctx), op, (c) => {
        const dc = c.DestinationConfig as Record<string, Record<string, unknown>>;
        const kept = Object.fromEntries(Object.entries(dc).filter(([, v]) => Object.keys(v).length > 0));
        const { DestinationConfig: _drop, ...rest } = c;
        return Object.keys(kept).length > 0 ? { ...rest, DestinationConfig: kept } : rest;
      }),
  },
  'no-range-checks': {
    breaks: { rule: '§1 integer ranges', evidence: 'model' },
    description: 'Integer ranges are not checked',
    around: (op, input, ctx, next) => next(op, input, ctx, { violations: (found) => found.filter((v) => v.rule !== 'min' && v.rule !== 'max') }),
  },
  'ranges-off-by-one': {
    breaks: { rule: '§1 integer ranges (each end)', evidence: 'model' },
    description: 'Range checks accept one past each end (min-1 and max+1)',
    around: (op, input, ctx, next) =>
      next(op, input, ctx, {
        violations: (found) => found.filter((v) => !((v.rule === 'min' && v.value === Number(v.bound) - 1) || (v.rule === 'max' && v.value === Number(v.bound) + 1))),
      }),
  },
  'not-found-as-400': {
    breaks: { rule: '§4 not found: 404 ResourceNotFoundException', evidence: 'recorded' },
    description: 'Not-found errors answer 400 instead of 404',
    around: (op, input, ctx, next) => mapError(next(op, input, ctx), (e) => (e.code === NOT_FOUND ? new AwsError(e.code, e.message, { status: 400, evidence: e.evidence }) : e)),
  },
  'reworded-messages': {
    breaks: { rule: '§3-5 error messages word for word', evidence: 'recorded' },
    description: 'Error messages are worded differently from AWS',
    around: (op, input, ctx, next) =>
      mapError(next(op, input, ctx), (e) => new AwsError(e.code, `Error: ${e.message.replace(/\.$/, '').toLowerCase()}`, { evidence: e.evidence, extra: { ...e.extra }, headers: { ...e.headers } })),
  },
  'iso-last-modified': {
    breaks: { rule: '§6 LastModified is epoch seconds', evidence: 'recorded' },
    description: 'LastModified is an ISO-8601 string instead of epoch seconds',
    around: (op, input, ctx, next) => eachConfig(next(op, input, ctx), op, (c) => ({ ...c, LastModified: new Date(Number(c.LastModified) * 1000).toISOString() })),
  },
  'qualifier-ignored': {
    breaks: { rule: '§3 $LATEST, versions and aliases hold separate configs', evidence: 'recorded' },
    description: 'The qualifier (parameter or name suffix) is ignored: everything lands on $LATEST',
    around: (op, input, ctx, next) => {
      if (!op.includes('EventInvokeConfig')) return next(op, input, ctx);
      const { Qualifier: _q, ...rest } = input;
      const name = String(input.FunctionName ?? '').replace(/^((?:arn:[^:]*:lambda:[^:]+:\d{12}:function:|\d{12}:function:)?[^:]+):.*$/, '$1');
      return next(op, { ...rest, FunctionName: name }, ctx);
    },
  },
  'list-without-paging': {
    breaks: { rule: '§4 List: MaxItems cuts a page', evidence: 'recorded' },
    description: 'List ignores MaxItems and Marker and answers everything at once',
    around: (op, input, ctx, next) => {
      if (op !== LIST) return next(op, input, ctx);
      const { Marker: _m, ...rest } = input;
      return next(op, { ...rest, MaxItems: Number.MAX_SAFE_INTEGER }, ctx, { violations: (found) => found.filter((v) => v.path !== 'maxItems') });
    },
  },
  'delete-missing-204': {
    breaks: { rule: '§4 Delete is not idempotent: a second Delete is a 404', evidence: 'recorded' },
    description: 'Delete of a missing config answers 204',
    around: (op, input, ctx, next) => {
      const outcome = next(op, input, ctx);
      return op === DELETE && !outcome.ok && outcome.error.code === NOT_FOUND ? { ok: true, status: 204, output: undefined } : outcome;
    },
  },
  'html-errors': {
    breaks: { rule: '§2 every error has a JSON body', evidence: 'model' },
    description: 'Errors come back as HTML pages',
    wire: (answer) => (answer.status < 400 ? answer : { status: answer.status, headers: { 'Content-Type': 'text/html' }, body: `<html><body><h1>Error ${answer.status}</h1></body></html>` }),
  },
  ...SPEC_QUIRKS,
} as const satisfies Record<string, Quirk>;

export type QuirkName = keyof typeof QUIRKS;
export const QUIRK_NAMES = Object.keys(QUIRKS) as QuirkName[];
export const isQuirkName = (name: string): name is QuirkName => Object.hasOwn(QUIRKS, name);
