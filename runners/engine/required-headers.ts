/**
 * The headers every answer must carry, on every operation, successes and errors alike
 * (`aws-behaviour.md` section 2; the rest-json protocol [model]), as data. `run` checks them after
 * every step whose raw answer it sees; `fuzz` compares them with the model's.
 */
import type { Expectation } from '../../cases/scenario.js';
import type { Observation } from '../targets/target.js';

export const REQUIRED_HEADERS = [
  { header: 'x-amzn-requestid', when: 'always', match: 'non-empty-string', evidence: 'model' },
  { header: 'x-amzn-errortype', when: 'error', match: 'non-empty-string', evidence: 'model' },
  { header: 'content-type', when: 'json-body', match: 'json-content-type', evidence: 'model' },
] as const;

/**
 * The header checks that apply to one answer (none when the transport does not show it).
 * @example requiredHeaderChecks({ status: 204, wire: { status: 204, headers: {}, bodyText: '' } }) // [x-amzn-requestid]
 */
export function requiredHeaderChecks(observation: Observation): Expectation[] {
  const wire = observation.wire;
  if (!wire) return [];
  return REQUIRED_HEADERS.filter((h) => h.when === 'always' || (h.when === 'error' && wire.status >= 400) || (h.when === 'json-body' && wire.bodyText !== '')).map((h) => ({
    at: `wire.header.${h.header}`,
    match: h.match,
    evidence: h.evidence,
    note: `required on every answer (${h.when === 'always' ? 'all' : h.when === 'error' ? 'errors' : 'JSON bodies'})`,
  }));
}
