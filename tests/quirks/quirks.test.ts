/**
 * The suite proves it can fail: each quirk makes the reference emulator behave like a typical
 * buggy emulator, and the run must fail, caught by the scenarios named here.
 */
import { describe, expect, it } from 'vitest';
import { QUIRK_NAMES, QUIRKS, type QuirkName } from '../../src/quirks/catalogue.js';
import { runScenarios } from '../../runners/engine/run.js';
import { inProcessTarget } from '../../runners/targets/in-process.js';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { failedIds, runEmbedded } from '../engine/support.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';

const CAUGHT_BY: Partial<Record<QuirkName, string[]>> = {
  'update-replaces': ['merge.update-keeps-age', 'merge.update-keeps-destinations', 'docs-examples.boto3-update-example'],
  'update-creates': ['merge.update-never-creates', 'merge.update-never-creates-for-version'],
  'put-merges': ['merge.put-removes-omitted-settings', 'merge.put-removes-omitted-destinations'],
  'unqualified-function-arn': ['recorded.get-existing', 'docs-examples.boto3-put-example'],
  'destinations-not-normalised': ['shape.destination-config-always-both-keys', 'shape.on-failure-only-answers-empty-on-success'],
  'no-range-checks': ['ranges.put.MaximumRetryAttempts.above-max', 'ranges.put.MaximumEventAgeInSeconds.below-min', 'ranges.list.MaxItems.above-max'],
  'ranges-off-by-one': ['ranges.put.MaximumRetryAttempts.above-max', 'ranges.put.MaximumRetryAttempts.below-min', 'ranges.update.MaximumEventAgeInSeconds.above-max'],
  'not-found-as-400': ['errors.get-missing-config', 'recorded.list-missing-function', 'shape.not-found-body'],
  'reworded-messages': ['recorded.put-missing-function', 'recorded.qualifier-mismatch', 'recorded.destination-self'],
  'iso-last-modified': ['shape.last-modified-epoch-seconds', 'docs-examples.cli-update-example'],
  'qualifier-ignored': ['qualifiers.separate-configs', 'qualifiers.version-in-name', 'recorded.qualifier-mismatch'],
  'list-without-paging': ['pagination.walk-one-by-one', 'pagination.default-page-size-50'],
  'delete-missing-204': ['errors.delete-is-not-idempotent', 'errors.delete-missing-function'],
  'html-errors': ['shape.not-found-body', 'recorded.put-missing-function'],
};

describe('the reference emulator without quirks', () => {
  it('passes every scenario', async () => {
    const results = await runEmbedded();
    expect(failedIds(results)).toEqual([]);
    expect(results.filter((r) => r.status === 'advisory')).toEqual([]);
  });
});

describe.each(Object.keys(CAUGHT_BY) as QuirkName[])('quirk %s', (quirk) => {
  it('makes the run fail, caught by the scenarios that check that rule', async () => {
    const failed = failedIds(await runEmbedded([quirk]));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed).toEqual(expect.arrayContaining(CAUGHT_BY[quirk]!));
  });
});

/** A fast subset of the mutation matrix (the whole matrix is tests/peers/mutation-matrix.test.ts). */
describe('the quirk catalogue', () => {
  it("has at least 50 quirks, each naming the rule it breaks and that rule's evidence", () => {
    expect(QUIRK_NAMES.length).toBeGreaterThanOrEqual(50);
    for (const name of QUIRK_NAMES) {
      const breaks = (QUIRKS[name] as { breaks?: { rule: string; evidence: string } }).breaks;
      expect(breaks?.rule, name).toMatch(/§\d/);
      expect(['docs', 'model', 'recorded', 'inferred']).toContain(breaks?.evidence);
    }
  });

  const SAMPLE: Array<[QuirkName, string]> = [
    ['no-request-id-on-delete', 'recorded.delete-existing'],
    ['publish-copies-config', 'qualifiers.publish-does-not-copy'],
    ['throttle-without-retry-after', 'shape.throttled-answer'],
    ['name-prefix-lookup', 'errors.name-prefix-of-another-function'],
    ['qualifier-conflict-after-lookup', 'qualifiers.conflict-before-existence'],
  ];
  it.each(SAMPLE)('run (in-process) catches %s with %s', async (quirk, scenario) => {
    const target = await inProcessTarget({ region: 'us-east-1', runPrefix: 'qs', emulator: quirkyEmulator([quirk]) });
    const results = await runScenarios(target, await target.connect(), ALL_SCENARIOS, { runPrefix: 'qs', concurrency: 8 });
    await target.dispose();
    expect(failedIds(results)).toContain(scenario);
  });
});
