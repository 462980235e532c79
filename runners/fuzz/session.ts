/**
 * One fuzz sequence, run against the target and the reference model side by side: each action's
 * calls go to both, every answer is compared, and the log keeps what each side said.
 */
import type { OperationName } from '../../src/spec/operations.js';
import type { Identity, Observation, Target } from '../targets/target.js';
import { FN_INDEXES, fnOf, withFn, type Action, type FnIndex, type QualifierValue } from './actions.js';
import { compareAnswers, type Difference, type ReferenceVerdict } from './compare.js';
import { ModelOracle } from './oracle.js';
import { requestsFor, type ModelCall, type RenderContext } from './render.js';

export interface Exchange {
  readonly request: ModelCall;
  readonly expected: Observation;
  readonly actual: Observation;
  readonly verdict: ReferenceVerdict;
}

export interface LoggedStep {
  readonly action: Action;
  readonly exchanges: Exchange[];
  readonly differences: Array<Difference & { readonly operation: OperationName; readonly advisory: boolean; readonly known: boolean }>;
}

/** Raised inside a fast-check run when a step differs on a rule that fails the run. */
export class DifferenceFound extends Error {}

/** A difference's identity for grouping: operation, place, and what each side said, names replaced. */
export type Signature = string;

const LIST_PAGES_MAX = 60;

export interface SessionOptions {
  readonly target: Target;
  readonly identity: Identity;
  readonly live: RenderContext;
  /** Whether this difference is already known (a found root cause or a baseline entry). */
  readonly isKnown: (signature: Signature) => boolean;
  readonly signatureOf: (operation: OperationName, difference: Difference) => Signature;
}

/**
 * Runs actions on both sides and keeps the log.
 * @example const session = new FuzzSession(options); await session.step({ kind: 'CreateFunction', fn: 0 });
 */
export class FuzzSession {
  readonly log: LoggedStep[] = [];
  calls = 0;
  private readonly oracle: ModelOracle;
  private serial = 0;

  /** The names and identity this sequence's calls use. */
  get live(): RenderContext {
    return this.options.live;
  }

  constructor(private readonly options: SessionOptions) {
    this.oracle = new ModelOracle(options.identity);
  }

  private async both(request: ModelCall): Promise<Exchange> {
    const { observation: expected, verdict } = this.oracle.send(request);
    const actual = await this.options.target.send(request);
    this.calls += 1;
    return { request, expected, actual, verdict };
  }

  /** Whether the action can run now: always, except creating when every function exists. */
  applicable(action: Action): boolean {
    return this.effective(action) !== undefined;
  }

  /**
   * The action as it runs against the model's current state: one naming a missing function is
   * turned to an existing one (or, with none, into creating it), CreateFunction to a missing
   * name; a `force`d action runs as generated, to probe the error paths.
   */
  effective(action: Action): Action | undefined {
    if (action.kind === 'Fault') return this.options.target.armFault ? action : undefined;
    const existing = FN_INDEXES.filter((i) => this.oracle.hasFunction(this.options.live.names[i]));
    const missing = FN_INDEXES.filter((i) => !existing.includes(i));
    if (action.force) return action.probe && existing.includes(fnOf(action)) && missing.length > 0 ? withFn(action, missing[0]!) : action;
    const fn = fnOf(action);
    if (action.kind === 'CreateFunction') return missing.includes(fn) ? action : missing.length > 0 ? { ...action, fn: missing[fn % missing.length]! } : undefined;
    if (existing.length === 0) return { kind: 'CreateFunction', fn };
    const moved = existing.includes(fn) ? action : withFn(action, existing[fn % existing.length]!);
    if (moved.kind === 'Put') return this.toExistingQualifier(moved);
    if (moved.kind === 'List') return this.toSeveralConfigs(moved, existing);
    if (moved.kind === 'PutEach') {
      const known = this.oracle.qualifiers(this.options.live.names[moved.fn]);
      if (known.length > 1) return { ...moved, qualifiers: known };
      // None published yet: publish one first (versions count from 1, §8), then Put on both.
      const next = String(Math.max(0, ...known.filter((q) => /^\d+$/.test(q)).map(Number)) + 1);
      return { ...moved, qualifiers: [...known, next], publish: true };
    }
    return moved.kind === 'Update' || moved.kind === 'Get' || moved.kind === 'Delete' ? this.toStoredConfig(moved) : moved;
  }

  /** Put aimed at a version or alias that does not exist is turned to one that does, so configs spread over qualifiers. */
  private toExistingQualifier<A extends Extract<Action, { target: unknown }>>(action: A): A {
    const d = action.target;
    const known = this.oracle.qualifiers(this.options.live.names[d.fn]);
    const wanted = d.param ?? d.inName ?? '$LATEST';
    const stored = this.oracle.configQualifiers(this.options.live.names[d.fn]);
    const free = known.filter((q) => !stored.includes(q));
    if (known.includes(wanted) || (d.param !== undefined && d.inName !== undefined && d.param !== d.inName)) return action;
    // Prefer a qualifier without a config yet, so configs spread over qualifiers.
    const pool = free.length > 0 ? free : known;
    const q = pool[(wanted.length + this.log.length) % pool.length]! as QualifierValue;
    return {
      ...action,
      target: {
        ...d,
        ...(d.param !== undefined ? { param: q } : {}),
        ...(d.inName !== undefined ? { inName: q } : {}),
        ...(d.param === undefined && d.inName === undefined && q !== '$LATEST' ? { param: q } : {}),
      },
    };
  }

