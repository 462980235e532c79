/**
 * Records one fixture on a target: arrange its `given` (with the target's waits), send its
 * request, keep status, error type and body, and put them in fixture form.
 */
import type { Fixture } from '../../cases/fixtures.js';
import { fill, type Vars } from '../../cases/placeholders.js';
import { arrange, cleanup } from '../engine/arrange.js';
import type { Target } from '../targets/target.js';
import { normalise, type Substitutions } from './normalise.js';

export type RecordedResponse = Fixture['response'];

/** The placeholder each run value came from, for normalising: every var but saved `@` values. */
export const substitutionsOf = (vars: Vars): Substitutions =>
  Object.entries(vars)
    .filter(([name]) => !name.startsWith('@'))
    .map(([name, value]) => (name === 'partition' ? ([`arn:${value}:`, 'arn:{partition}:'] as const) : ([value, `{${name}}`] as const)));

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Arranges, sends and normalises; always cleans up what it arranged.
 * @example const response = await recordFixture(target, fixture, vars)
 */
export async function recordFixture(target: Target, fixture: Fixture, vars: Vars): Promise<RecordedResponse> {
  try {
    await arrange(target, fill(fixture.given, vars), vars);
    const seen = await target.send(fill(fixture.request, vars));
    if (seen.status === undefined) throw new Error(`no answer: ${seen.error?.code ?? ''} ${seen.error?.message ?? ''}`.trim());
    const wire = seen.wire;
    const errorType = wire?.headers['x-amzn-errortype']?.split(':')[0] ?? seen.error?.code;
    const body = wire && wire.bodyText.length > 0 ? parse(wire.bodyText) : seen.output && Object.keys(seen.output).length > 0 ? seen.output : undefined;
    const substitutions = substitutionsOf(vars);
    return {
      status: seen.status,
      ...(seen.error && errorType ? { error: { code: errorType } } : {}),
      ...(fixture.response.headers && errorType ? { headers: { 'x-amzn-ErrorType': errorType } } : {}),
      // A fixture without a body states status and error type only: the body is not part of that fact.
      ...(body !== undefined && fixture.response.body !== undefined ? { body: normalise(body, fixture.response.body, substitutions) } : {}),
    };
  } finally {
    await cleanup(target, fixture.given, vars).catch(() => undefined);
  }
}
