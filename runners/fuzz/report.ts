/**
 * A fuzz run as the runner's report (`RunReport`), so the console, JSON, JUnit and Markdown
 * reporters render it: each finding is a failed (or known) result with its evidence and its
 * shrunk sequence; advisory differences are advisory results; a clean run is one passed result.
 */
import type { Evidence } from '../../src/spec/errors.js';
import { summarize, type RunReport } from '../engine/report.js';
import type { Failure, ScenarioResult } from '../engine/run.js';
import type { FuzzResult } from './fuzz.js';
import { placeholders, printScenario } from './print.js';
import { describeAction } from './render.js';
import type { LoggedStep } from './session.js';

const RANK: Evidence[] = ['docs', 'model', 'recorded', 'inferred'];

function failuresOf(step: LoggedStep, stepNumber: number, back: (v: unknown) => unknown, only: (d: LoggedStep['differences'][number]) => boolean): Failure[] {
  return step.differences.filter(only).map((d) => ({
    step: stepNumber,
    request: back(step.exchanges[0]?.request),
    path: d.path,
    expected: back(d.expected),
    actual: back(d.actual),
    evidence: d.evidence,
    advisory: d.advisory,
    note: d.rule,
  }));
}

/**
 * The report of a fuzz run.
 * @example const report = fuzzReport(result, { target: 'embedded', seed: 1, startedAt: new Date() });
 */
export function fuzzReport(
  result: FuzzResult,
  meta: { target: string; seed: number; startedAt: Date; command: string },
): RunReport & { fuzz: { sequencesPerSecond: number } & Record<string, unknown> } {
  const results: ScenarioResult[] = [];
  result.findings.forEach((finding, index) => {
    const back = placeholders(finding.live);
    const last = finding.steps[finding.steps.length - 1]!;
    const evidence = [...new Set(finding.differences.map((d) => d.evidence))].sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b));
    const id = `fuzz.seed-${finding.seed}.${index + 1}`;
    const title = `${finding.differences[0]?.rule ?? 'difference'} (${finding.steps.length}-step sequence, shrunk from ${finding.originalLength})`;
    const sequence = finding.steps.map((s, i) => `${i + 1}. ${describeAction(s.action)}`).join('\n');
    const scenario = printScenario(finding.steps, { id, title, source: `${meta.command} --seed ${finding.seed} (aws-behaviour.md)`, live: finding.live });
    results.push({
      id,
      suite: 'fuzz',
      title,
      source: `replay: ${meta.command} --seed ${finding.seed}`,
      evidence,
      status: 'failed',
      failures: failuresOf(last, finding.steps.length, back, () => true),
      skippedChecks: 0,
      durationMs: 0,
      sequence,
      scenario,
    } as ScenarioResult);
  });
  result.advisories.forEach((a, index) => {
    const back = placeholders(a.live);
    results.push({
      id: `fuzz.advisory.${index + 1}`,
      suite: 'fuzz',
      title: `${describeAction(a.step.action)}: ${a.signature}`,
      source: `${meta.command} --seed ${meta.seed}`,
      evidence: ['inferred'],
      status: 'advisory',
      failures: failuresOf(a.step, 1, back, (d) => d.advisory),
      skippedChecks: 0,
      durationMs: 0,
    });
  });
  const knownTotal = Object.values(result.knownSeen).reduce((a, b) => a + b, 0);
  for (const [match, count] of Object.entries(result.knownSeen))
    results.push({
      id: `fuzz.known.${match}`,
      suite: 'fuzz',
      title: `known difference seen ${count} times`,
      source: 'baseline',
      evidence: [],
      status: 'known',
      failures: [],
      skippedChecks: 0,
      durationMs: 0,
      knownReason: match,
    });
  if (result.findings.length === 0)
    results.push({
      id: 'fuzz.sequences',
      suite: 'fuzz',
      title: `${result.sequences} sequences, ${result.calls} calls: no difference on a [docs]/[model]/[recorded] rule${knownTotal > 0 ? ` besides ${knownTotal} known` : ''}`,
      source: `${meta.command} --seed ${meta.seed}`,
      evidence: [],
      status: 'passed',
      failures: [],
      skippedChecks: 0,
      durationMs: result.durationMs,
    });
  return {
    target: meta.target,
    startedAt: meta.startedAt.toISOString(),
    durationMs: result.durationMs,
    summary: summarize(results),
    staleBaselineIds: [],
    results,
    fuzz: {
      seed: meta.seed,
      sequences: result.sequences,
      calls: result.calls,
      sequencesPerSecond: Number((result.sequences / Math.max(result.durationMs / 1000, 0.001)).toFixed(1)),
      findings: result.findings.map((f) => ({ seed: f.seed, steps: f.steps.length, shrunkFrom: f.originalLength, signatures: f.signatures })),
      known: result.knownSeen,
    },
  };
}
