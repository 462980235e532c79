/**
 * Replays scenarios against a target: arrange, send each step, evaluate each expectation, clean
 * up. A mismatch on an [inferred] expectation is advisory and does not fail the scenario.
 */
import type { Evidence } from '../../src/spec/errors.js';
import { route } from '../../src/http/router.js';
import { REQUIREMENT_REASONS, SUITES, isRaw, type Scenario, type Step, type SuiteName } from '../../cases/scenario.js';
import type { Ledger } from '../targets/ledger.js';
import { TargetLost, type Identity, type Observation, type SendOptions, type Target } from '../targets/target.js';
import { ArrangeError, arrange, cleanup } from './arrange.js';
import { evaluate, pick } from './expectations.js';
import { requiredHeaderChecks } from './required-headers.js';
import { DESTINATION_NAMES, ZIP_PLACEHOLDER, fill, otherRegionThan, type Vars } from '../../cases/placeholders.js';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';

/** What results are grouped by in reports: the suites, and `fuzz` for `lambda-eic fuzz` findings. */
export const RESULT_GROUPS = [...SUITES, 'fuzz'] as const;
export type ResultGroup = SuiteName | 'fuzz';

/**
 * `not-arranged`: the target could not build the scenario's given functions, versions or aliases
 * (not the API under test), so nothing was checked; reported with the reason, never a failure.
 * `not-run`: the run stopped (signal, deadline, a target that stopped answering) before the
 * scenario could finish.
 */
export type ScenarioStatus = 'passed' | 'failed' | 'advisory' | 'skipped' | 'known' | 'fixed' | 'not-arranged' | 'not-run';

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
  /**
   * The error the target answered at this step (code: message, first line), if any. The SDK's
   * error for an answer it could not read goes in `note` with the raw answer (`noteParseError`);
   * a 2xx it could not read is no error, so it has no `answerError`.
   */
  readonly answerError?: string;
  /** Set by a baseline that declares this expectation (step and path) as a known divergence. */
  known?: boolean;
}

export interface ScenarioResult {
  readonly id: string;
  readonly suite: ResultGroup;
  readonly title: string;
  readonly source: string;
  readonly evidence: Evidence[];
  status: ScenarioStatus;
  readonly failures: Failure[];
  /** Checks not run because the transport does not show them (wire checks on a mock). */
  readonly skippedChecks: number;
  /** Why the whole scenario was not run (it needs what the target lacks, such as IAM). */
  readonly skipReason?: string;
  readonly durationMs: number;
  /** Why a baseline lists this scenario as a known failure. */
  knownReason?: string;
  /** fuzz findings: the shrunk sequence, one action a line, and the same as a ready-to-paste scenario. */
  readonly sequence?: string;
  readonly scenario?: string;
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
  /** Aborting it stops the run: no new scenario starts, calls in flight end, the rest are `not-run`. */
  readonly signal?: AbortSignal;
  /** Where created functions are recorded until deleted. */
  readonly ledger?: Ledger;
}

export interface SuiteRun {
  readonly results: ScenarioResult[];
  /** Set when the target stopped answering during the run. */
  readonly lost?: TargetLost;
}

const evidenceOf = (scenario: Scenario): Evidence[] => [...new Set(scenario.steps.flatMap((s) => s.expect.map((e) => e.evidence)))];

/** `{zip:N}` strings as deployment packages (the bytes a CreateFunction or UpdateFunctionCode step sends). */
function withZips<T>(value: T): T {
  if (typeof value === 'string') {
    const m = ZIP_PLACEHOLDER.exec(value);
    return (m ? deploymentPackage(Number(m[1])) : value) as T;
  }
  if (Array.isArray(value)) return value.map(withZips) as T;
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withZips(v)])) as T;
  return value;
}

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

/** What the SDK said of an answer it could not read, with the raw status and body. */
const parseNote = (seen: Observation): string =>
  `the AWS SDK could not parse the answer: ${seen.sdkError!.name}: ${seen.sdkError!.message} (raw answer: ${seen.status} ${(seen.wire?.bodyText ?? '').slice(0, 300)})`;

/**
 * An answer the SDK cannot parse: every failure of the step carries the SDK's error and the raw
 * answer; a step whose checks all held on the raw body still shows it, as an advisory entry (the
 * verdict stays with the scenario's tagged expectations).
 */