  /** A List of a function with fewer than two configs is turned to the one with the most, if it has two or more. */
  private toSeveralConfigs(action: Extract<Action, { kind: 'List' }>, existing: readonly FnIndex[]): Action {
    const count = (i: FnIndex) => this.oracle.configQualifiers(this.options.live.names[i]).length;
    if (count(action.target.fn) >= 2) return action;
    const richest = [...existing].sort((a, b) => count(b) - count(a))[0];
    return richest !== undefined && count(richest) >= 2 ? withFn(action, richest) : action;
  }

  /** Update, Get and Delete aimed at a qualifier without a config are turned to one that has one, if any. */
  private toStoredConfig<A extends Extract<Action, { target: unknown }>>(action: A): A {
    const d = action.target;
    const stored = this.oracle.configQualifiers(this.options.live.names[d.fn]);
    const wanted = d.param ?? d.inName ?? '$LATEST';
    if (stored.length === 0 || stored.includes(wanted)) return action;
    const q = stored[(d.fn + wanted.length) % stored.length]! as QualifierValue;
    const target = { ...d, ...(d.param !== undefined || (d.inName === undefined && q !== '$LATEST') ? { param: q } : {}), ...(d.inName !== undefined ? { inName: q } : {}) };
    return { ...action, target };
  }

  /** Runs one action on both sides; throws DifferenceFound when a non-advisory, unknown difference shows. */
  async step(generated: Action): Promise<void> {
    const action = this.effective(generated);
    if (!action) return;
    if (action.kind === 'Fault') {
      this.oracle.armFault(action.fault);
      await this.options.target.armFault!('*', { kind: action.fault, retryAfterSeconds: 0 });
    }
    const requests = requestsFor(this.options.live, action, ++this.serial);
    const logged: LoggedStep = { action, exchanges: [], differences: [] };
    this.log.push(logged);
    for (const request of requests) {
      if (action.kind === 'List') await this.walkList(request, logged);
      else {
        const exchange = await this.both(request);
        logged.exchanges.push(exchange);
        this.record(logged, request.operation, compareAnswers(request, exchange.expected, exchange.verdict, exchange.actual));
      }
    }
    if (logged.differences.some((d) => !d.advisory && !d.known)) throw new DifferenceFound(`${logged.differences.length} difference(s) at step ${this.log.length}`);
  }

  private record(logged: LoggedStep, operation: OperationName, found: Difference[]): void {
    for (const d of found) {
      const signature = this.options.signatureOf(operation, d);
      logged.differences.push({ ...d, operation, advisory: d.evidence === 'inferred', known: this.options.isKnown(signature) });
    }
  }

  /**
   * List through every page on each side (each follows its own markers). With one page on each
   * side the answers are compared whole (order ignored); with several, each page's size and
   * NextMarker, and the union of the pages.
   */
  private async walkList(first: ModelCall, logged: LoggedStep): Promise<void> {
    const pages: Exchange[] = [];
    let expectedMarker: unknown;
    let actualMarker: unknown;
    const request = first;
    for (let page = 0; page < LIST_PAGES_MAX; page++) {
      const { observation: expected, verdict } = this.oracle.send(page === 0 ? request : { ...request, input: { ...first.input, Marker: expectedMarker } });
      const actual =
        page === 0 || typeof actualMarker === 'string'
          ? await this.options.target.send(page === 0 ? request : { ...request, input: { ...first.input, Marker: actualMarker } })
          : ({ status: undefined, error: { code: '(no NextMarker)', message: 'the target gave no NextMarker' } } as Observation);
      this.calls += 1;
      pages.push({ request: page === 0 ? request : { ...request, input: { ...first.input, Marker: '<marker>' } }, expected, actual, verdict });
      expectedMarker = expected.output?.NextMarker;
      actualMarker = actual.output?.NextMarker;
      if (typeof expectedMarker !== 'string') break;
    }
    if (typeof actualMarker === 'string' && pages.length < LIST_PAGES_MAX) {
      // The target has more pages than the model: fetch one to show it.
      const actual = await this.options.target.send({ ...first, input: { ...first.input, Marker: actualMarker } });
      pages.push({ request: { ...first, input: { ...first.input, Marker: '<marker>' } }, expected: { status: undefined }, actual, verdict: {} });
    }
    logged.exchanges.push(...pages);
    if (pages.length === 1) {
      const only = pages[0]!;
      this.record(logged, first.operation, compareAnswers(first, only.expected, only.verdict, only.actual));
      return;
    }
    const counted = (o: Observation): Observation => {
      const items = o.output?.FunctionEventInvokeConfigs;
      if (!Array.isArray(items)) return o;
      const { wire: _w, ...rest } = o;
      return { ...rest, output: { ...o.output, FunctionEventInvokeConfigs: items.length } };
    };
    for (const page of pages)
      this.record(
        logged,
        first.operation,
        compareAnswers(page.request, counted(page.expected), page.verdict, counted(page.actual)).map((d) => ({ ...d, path: `page.${d.path}`, rule: `List pages (MaxItems, NextMarker): ${d.rule}` })),
      );
    const union = (side: 'expected' | 'actual') => pages.flatMap((p) => (Array.isArray(p[side].output?.FunctionEventInvokeConfigs) ? (p[side].output!.FunctionEventInvokeConfigs as unknown[]) : []));
    const all = (items: unknown[]): Observation => ({ status: 200, output: { FunctionEventInvokeConfigs: items } });
    this.record(
      logged,
      first.operation,
      compareAnswers({ ...first, input: { FunctionName: first.input.FunctionName } }, all(union('expected')), {}, all(union('actual'))).map((d) => ({
        ...d,
        path: `pages.${d.path}`,
        rule: 'List pages together hold every config once',
      })),
    );
  }

  /** Deletes what the sequence created on the target (configs go with their function). */
  async cleanup(): Promise<void> {
    for (const FunctionName of this.options.live.names) await this.options.target.send({ operation: 'DeleteFunction', input: { FunctionName } }).catch(() => undefined);
  }
}
