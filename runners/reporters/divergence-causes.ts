/**
 * Groups a run's failing expectations, every one of them, by the behaviour of the target that
 * explains them: one behaviour (an unqualified FunctionArn, an ISO LastModified, a missing
 * validation) usually explains many failing expectations across many scenarios. Used by
 * `lambda-eic baseline` (a reason per declared expectation) and the conformance pages
 * (`lambda-eic findings`). root-causes.ts groups whole scenarios by their first failure, for the
 * matrix; this module names the behaviour behind each expectation.
 *
 * Within one step, a wrong status explains every other failure of that step (a 404 has no
 * FunctionArn); otherwise each failing expectation is classified by its path and values.
 */
import type { RunReport } from '../engine/report.js';
import type { Failure, ScenarioResult } from '../engine/run.js';
import type { Evidence } from '../../src/spec/errors.js';
import { normalise } from './root-causes.js';

/** One failing expectation, where it happened. */
export interface Occurrence {
  readonly scenario: string;
  readonly step: number;
  readonly path: string;
  readonly failure: Failure;
}

export interface DivergenceCause {
  /** Stable key, e.g. `unqualified-function-arn`; the same behaviour has the same key on every target. */
  readonly key: string;
  /** What the target does, from the first occurrence's values. */
  readonly does: string;
  /** What AWS does instead. */
  readonly aws: string;
  readonly evidence: Evidence[];
  readonly occurrences: Occurrence[];
  /** The scenarios it touches, in run order. */
  readonly scenarios: string[];
}

interface Verdict {
  readonly key: string;
  readonly does: string;
  readonly aws: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v ?? null));
const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 3)}...` : s);
/**
 * Run-unique names, accounts, ids and times made stable, so reasons do not change between runs.
 * @example normalize('function:eic-1a2b3c-7') // 'function:<fn>'
 */
export const normalize = (s: string): string => normalise(s).replace(/eic-[0-9a-f]{6}-probe\b/g, '<fn>');
const opOf = (f: Failure): string => {
  const r = f.request as { operation?: string; raw?: { method: string; path: string } } | undefined;
  return r?.operation ?? (r?.raw ? `${r.raw.method} ${r.raw.path}` : 'arranging');
};
const inputOf = (f: Failure) => ((f.request as { input?: Record<string, unknown> } | undefined)?.input ?? {}) as Record<string, unknown>;
const isRawRequest = (f: Failure) => Boolean((f.request as { raw?: unknown } | undefined)?.raw);
const field = (path: string) => path.split('.').at(-1)!;

/** The target's error in one phrase, from the step's other failures (code and message). */
function answered(status: unknown, step: readonly Failure[]): string {
  const [answerCode, ...rest] = step.find((f) => f.answerError)?.answerError?.split(': ') ?? [];
  const code = step.find((f) => f.path === 'error.code')?.actual ?? answerCode;
  const message = step.find((f) => f.path === 'error.message')?.actual ?? (rest.length > 0 ? rest.join(': ') : undefined);
  const parts = [String(status ?? 'no answer'), code && code !== null ? String(code) : '', message ? `"${clip(normalize(text(message)), 110)}"` : ''];
  return parts.filter(Boolean).join(' ');
}

/** The cause of a step whose status is wrong: one verdict for every failure of that step. */
function statusVerdict(status: Failure, step: readonly Failure[], result: ScenarioResult): Verdict {
  const op = opOf(status);
  const exp = status.expected;
  const act = status.actual;
  const input = inputOf(status);
  const got = answered(act, step);
  const expCode = step.find((f) => f.path === 'error.code')?.expected;
  const aws = `AWS answers ${text(exp)}${expCode ? ` ${text(expCode)}` : ''}`;
  if (isRawRequest(status)) return { key: 'malformed-request-answer', does: `answers a malformed request body with ${got}`, aws: 'AWS answers a 4xx JSON error with x-amzn-ErrorType' };
  if (act === undefined || (typeof act === 'number' && act >= 500))
    return { key: `server-error:${op}`, does: `answers ${op} with ${got} for a request AWS answers normally (FunctionName ${clip(normalize(text(input.FunctionName)), 60)})`, aws };
  if (exp === 400 && act === 200) {
    if (result.suite === 'ranges')
      return { key: 'no-input-validation', does: `accepts input outside the API's ranges, lengths or patterns (${op} answers 200)`, aws: `${aws}: N validation errors detected` };
    if (result.suite === 'destinations') return { key: 'no-destination-check', does: `accepts destinations AWS refuses (${op} answers 200)`, aws };
    if (Object.keys(input).every((k) => k === 'FunctionName' || k === 'Qualifier'))
      return { key: 'accepts-no-setting', does: `accepts ${op} without any setting (200)`, aws: `${aws}: "You must specify at least one of error handling or destination setting."` };
    if ('Qualifier' in input && /:/.test(text(input.FunctionName)))
      return {
        key: 'no-qualifier-conflict-check',
        does: 'does not compare the qualifier in FunctionName with the Qualifier parameter (answers 200)',
        aws: `${aws}: "The derived qualifier from the function name does not match the specified qualifier."`,
      };
    return { key: `accepts-invalid:${op}`, does: `accepts ${op} input AWS refuses (answers 200)`, aws };
  }
  if (exp === 400 && act === 404)
    return { key: 'lookup-before-validation', does: `looks the function up before validating the input (${op} answers ${got})`, aws: `${aws}: input is validated before any lookup` };
  if (exp === 404 && act === 200) {
    if (op === 'UpdateFunctionEventInvokeConfig')
      return { key: 'update-creates', does: 'creates a missing config on UpdateFunctionEventInvokeConfig (200)', aws: `${aws} "... doesn't have an EventInvokeConfig": Update never creates` };
    if (/arn:[^:]+:lambda:[^:]+:/.test(text(input.FunctionName)) && result.id.includes('region'))
      return { key: 'ignores-arn-region', does: `ignores the region of a full ARN (${op} answers 200)`, aws: `${aws} "Functions from '<region>' are not reachable in this region"` };
    return { key: 'config-per-function', does: `finds a config where AWS has none for this qualifier (${op} answers 200)`, aws: `${aws}: each qualifier has its own config` };
  }
  if (exp === 200 && act === 404) {
    if (op === 'UpdateFunctionEventInvokeConfig' && /\/event-invoke-config/.test(got))
      return { key: 'update-not-routed', does: `answers UpdateFunctionEventInvokeConfig (POST .../event-invoke-config) with ${got}`, aws: `${aws} with the merged config` };
    return { key: `not-found:${op}`, does: `answers ${op} with ${got} where AWS finds the config or function`, aws };
  }
  return { key: `status:${op}:${text(exp)}->${text(act)}`, does: `answers ${op} with ${got}`, aws };
}

