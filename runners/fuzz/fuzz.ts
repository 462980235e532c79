/**
 * Model-based, stateful differential fuzzing with fast-check's commands: random sequences of
 * Lambda calls from a seed, run against a target and the reference model side by side, every
 * answer compared; a difference is shrunk to a minimal sequence (fast-check's shrinker) and kept
 * with its seed. After each finding the search goes on with the next seed, that root cause now
 * known, until the runs or the time budget are spent.
 */
import fc from 'fast-check';
import type { OperationName } from '../../src/spec/operations.js';
import { otherRegionThan } from '../../cases/placeholders.js';
import type { Identity, Target } from '../targets/target.js';
import { actionArbitrary, type Action } from './actions.js';
import type { Difference } from './compare.js';
import { placeholders } from './print.js';
import { describeAction, liveContext, type RenderContext } from './render.js';
import { DifferenceFound, FuzzSession, type LoggedStep, type Signature } from './session.js';

export interface FuzzOptions {
  readonly seed: number;
  /** Sequences to try at most (over all rounds). */
  readonly runs: number;
  /** Calls (actions) per sequence at most. */
  readonly maxSteps: number;
  /** Stop searching after this long (shrinking a finding gets up to a quarter more). */
  readonly timeBudgetMs: number;
  /** Prefix of the function names this run creates. */
  readonly runPrefix: string;
  /** Differences already known (a baseline): matched on their signature. */
  readonly known?: ReadonlyArray<{ readonly match: string; readonly reason: string }>;
  /** Stop after this many findings (default 10). */
  readonly maxFindings?: number;
  /** Called after each sequence (progress). */
  readonly onSequence?: (done: number, findings: number) => void;
}

export interface Finding {
  /** The seed of the round that found it: `lambda-eic fuzz --seed <seed>` replays it. */
  readonly seed: number;
  readonly steps: readonly LoggedStep[];
  /** The differences of the last step, the one that fails. */
  readonly differences: LoggedStep['differences'];
  readonly signatures: readonly Signature[];
  readonly live: RenderContext;
  /** Sequence length before shrinking. */
  readonly originalLength: number;
  /** A baseline entry that explains it, if any. */
  readonly knownReason?: string;
}

export interface FuzzResult {
  readonly sequences: number;
  readonly calls: number;
  readonly durationMs: number;
  readonly findings: Finding[];
  /** Advisory differences ([inferred] rules) seen, one example per signature, not shrunk. */
  readonly advisories: Array<{ readonly signature: Signature; readonly step: LoggedStep; readonly live: RenderContext }>;
  /** Differences matching the baseline, counted by entry. */
  readonly knownSeen: Record<string, number>;
}

/** Sequences per round (one fast-check run, one seed). */
const ROUND_SIZE = 25;

class ActionCommand implements fc.AsyncCommand<FuzzSession, FuzzSession> {
  constructor(readonly action: Action) {}
  check(session: Readonly<FuzzSession>): boolean {
    return session.applicable(this.action);
  }
  async run(_model: FuzzSession, session: FuzzSession): Promise<void> {
    await session.step(this.action);
  }
  toString(): string {
    return describeAction(this.action);
  }
}

