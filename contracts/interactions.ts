/**
 * A fixture as a contract interaction: the states it needs, the request on the wire with the
 * contract's fixed values, and the answer with matchers where values are volatile or run-specific.
 * Pure data; contracts/generate.ts hands it to Pact.
 */
import type { Fixture } from '../cases/fixtures.js';
import { fill } from '../cases/placeholders.js';
import { MatchersV3 } from '@pact-foundation/pact';
import { responseBody } from './matchers.js';
import { statesOf, type ProviderState } from './states.js';
import { CONTRACT_VARS, FUNCTION_REFS, type FunctionRef } from './values.js';
import { wireCall } from '../src/http/wire.js';

export interface ContractInteraction {
  /** `<fixture id>: <title>`: unique, stable, and what a failing verification names. */
  readonly description: string;
  readonly states: readonly ProviderState[];
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly query: Readonly<Record<string, string>>;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: Readonly<Record<string, unknown>>;
  };
  readonly response: {
    readonly status: number;
    /** Values may be Pact matchers. */
    readonly headers: Readonly<Record<string, unknown>>;
    readonly body?: unknown;
  };
}

/**
 * Request ids are any non-empty token: present on every answer, never pinned.
 * @example res.headers({ 'x-amzn-RequestId': REQUEST_ID() })
 */
export const REQUEST_ID = () => MatchersV3.regex('^\\S+$', 'c6f8b3ad-1b1e-4a9e-9a47-4a1a2f0b0c1d');

const refsIn = (value: unknown): FunctionRef[] => {
  const text = JSON.stringify(value);
  return FUNCTION_REFS.filter((ref) => text.includes(`{${ref}}`));
};

/**
 * The contract interaction of a fixture.
 * @example toInteraction(loadFixtures('aws')[0]).request.path // '/2019-09-25/functions/my-function/event-invoke-config'
 */
export function toInteraction(fixture: Fixture): ContractInteraction {
  const input = fill(fixture.request.input, CONTRACT_VARS);
  const wire = wireCall(fixture.request.operation, input);
  const { status, body } = fixture.response;
  const isError = status >= 400;
  const hasBody = body !== undefined || isError;
  const headers: Record<string, unknown> = {
    ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
    'x-amzn-RequestId': REQUEST_ID(),
    ...(fixture.response.error ? { 'x-amzn-ErrorType': fixture.response.error.code } : {}),
    ...fill(fixture.response.headers ?? {}, CONTRACT_VARS),
  };
  return {
    description: `${fixture.id}: ${fixture.title}`,
    states: statesOf(fixture.given, refsIn(fixture.request.input)),
    request: {
      method: wire.method,
      path: wire.path,
      query: wire.query,
      headers: wire.body ? { 'Content-Type': 'application/json' } : {},
      ...(wire.body ? { body: wire.body } : {}),
    },
    response: { status, headers, ...(body !== undefined ? { body: responseBody(body) } : {}) },
  };
}