/** The cause of one failing expectation in a step whose status is right. */
function pathVerdict(f: Failure): Verdict {
  const op = opOf(f);
  const p = f.path;
  const act = f.actual;
  const exp = f.expected;
  const sample = clip(normalize(text(act)), 100);
  if (p === 'arrange') return { key: 'arrange-put', does: `fails PutFunctionEventInvokeConfig while arranging: ${sample}`, aws: 'AWS stores the config' };
  if (p === 'error.code' && (act === 'TypeError' || /Expected real number/.test(text(act))))
    return { key: 'unparseable-answer', does: `answers ${op} with a body the AWS SDK cannot parse (${sample})`, aws: 'AWS answers LastModified as epoch seconds' };
  if (/FunctionArn$/.test(p) || p === 'collected.arns') {
    if (typeof act === 'string' && !/:function:[^:]+:[^:]+$/.test(act))
      return {
        key: 'unqualified-function-arn',
        does: `answers FunctionArn without the qualifier (${sample})`,
        aws: 'AWS answers the qualified ARN, "...:function:<fn>:$LATEST" for the unqualified function',
      };
    if (p === 'collected.arns') return { key: 'list-contents', does: `lists other configs than AWS (${sample})`, aws: `AWS lists ${clip(normalize(text(exp)))}` };
  }
  if (/DestinationConfig$/.test(p) && act !== undefined)
    return { key: 'destination-config-omits-empty', does: `leaves empty members out of DestinationConfig (${sample})`, aws: 'AWS always answers both OnSuccess and OnFailure, {} when unset' };
  if (/LastModified$/.test(p) && typeof act === 'string')
    return { key: 'last-modified-iso', does: `answers LastModified as an ISO-8601 string (${sample})`, aws: 'AWS answers epoch seconds with a fraction' };
  if (/LastModified$/.test(p) && typeof act === 'number')
    return { key: 'last-modified-whole-seconds', does: `answers LastModified as whole epoch seconds (${sample})`, aws: 'AWS answers epoch seconds with a fraction (e.g. 1712345678.123)' };
  if (/(MaximumRetryAttempts|MaximumEventAgeInSeconds)$/.test(p) && exp === '<absent>')
    return { key: 'echoes-defaults', does: `answers ${field(p)} ${sample} although it was never set`, aws: 'AWS leaves unset settings out of the answer' };
  if (/^wire\.body\.(Type|Message|message)$/.test(p) || p === 'wire.header.x-amzn-errortype' || p === 'wire.header.content-type')
    return {
      key: 'error-body-shape',
      does: `sends error answers without the AWS members (${p.replace('wire.', '')}: ${sample})`,
      aws: 'AWS error bodies are {"Type": "User", "Message": "..."} with the x-amzn-ErrorType header',
    };
  if ((p.startsWith('output.') || p.startsWith('wire.body.')) && (act === undefined || act === null))
    return { key: `answer-omits-fields:${op}`, does: `leaves ${field(p)} (and the other stored fields) out of the ${op} answer`, aws: 'AWS answers the whole merged config' };
  if (/(MaximumRetryAttempts|MaximumEventAgeInSeconds)$/.test(p)) return { key: `settings-differ:${op}`, does: `answers ${field(p)} ${sample} in ${op}`, aws: `AWS answers ${text(exp)}` };
  if (p === 'error.message') {
    if (/Function not found/.test(text(act)))
      return { key: 'not-found-message', does: `words the missing-function 404 "${sample}"`, aws: 'AWS: "The function <qualified arn> doesn\'t exist." / "The function doesn\'t exist."' };
    if (/doesn't have an EventInvokeConfig/.test(text(act)))
      return {
        key: 'no-config-message',
        does: `words the missing-config 404 "${sample}"`,
        aws: 'AWS names the qualified ARN: "The function arn:...:function:<fn>:$LATEST doesn\'t have an EventInvokeConfig"',
      };
    if (/validation error/.test(text(exp))) return { key: 'validation-message', does: `words or counts validation errors differently ("${sample}")`, aws: `AWS: "${clip(normalize(text(exp)), 110)}"` };
    if (act === undefined) return { key: `missing-error:${op}`, does: `answers ${op} without an error where AWS answers one`, aws: `AWS: "${clip(normalize(text(exp)), 110)}"` };
    return { key: `error-message:${op}`, does: `answers ${op} with the message "${sample}"`, aws: `AWS: "${clip(normalize(text(exp)), 110)}"` };
  }
  if (p === 'error.code') return { key: `error-code:${op}`, does: `answers ${op} with error ${sample}`, aws: `AWS answers ${text(exp)}` };
  if (p === 'wire.body.$keys') return { key: `answer-keys:${op}`, does: `answers ${op} with the keys ${sample}`, aws: `AWS answers the keys ${clip(text(exp))}` };
  if (/FunctionEventInvokeConfigs|NextMarker/.test(p))
    return {
      key: 'list-paging',
      does: `pages ListFunctionEventInvokeConfigs differently (${p.replace('output.', '')}: ${sample})`,
      aws: 'AWS honours MaxItems and answers NextMarker while more configs remain',
    };
  if (/FunctionArn$/.test(p)) return { key: 'function-arn-qualifier', does: `answers FunctionArn ${sample}`, aws: `AWS answers ${clip(normalize(text(exp)))}` };
  return { key: `other:${op}:${p}`, does: `answers ${p} ${sample} in ${op}`, aws: `AWS answers ${clip(normalize(text(exp)))}` };
}

/**
 * The root cause of each failing (non-advisory) expectation of one scenario, in order.
 * @example causesOf(result).map((c) => c.verdict.key) // ['unqualified-function-arn', ...]
 */
export function causesOf(result: ScenarioResult): Array<{ failure: Failure; verdict: Verdict }> {
  const hard = result.failures.filter((f) => !f.advisory);
  const steps = [...new Set(hard.map((f) => f.step))];
  return steps.flatMap((step) => {
    const ofStep = hard.filter((f) => f.step === step);
    const status = ofStep.find((f) => f.path === 'status');
    if (status) {
      const verdict = statusVerdict(status, ofStep, result);
      return ofStep.map((failure) => ({ failure, verdict }));
    }
    return ofStep.map((failure) => ({ failure, verdict: pathVerdict(failure) }));
  });
}

/**
 * The run's divergences grouped by root cause, the cause explaining the most expectations first.
 * @example divergenceCauses(report).map((c) => `${c.key}: ${c.occurrences.length}`)
 */
export function divergenceCauses(report: Pick<RunReport, 'results'>): DivergenceCause[] {
  const byKey = new Map<string, { verdict: Verdict; occurrences: Occurrence[] }>();
  for (const result of report.results) {
    if (result.status === 'not-arranged') continue;
    for (const { failure, verdict } of causesOf(result)) {
      const group = byKey.get(verdict.key) ?? { verdict, occurrences: [] };
      group.occurrences.push({ scenario: result.id, step: failure.step, path: failure.path, failure });
      byKey.set(verdict.key, group);
    }
  }
  return [...byKey.values()]
    .map(({ verdict, occurrences }) => ({
      ...verdict,
      evidence: [...new Set(occurrences.map((o) => o.failure.evidence))],
      occurrences,
      scenarios: [...new Set(occurrences.map((o) => o.scenario))],
    }))
    .sort((a, b) => b.occurrences.length - a.occurrences.length || a.key.localeCompare(b.key));
}
