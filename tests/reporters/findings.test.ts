/**
 * The conformance page: divergences grouped by the behaviour behind them (one cause explains many
 * expectations), each with a reproduction for the AWS CLI (curl where the CLI would refuse the
 * input) and the AWS answer with its evidence tag.
 */
import { describe, expect, it } from 'vitest';
import { summarize, type RunReport } from '../../runners/engine/report.js';
import { causesOf, divergenceCauses } from '../../runners/reporters/divergence-causes.js';
import { findingsPage } from '../../runners/reporters/findings.js';
import { cliLine, reproduction, reproVars } from '../../runners/reporters/reproduction.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { runEmbedded } from '../engine/support.js';

const byId = (id: string) => ALL_SCENARIOS.find((s) => s.id === id)!;

describe('root causes by behaviour', () => {
  it('one quirk is one cause, explaining every expectation it breaks across scenarios', async () => {
    const results = await runEmbedded(['unqualified-function-arn']);
    const causes = divergenceCauses({ results });
    expect(causes[0]!.key).toBe('unqualified-function-arn');
    expect(causes[0]!.scenarios.length).toBeGreaterThan(10);
    const failing = results.flatMap((r) => r.failures.filter((f) => !f.advisory)).length;
    expect(causes.reduce((n, c) => n + c.occurrences.length, 0)).toBe(failing);
  }, 60_000);

  it('a wrong status explains the rest of its step', async () => {
    const [result] = await runEmbedded(['update-creates'], [byId('merge.update-never-creates')]);
    const verdicts = new Set(
      causesOf(result!)
        .filter((c) => c.failure.step === 1)
        .map((c) => c.verdict.key),
    );
    expect([...verdicts]).toEqual(['update-creates']);
  });
});

describe('reproductions', () => {
  it('renders calls for the AWS CLI, with --no-paginate for List', () => {
    expect(cliLine({ operation: 'PutFunctionEventInvokeConfig', input: { FunctionName: 'f', Qualifier: '$LATEST', DestinationConfig: { OnFailure: { Destination: 'arn:x' } } } })).toBe(
      `aws lambda put-function-event-invoke-config --endpoint-url "$E" --function-name f --qualifier '$LATEST' --destination-config '{"OnFailure":{"Destination":"arn:x"}}'`,
    );
    expect(cliLine({ operation: 'ListFunctionEventInvokeConfigs', input: { FunctionName: 'f', MaxItems: 1 } })).toContain('--no-paginate --function-name f --max-items 1');
  });

  it('arranges with the CLI and sends what botocore would refuse with curl and SigV4', () => {
    const lines = reproduction(byId('ranges.put.MaximumEventAgeInSeconds.below-min'), 1, reproVars('000000000000', 'us-east-1', 'aws', '-1'));
    expect(lines.some((l) => l.startsWith('aws lambda create-function --endpoint-url "$E" --function-name eic-repro-1 '))).toBe(true);
    const send = lines.find((l) => l.startsWith('curl '))!;
    expect(send).toContain(`-X PUT "$E/2019-09-25/functions/eic-repro-1/event-invoke-config" --aws-sigv4 'aws:amz:us-east-1:lambda'`);
    expect(send).toContain('"MaximumEventAgeInSeconds":59');
    expect(lines.at(-1)).toMatch(/^aws lambda delete-function .* \|\| true$/);
  });
});

describe('the findings page', () => {
  it('lists the causes, each with a reproduction and the AWS answer with its evidence tag', async () => {
    const results = await runEmbedded(['iso-last-modified', 'no-range-checks']);
    const report: RunReport = { target: 'embedded', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, summary: summarize(results), staleBaselineIds: [], results };
    const page = findingsPage(report, 'Quirky 1.0');
    const sections = page.split('\n').filter((l) => l.startsWith('### '));
    expect(sections.length).toBe(divergenceCauses(report).length);
    // The runner reads the raw body when the SDK cannot parse it, so the cause is the member itself.
    expect(sections[0]).toMatch(/^### 1\. Quirky 1\.0 answers LastModified as an ISO-8601 string/);
    expect(page).toMatch(/```sh\nexport E=http:\/\/127\.0\.0\.1:PORT/);
    expect(page).toMatch(/\| `status` \| `400` \| `200` \| \[(recorded|model|docs)\] \|/);
  }, 60_000);
});
