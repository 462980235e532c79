/** The suites as data: enough scenarios, every suite, unique ids, every expectation tagged. */
import { describe, expect, it } from 'vitest';
import { ALL_SCENARIOS } from '../../suites/index.js';
import { SUITES, isRaw } from '../../cases/scenario.js';
import { OPERATIONS, isOperationName } from '../../src/spec/operations.js';

describe('the conformance suites', () => {
  it('hold at least 120 scenarios across all eight suites', () => {
    expect(ALL_SCENARIOS.length).toBeGreaterThanOrEqual(120);
    expect(new Set(ALL_SCENARIOS.map((s) => s.suite))).toEqual(new Set(SUITES));
  });

  it('give every scenario a unique, stable id prefixed by its suite', () => {
    const ids = ALL_SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of ALL_SCENARIOS) expect(s.id.startsWith(`${s.suite}.`), s.id).toBe(true);
  });

  it('tag every expectation with its evidence and name a source', () => {
    for (const s of ALL_SCENARIOS) {
      expect(s.source.length, s.id).toBeGreaterThan(0);
      expect(s.steps.length, s.id).toBeGreaterThan(0);
      for (const step of s.steps) {
        expect(step.expect.length, s.id).toBeGreaterThan(0);
        for (const e of step.expect) expect(['docs', 'model', 'recorded', 'inferred'], `${s.id} ${e.at}`).toContain(e.evidence);
      }
    }
  });

  it('generate every range case from the spec table (min-1, min, max, max+1, wrong type, fraction)', () => {
    for (const member of ['put.MaximumRetryAttempts', 'put.MaximumEventAgeInSeconds', 'list.MaxItems'])
      for (const c of ['below-min', 'min', 'max', 'above-max', 'wrong-type', 'fraction'])
        expect(
          ALL_SCENARIOS.some((s) => s.id === `ranges.${member}.${c}`),
          `${member} ${c}`,
        ).toBe(true);
  });

  it('never assert the order of items whose order AWS leaves unspecified (List): members only', () => {
    for (const s of ALL_SCENARIOS)
      for (const step of s.steps) {
        if (isRaw(step.request) || !isOperationName(step.request.operation)) continue;
        const items = (OPERATIONS[step.request.operation] as { items?: { member: string } }).items;
        if (!items) continue;
        for (const e of step.expect) {
          const index = new RegExp(`^(output|wire\\.body)\\.${items.member}\\.([0-9]+)`).exec(e.at);
          if (index) expect(Number(index[2]), `${s.id}: ${e.at} names an item by position`).toBe(0);
          const at = new RegExp(`^(output|wire\\.body)\\.${items.member}$`).test(e.at);
          if (at && 'equals' in e) expect((e.equals as unknown[]).length, `${s.id}: ${e.at} equals a list of several items`).toBeLessThanOrEqual(1);
        }
      }
  });
});