const short = (value: unknown): string => {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}...` : text;
};

/** Values a signature keeps as they are (codes, statuses, header kinds); others it reduces to their kind. */
const KEPT = /^(page\.|pages\.)?(status|error\.code|wire\.header\..*|wire\.body\.\$keys|wire\.body\.Type)$/;
const kind = (value: unknown): string => (value === undefined ? '(absent)' : Array.isArray(value) ? 'array' : value instanceof Date ? 'date' : typeof value);

/**
 * A difference's signature, its root-cause key: operation, place, and both values (codes and
 * statuses as they are, other values by kind, so one bug found through many names groups as one).
 * @example signatureFor(live)('GetFunctionEventInvokeConfig', { path: 'status', expected: 404, actual: 400, ... }) // 'GetFunctionEventInvokeConfig status: 404 -> 400'
 */
export const signatureFor =
  (live: RenderContext) =>
  (operation: OperationName, d: Difference): Signature => {
    const back = placeholders(live);
    const show = (v: unknown) => (KEPT.test(d.path) ? short(back(v)) : kind(v));
    return `${operation} ${d.path}: ${show(d.expected)} -> ${show(d.actual)}`;
  };

const matchesEntry = (signature: string, match: string): boolean => {
  if (match.startsWith('/') && match.lastIndexOf('/') > 0) return new RegExp(match.slice(1, match.lastIndexOf('/')), match.slice(match.lastIndexOf('/') + 1)).test(signature);
  return signature.includes(match);
};

/**
 * Fuzzes a connected target.
 * @example const result = await fuzz(target, identity, { seed: 1, runs: 200, maxSteps: 20, timeBudgetMs: 60_000, runPrefix: 'fz-ab12' });
 */
export async function fuzz(target: Target, identity: Identity, options: FuzzOptions): Promise<FuzzResult> {
  const started = performance.now();
  const role = await target.roleArn();
  const otherRegion = otherRegionThan(identity.region);
  const found = new Set<Signature>();
  const findings: Finding[] = [];
  const advisories: FuzzResult['advisories'] = [];
  const advisorySeen = new Set<Signature>();
  const knownSeen: Record<string, number> = {};
  let sequences = 0;
  let calls = 0;
  let serial = 0;
  const elapsed = () => performance.now() - started;
  const searchOver = () => elapsed() > options.timeBudgetMs || sequences >= options.runs || findings.length >= (options.maxFindings ?? 10);
  const baselineEntry = (signature: Signature) => options.known?.find((k) => matchesEntry(signature, k.match));

  // Rounds of a few sequences each, seed after seed: the budget is checked between them, and each
  // finding's seed replays it first (`--seed <seed>`).
  for (let round = 0; !searchOver(); round++) {
    const seed = options.seed + round;
    let failing: { session: FuzzSession; length: number } | undefined;
    let firstLength = 0;
    let shrinkUntil = Infinity;
    const property = fc.asyncProperty(fc.commands([actionArbitrary.map((a) => new ActionCommand(a))], { maxCommands: options.maxSteps, size: 'max' }), async (commands) => {
      // Past the budget: no new search; a shrink in progress gets its own allowance.
      if (failing === undefined ? searchOver() : elapsed() > shrinkUntil) return true;
      const live = liveContext(`${options.runPrefix}-${++serial}`, identity, otherRegion, role);
      const signatureOf = signatureFor(live);
      const session = new FuzzSession({
        target,
        identity,
        live,
        signatureOf,
        isKnown: (signature) => found.has(signature) || baselineEntry(signature) !== undefined,
      });
      if (failing === undefined) sequences += 1;
      try {
        await fc.asyncModelRun(() => ({ model: session, real: session }), commands);
        return true;
      } catch (error) {
        if (!(error instanceof DifferenceFound)) throw error;
        if (failing === undefined) {
          firstLength = session.log.length;
          shrinkUntil = elapsed() + Math.max(5_000, options.timeBudgetMs / 4);
        }
        failing = { session, length: session.log.length };
        return false;
      } finally {
        calls += session.calls;
        for (const step of session.log)
          for (const d of step.differences) {
            const signature = signatureOf(d.operation, d);
            const entry = baselineEntry(signature);
            if (entry && (failing === undefined || failing.session === session)) knownSeen[entry.match] = (knownSeen[entry.match] ?? 0) + 1;
            if (d.advisory && !advisorySeen.has(signature) && advisories.length < 50) {
              advisorySeen.add(signature);
              advisories.push({ signature, step, live });
            }
          }
        await session.cleanup();
        if (failing === undefined) options.onSequence?.(sequences, findings.length);
      }
    });
    const remaining = Math.min(ROUND_SIZE, Math.max(1, options.runs - sequences));
    await fc.check(property, { seed, numRuns: remaining, endOnFailure: false });
    if (!failing) continue;
    const steps = failing.session.log;
    const last = steps[steps.length - 1]!;
    const differences = last.differences.filter((d) => !d.advisory && !d.known);
    const live = failing.session.live;
    const signatures = differences.map((d) => signatureFor(live)(d.operation, d));
    for (const s of signatures) found.add(s);
    findings.push({ seed, steps, differences, signatures, live, originalLength: firstLength });
    options.onSequence?.(sequences, findings.length);
  }
  return { sequences, calls, durationMs: Math.round(elapsed()), findings, advisories, knownSeen };
}
