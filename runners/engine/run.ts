/**
 * Replays scenarios against a target: arrange, send each step, evaluate each expectation, clean
 * up. A mismatch on an [inferred] expectation is advisory and does not fail the scenario.
 */
import type { Evidence } from '../../src/spec/errors.js';
import { route } from '../../src/http/router.js';
import { isRaw, type Scenario, type Step, type SuiteName } from '../../cases/scenario.js';
import type { Identity, Observation, Target } from '../targets/target.js';
import { ArrangeError, arrange, cleanup } from './arrange.js';
import { evaluate, pick } from './expectations.js';
import { DESTINATION_NAMES, fill, otherRegionThan, type Vars } from '../../cases/placeholders.js';

/**
 * `not-arranged`: the target could not build the scenario's given functions, versions or aliases
 * (not the API under test), so nothing was checked; reported with the reason, never a failure.
 */
export type ScenarioStatus = 'passed' | 'failed' | 'advisory' | 'skipped' | 'known' | 'fixed' | 'not-arranged';

export interface Failure {
  /** 1-based step number; 0 for arranging. */
  readonly step: number;
  readonly request?: unknown;
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly evidence: Evidence;
  readonly advisory: boolean;
  readonly note?: string;
  /** The SDK's error where the target answered 2xx but the SDK could not read the answer. */
  readonly unreadable?: string;
  /** The error the target answered at this step (code: message, first line), if any. */
  readonly answerError?: string;
  /** Set by a baseline that declares this expectation (step and path) as a known divergence. */
  known?: boolean;
}

export interface ScenarioResult {
  readonly id: string;
  readonly suite: SuiteName;
  readonly title: string;
  readonly source: string;
  readonly evidence: Evidence[];
  status: ScenarioStatus;
  readonly failures: Failure[];
  /** Checks not run because the transport does not show them (wire checks on a mock). */
  readonly skippedChecks: number;
  readonly durationMs: number;
  /** Why a baseline lists this scenario as a known failure. */
  knownReason?: string;
  /** Expectations the baseline declares failing that hold now: the baseline is stale. */
  stalePaths?: Array<{ step: number; path: string }>;
  /** Why the scenario could not be arranged on this target (status `not-arranged`). */
  notArranged?: string;
  /** Judged requests retried after a 429 (real accounts): a retry, never a failure. */
  readonly retries?: number;
  /** The operations the scenario's steps call, in first-call order (raw requests by their route). */
  readonly operations?: readonly string[];
}

export interface RunOptions {
  readonly runPrefix: string;
  readonly concurrency: number;
  readonly onResult?: (result: ScenarioResult, done: number, total: number) => void;
  /** Start no new scenario once one has failed (those already running finish); the results then hold only the scenarios run. */
  readonly bail?: boolean;
}

const evidenceOf = (scenario: Scenario): Evidence[] => [...new Set(scenario.steps.flatMap((s) => s.expect.map((e) => e.evidence)))];

function operationOf(request: Step['request']): string {
  if (!isRaw(request)) return request.operation;
  const url = new URL(request.raw.path, 'http://x');
  const match = route(request.raw.method, url.pathname, url.searchParams);
  return match.kind === 'unknown' ? 'unknown route' : match.operation;
}

/**
 * The operations a scenario's steps call, each once, in first-call order.
 * @example operationsOf(scenario) // ['PutFunctionEventInvokeConfig', 'GetFunctionEventInvokeConfig']
 */
export const operationsOf = (scenario: Scenario): string[] => [...new Set(scenario.steps.map((s) => operationOf(s.request)))];

