/**
 * Arranging where a target cannot do what arrange does first: LocalStack without Docker answers
 * UpdateFunctionCode with a 500, so versions are separated by UpdateFunctionConfiguration; where
 * nothing works the scenario is `not-arranged` (with the reason), never a failure.
 */
import { describe, expect, it } from 'vitest';
import { arrange, revisionMethod } from '../../runners/engine/arrange.js';
import { runFailed, summarize, type RunReport } from '../../runners/engine/report.js';
import { runScenarios } from '../../runners/engine/run.js';
import { consoleProgress, consoleSummary } from '../../runners/reporters/console.js';
import { junitReport, markdownReport } from '../../runners/reporters/files.js';
import type { Observation, Target } from '../../runners/targets/target.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import type { SdkRequest } from '../../cases/scenario.js';
import { arrangeCalls } from '../../src/arrange/plan.js';

const ok: Observation = { status: 200, output: {} };
const internal: Observation = { status: 500, error: { code: 'InternalError', message: 'exception while calling lambda.UpdateFunctionCode' } };

/** A target that answers from a table by operation, recording every call. */
function fakeTarget(answers: Partial<Record<string, Observation>>, publishes: 'new' | 'same' = 'new'): Target & { calls: string[] } {
  const calls: string[] = [];
  let version = 0;
  return {
    label: 'fake',
    observesWire: false,
    calls,
    connect: async () => ({ account: '000000000000', region: 'us-east-1', partition: 'aws' }),
    send: async (request: SdkRequest) => {
      calls.push(request.operation);
      if (request.operation === 'PublishVersion' && !answers.PublishVersion) return { status: 201, output: { Version: String(publishes === 'new' || version === 0 ? ++version : version) } };
      return answers[request.operation] ?? ok;
    },
    roleArn: async () => 'arn:aws:iam::000000000000:role/r',
    dispose: async () => undefined,
  };
}

const twoVersions = { functions: [{ ref: 'fn' as const, versions: 3 }] };

describe('the runner arranges with the one plan (src/arrange/plan.ts)', () => {
  it('sends exactly the calls of arrangeCalls, inputs included, where every call works', async () => {
    const given = {
      functions: [
        { ref: 'fn' as const, versions: 2, aliases: [{ name: 'live', version: '1' }], configs: [{ MaximumRetryAttempts: 1 }, { qualifier: 'live', MaximumEventAgeInSeconds: 60 }] },
        { ref: 'fn2' as const },
      ],
    };
    const sent: SdkRequest[] = [];
    const target = fakeTarget({});
    const send = target.send.bind(target);
    target.send = async (request, options) => {
      sent.push(request);
      return send(request, options);
    };
    await arrange(target, given, { fn: 'f', fn2: 'g' });
    expect(sent).toEqual(arrangeCalls(given, { functions: { fn: 'f', fn2: 'g' }, role: 'arn:aws:iam::000000000000:role/r' }));
  });
});

describe('arranging versions', () => {
  it('uses UpdateFunctionCode where it works', async () => {
    const target = fakeTarget({});
    await arrange(target, twoVersions, { fn: 'f' });
    expect(target.calls).toEqual(['CreateFunction', 'PublishVersion', 'UpdateFunctionCode', 'PublishVersion', 'UpdateFunctionCode', 'PublishVersion']);
    expect(revisionMethod(target)).toBe('code');
  });

  it('falls back to UpdateFunctionConfiguration once UpdateFunctionCode fails, and remembers it', async () => {
    const target = fakeTarget({ UpdateFunctionCode: internal });
    await arrange(target, twoVersions, { fn: 'f' });
    expect(target.calls).toEqual(['CreateFunction', 'PublishVersion', 'UpdateFunctionCode', 'UpdateFunctionConfiguration', 'PublishVersion', 'UpdateFunctionConfiguration', 'PublishVersion']);
    expect(revisionMethod(target)).toBe('configuration');
  });

  it('where both updates answer errors but PublishVersion shows a new version (LocalStack without Docker), uses that', async () => {
    const target = fakeTarget({ UpdateFunctionCode: internal, UpdateFunctionConfiguration: internal });
    await arrange(target, twoVersions, { fn: 'f' });
    expect(target.calls).toEqual([
      'CreateFunction',
      'PublishVersion',
      'UpdateFunctionCode',
      'UpdateFunctionConfiguration',
      'UpdateFunctionConfiguration',
      'PublishVersion',
      'UpdateFunctionConfiguration',
      'PublishVersion',
    ]);
    expect(revisionMethod(target)).toBe('unconfirmed-configuration');
  });

  it('a scenario that cannot be arranged is not-arranged with the reason: reported, never a failure', async () => {
    const target = fakeTarget({ UpdateFunctionCode: internal, UpdateFunctionConfiguration: internal }, 'same');
    const scenarios = ALL_SCENARIOS.filter((s) => s.given?.functions.some((f) => (f.versions ?? 0) > 1)).slice(0, 2);
    expect(scenarios).toHaveLength(2);
    const marks: string[] = [];
    const results = await runScenarios(target, await target.connect(), scenarios, {
      runPrefix: 'eic-000000',
      concurrency: 1,
      onResult: consoleProgress({ write: (s: string) => marks.push(s) } as never),
    });
    for (const r of results) {
      expect(r.status).toBe('not-arranged');
      expect(r.notArranged).toMatch(/UpdateFunctionCode failed: InternalError.*UpdateFunctionConfiguration failed: InternalError.*PublishVersion answered version 1 again/);
    }
    const report: RunReport = { target: 'fake', startedAt: new Date(0).toISOString(), durationMs: 1, summary: summarize(results), staleBaselineIds: [], results };
    expect(report.summary['not-arranged']).toBe(2);
    expect(runFailed(report)).toBe(false);
    expect(marks.join('')).toMatch(/^nn/);
    expect(consoleSummary(report)).toMatch(/Not arranged[\s\S]*n .*UpdateFunctionConfiguration failed[\s\S]*PASS: .* 2 not arranged/);
    expect(junitReport(report)).toContain('<skipped message="not arranged: ');
    expect(markdownReport(report)).toMatch(/### Not arranged/);
  });

  it('a failing Put while arranging is the API under test: a conformance failure', async () => {
    const target = fakeTarget({ PutFunctionEventInvokeConfig: { status: 500, error: { code: 'ServiceException', message: 'boom' } } });
    const scenario = ALL_SCENARIOS.find((s) => (s.given?.functions[0]?.configs?.length ?? 0) > 0)!;
    const [result] = await runScenarios(target, await target.connect(), [scenario], { runPrefix: 'eic-000000', concurrency: 1 });
    expect(result!.status).toBe('failed');
    expect(result!.failures[0]).toMatchObject({ step: 0, path: 'arrange' });
  });
});