function noteParseError(failures: Failure[], from: number, step: number, request: unknown, seen: Observation): void {
  if (!seen.sdkError) return;
  const note = parseNote(seen);
  for (let i = from; i < failures.length; i++) failures[i] = { ...failures[i]!, note: failures[i]!.note ? `${failures[i]!.note}; ${note}` : note };
  if (failures.length === from) failures.push({ step, request, path: 'sdk', expected: 'an answer the AWS SDK can parse', actual: note, evidence: 'inferred', advisory: true });
}

async function runOne(target: Target, scenario: Scenario, runVars: Vars, options: Pick<RunOptions, 'signal' | 'ledger'>): Promise<Omit<ScenarioResult, 'durationMs'>> {
  const send: SendOptions = options.signal ? { signal: options.signal } : {};
  const failures: Failure[] = [];
  const vars: Record<string, string> = { ...runVars };
  const collected: Record<string, unknown[]> = {};
  let skippedChecks = 0;
  let checks = 0;
  let notArranged: string | undefined;
  let retries = 0;
  let skipReason: string | undefined;
  // Functions the steps themselves create (a pasted fuzz scenario) are deleted afterwards too.
  const created = new Set<string>();
  const base = { id: scenario.id, suite: scenario.suite, title: scenario.title, source: scenario.source, evidence: evidenceOf(scenario), operations: operationsOf(scenario) };
  if (scenario.requires === 'iam' && !target.checksIam) {
    const checks = scenario.steps.reduce((n, s) => n + s.expect.length, 0);
    return { ...base, status: 'skipped', failures, skippedChecks: checks, skipReason: REQUIREMENT_REASONS.iam };
  }
  try {
    await arrange(target, scenario.given, vars, { ...send, ...(options.ledger ? { ledger: options.ledger } : {}) });
    for (const [index, step] of scenario.steps.entries()) {
      const request = withZips(fill(step.request, vars));
      let observation: Observation;
      if (isRaw(request)) {
        if (!target.sendRaw) {
          skippedChecks += step.expect.length;
          checks += step.expect.length;
          continue;
        }
        observation = await target.sendRaw(request.raw, send);
      } else {
        if (step.fault && !target.armFault) {
          skippedChecks += step.expect.length;
          checks += step.expect.length;
          skipReason = FAULT_SKIP_REASON;
          continue;
        }
        if (step.fault) await target.armFault!(request.operation, step.fault);
        if (request.operation === 'CreateFunction') created.add(String(request.input.FunctionName));
        observation = await target.send(request, send);
      }
      retries += observation.retries ?? 0;
      const stepFailuresFrom = failures.length;
      for (const [name, path] of Object.entries(step.save ?? {})) vars[`@${name}`] = String(pick(observation, path)[0] ?? '');
      if (step.collect) {
        const into = collected[step.collect.into] ?? [];
        collected[step.collect.into] = into;
        into.push(...pick(observation, step.collect.from));
      }
      // The step's own expectations, then the headers every answer must carry (unless the step checks them itself).
      const own = new Set(step.expect.map((e) => e.at));
      const implicit = requiredHeaderChecks(observation).filter((e) => !own.has(e.at));
      for (const expectation of [...step.expect, ...implicit]) {
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
          ...(observation.error ? { answerError: `${observation.error.code}: ${observation.error.message.split('\n')[0]}`.slice(0, 300) } : {}),
        });
      }
      noteParseError(failures, stepFailuresFrom, index + 1, request, observation);
    }
  } catch (error) {
    if (!(error instanceof ArrangeError)) throw error;
    if (!error.underTest) notArranged = error.message;
    else failures.push({ step: 0, path: 'arrange', expected: 'the given state', actual: error.message, evidence: 'model', advisory: false });
  } finally {
    // After a lost target, the ledger's teardown makes the one last (bounded) attempt.
    if (!lostTargets.has(target)) {
      await cleanup(target, scenario.given, vars, options.ledger).catch(() => undefined);
      for (const FunctionName of created) await target.send({ operation: 'DeleteFunction', input: { FunctionName } }).catch(() => undefined);
    }
  }
  if (notArranged !== undefined) return { ...base, status: 'not-arranged', failures, skippedChecks, notArranged };
  const status: ScenarioStatus = failures.some((f) => !f.advisory) ? 'failed' : failures.length > 0 ? 'advisory' : checks > 0 && skippedChecks === checks ? 'skipped' : 'passed';
  return { ...base, status, failures, skippedChecks, ...(status === 'skipped' && skipReason ? { skipReason } : {}), ...(retries > 0 ? { retries } : {}) };
}

const lostTargets = new WeakSet<Target>();

/** Why a step that arms a fault is not run on a target that cannot inject one. */
const FAULT_SKIP_REASON = 'needs a target that can inject faults (the embedded emulator, the mock transports); this one cannot';