async function runOne(target: Target, scenario: Scenario, runVars: Vars): Promise<Omit<ScenarioResult, 'durationMs'>> {
  const failures: Failure[] = [];
  const vars: Record<string, string> = { ...runVars };
  const collected: Record<string, unknown[]> = {};
  let skippedChecks = 0;
  let checks = 0;
  let notArranged: string | undefined;
  let retries = 0;
  const base = { id: scenario.id, suite: scenario.suite, title: scenario.title, source: scenario.source, evidence: evidenceOf(scenario), operations: operationsOf(scenario) };
  try {
    await arrange(target, scenario.given, vars);
    for (const [index, step] of scenario.steps.entries()) {
      const request = fill(step.request, vars);
      let observation: Observation;
      if (isRaw(request)) {
        if (!target.sendRaw) {
          skippedChecks += step.expect.length;
          checks += step.expect.length;
          continue;
        }
        observation = await target.sendRaw(request.raw);
      } else observation = await target.send(request);
      retries += observation.retries ?? 0;
      for (const [name, path] of Object.entries(step.save ?? {})) vars[`@${name}`] = String(pick(observation, path)[0] ?? '');
      if (step.collect) (collected[step.collect.into] ??= []).push(...pick(observation, step.collect.from));
      for (const expectation of step.expect) {
        const filled = fill(expectation, vars);
        const result = evaluate(observation, filled, collected);
        checks += 1;
        if (result.outcome === 'skip') skippedChecks += 1;
        if (result.outcome !== 'fail') continue;
        failures.push({
          step: index + 1,
          request,
          path: filled.at,
          expected: result.expected,
          actual: result.actual,
          evidence: filled.evidence,
          advisory: filled.evidence === 'inferred',
          ...(filled.note ? { note: filled.note } : {}),
          ...(observation.error && observation.status !== undefined && observation.status < 300 ? { unreadable: observation.error.message.split('\n')[0] } : {}),
          ...(observation.error ? { answerError: `${observation.error.code}: ${observation.error.message.split('\n')[0]}`.slice(0, 300) } : {}),
        });
      }
    }
  } catch (error) {
    if (!(error instanceof ArrangeError)) throw error;
    if (!error.underTest) notArranged = error.message;
    else failures.push({ step: 0, path: 'arrange', expected: 'the given state', actual: error.message, evidence: 'model', advisory: false });
  } finally {
    await cleanup(target, scenario.given, vars).catch(() => undefined);
  }
  if (notArranged !== undefined) return { ...base, status: 'not-arranged', failures, skippedChecks, notArranged };
  const status: ScenarioStatus = failures.some((f) => !f.advisory)
    ? 'failed'
    : failures.length > 0
      ? 'advisory'
      : checks > 0 && skippedChecks === checks
        ? 'skipped'
        : 'passed';
  return { ...base, status, failures, skippedChecks, ...(retries > 0 ? { retries } : {}) };
}

/**
 * Runs scenarios with up to `concurrency` at once (names are unique per scenario, so they do not
 * collide), in the order given; with `bail`, stops starting new ones after the first failure.
 * @example const results = await runScenarios(target, identity, scenarios, { runPrefix: 'eic-ab12', concurrency: 4 });
 */
export async function runScenarios(target: Target, identity: Identity, scenarios: readonly Scenario[], options: RunOptions): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = new Array(scenarios.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (next < scenarios.length && !(options.bail && failed)) {
      const index = next++;
      const scenario = scenarios[index]!;
      const vars: Vars = {
        fn: `${options.runPrefix}-${index + 1}`,
        fn2: `${options.runPrefix}-${index + 1}-b`,
        account: identity.account,
        region: identity.region,
        partition: identity.partition,
        otherRegion: otherRegionThan(identity.region),
        ...DESTINATION_NAMES,
        ...target.destinationNames,
      };
      const started = performance.now();
      const result = { ...(await runOne(target, scenario, vars)), durationMs: Math.round(performance.now() - started) };
      results[index] = result;
      failed ||= result.status === 'failed';
      options.onResult?.(result, ++done, scenarios.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, scenarios.length)) }, worker));
  return options.bail ? results.filter((r) => r !== undefined) : results;
}
