/** What a quirk is: a description, the rule it breaks, and how it acts around the model or on the wire. */
import type { Context } from '../model/context.js';
import type { Core, HttpAnswer, Outcome } from '../model/outcome.js';
import type { Evidence } from '../spec/errors.js';
import type { OperationName } from '../spec/operations.js';

/**
 * One quirk. `around` sees a call from outside the model and may call it (`next`) as often as it
 * likes; `wire` rewrites the HTTP answer.
 * @example const q: Quirk = { description: 'Delete answers 200', around: (op, input, ctx, next) => next(op, input, ctx) };
 */
export interface Quirk {
  readonly description: string;
  /** The rule of aws-behaviour.md the quirk breaks, and that rule's evidence. */
  readonly breaks?: { readonly rule: string; readonly evidence: Evidence };
  readonly around?: (operation: OperationName, input: Readonly<Record<string, unknown>>, ctx: Context, next: Core) => Outcome;
  /** Rewrites the HTTP answer; `operation` is the Lambda operation the request routed to, if any. */
  readonly wire?: (answer: HttpAnswer, operation?: OperationName) => HttpAnswer;
}