/**
 * The target as the scenarios see it: a call that gets no answer (and is not a stop) asks the
 * target whether it still answers; if not, the run is over (TargetLost), not a list of failures.
 */
function guarded(target: Target, signal: AbortSignal | undefined, lose: (error: TargetLost) => TargetLost): Target {
  const check = async (seen: Observation): Promise<Observation> => {
    if (seen.status !== undefined || signal?.aborted) return seen;
    if (await (target.alive?.() ?? Promise.resolve(true))) return seen;
    throw lose(new TargetLost(`${target.label} stopped answering: ${(seen.error?.message ?? 'no answer').split('\n')[0]}`));
  };
  const view = Object.create(target) as Target & { send: Target['send']; sendRaw?: Target['sendRaw'] };
  view.send = async (request, options) => check(await target.send(request, options));
  if (target.sendRaw) view.sendRaw = async (request, options) => check(await target.sendRaw!(request, options));
  return view;
}

/** The result of a scenario the run never got to (or cut short). */
export const notRun = (scenario: Scenario): ScenarioResult => ({
  id: scenario.id,
  suite: scenario.suite,
  title: scenario.title,
  source: scenario.source,
  evidence: evidenceOf(scenario),
  operations: operationsOf(scenario),
  status: 'not-run',
  failures: [],
  skippedChecks: 0,
  durationMs: 0,
});

/**
 * Runs scenarios with up to `concurrency` at once (names are unique per scenario, so they do not
 * collide), in the order given, until done, stopped (`signal`) or the target stops answering;
 * with `bail`, stops starting new ones after the first failure.
 * @example const { results, lost } = await runSuite(target, identity, scenarios, { runPrefix: 'eic-ab12', concurrency: 4 });
 */
export async function runSuite(target: Target, identity: Identity, scenarios: readonly Scenario[], options: RunOptions): Promise<SuiteRun> {
  const role = await target.roleArn();
  const results: ScenarioResult[] = new Array(scenarios.length);
  let lost: TargetLost | undefined;
  const view = guarded(target, options.signal, (error) => {
    lostTargets.add(view);
    lost ??= error;
    return lost;
  });
  const stopped = () => options.signal?.aborted === true || lost !== undefined;
  let queue: number[] = [];
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (queue.length > 0 && !stopped() && !(options.bail && failed)) {
      const index = queue.shift()!;
      const scenario = scenarios[index]!;
      const vars: Vars = {
        fn: `${options.runPrefix}-${index + 1}`,
        fn2: `${options.runPrefix}-${index + 1}-b`,
        account: identity.account,
        region: identity.region,
        partition: identity.partition,
        otherRegion: otherRegionThan(identity.region),
        role,
        ...DESTINATION_NAMES,
        ...target.destinationNames,
      };
      const started = performance.now();
      let result: ScenarioResult;
      try {
        result = { ...(await runOne(view, scenario, vars, options)), durationMs: Math.round(performance.now() - started) };
      } catch (error) {
        if (!(error instanceof TargetLost)) throw error;
        result = notRun(scenario);
      }
      // A scenario cut short by a stop proves nothing either way; one that finished keeps its verdict.
      if (stopped() && result.status === 'failed') result = notRun(scenario);
      results[index] = result;
      failed ||= result.status === 'failed';
      options.onResult?.(result, ++done, scenarios.length);
    }
  };
  // A fault is armed for an operation, not a function: scenarios with faults run alone, after the others.
  const exclusive = scenarios.map((s, i) => (s.steps.some((step) => step.fault) ? i : -1)).filter((i) => i >= 0);
  const shared = scenarios.map((_s, i) => i).filter((i) => !exclusive.includes(i));
  queue = shared;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, shared.length)) }, worker));
  queue = exclusive;
  await worker();
  if (options.bail && failed) return { results: results.filter((r) => r !== undefined), ...(lost ? { lost } : {}) };
  for (let i = 0; i < scenarios.length; i++) results[i] ??= notRun(scenarios[i]!);
  return { results, ...(lost ? { lost } : {}) };
}

/**
 * Runs scenarios (see `runSuite`) and returns their results.
 * @example const results = await runScenarios(target, identity, scenarios, { runPrefix: 'eic-ab12', concurrency: 4 });
 */
export async function runScenarios(target: Target, identity: Identity, scenarios: readonly Scenario[], options: RunOptions): Promise<ScenarioResult[]> {
  return (await runSuite(target, identity, scenarios, options)).results;
}
