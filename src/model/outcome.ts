/**
 * What the model answers, and the shape of a layer applied around it. The model knows nothing of
 * the layers (the quirks of `src/quirks`, the realism profile of `src/realism`): they see its
 * calls and answers from outside, and may call it again.
 */
import type { OperationName } from '../spec/operations.js';
import type { AwsError } from './aws-error.js';
import type { Context } from './context.js';
import type { Violation } from './validate.js';

/** One call's answer: the output with its status, or the AWS error. */
export type Outcome = { readonly ok: true; readonly status: number; readonly output: Record<string, unknown> | undefined } | { readonly ok: false; readonly error: AwsError };

/** What a caller of the model may relax: the constraint violations that count (a laxer service). */
export interface CoreOptions {
  /** Given the violations found, the ones to report (the rest are waived). */
  readonly violations?: (found: readonly Violation[]) => Violation[];
}

/**
 * The model as a layer sees it: one call, answered without throwing.
 * @example const core: Core = (op, input, ctx) => emulator.invoke(op, input, ctx);
 */
export type Core = (operation: OperationName, input: Readonly<Record<string, unknown>>, ctx: Context, options?: CoreOptions) => Outcome;

/** An HTTP answer as a transport sends it. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * A layer applied around the model: it may answer a call itself, call the model (`next`) with
 * other operations or inputs, adjust the answer, and rewrite the HTTP answer of a call.
 * @example
 * const swap: ModelWrapper = { around: (op, input, ctx, next) => next(op, input, ctx) };
 * new Emulator({ wrapper: swap });
 */
export interface ModelWrapper {
  around?(operation: OperationName, input: Readonly<Record<string, unknown>>, ctx: Context, next: Core): Outcome;
  /** Rewrites the HTTP answer; `operation` is the Lambda operation the request routed to, if any. */
  wire?(answer: HttpAnswer, operation?: OperationName): HttpAnswer;
}
