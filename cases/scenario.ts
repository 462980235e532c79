/**
 * Conformance scenarios as data: a stable id (the name everywhere), a title, a suite, the state
 * to arrange, and steps whose every expectation carries its evidence tag.
 *
 * Strings may hold placeholders, filled per run so runs can share an endpoint:
 * `{fn}`, `{fn2}` (the run-unique names of the given functions), `{account}`, `{region}`,
 * `{partition}`, `{otherRegion}` (a region that is not the target's), `{role}` (the role ARN
 * CreateFunction should use there); a string that is exactly `{zip:N}` is a deployment package.
 */
import type { Evidence } from './evidence.js';
import type { Matcher } from './matchers.js';

export const SUITES = ['merge', 'ranges', 'errors', 'qualifiers', 'destinations', 'pagination', 'shape', 'docs-examples', 'recorded', 'permissions'] as const;
export type SuiteName = (typeof SUITES)[number];

/** Settings of a config to arrange with Put before the steps run. */
export interface GivenConfig {
  readonly qualifier?: string;
  readonly MaximumRetryAttempts?: number;
  readonly MaximumEventAgeInSeconds?: number;
  readonly DestinationConfig?: Record<string, { Destination?: string }>;
}

export interface GivenFunction {
  /** `fn` or `fn2`: the placeholder this function's run-unique name fills. */
  readonly ref: 'fn' | 'fn2';
  /** How many versions to publish (1, 2, ...). */
  readonly versions?: number;
  readonly aliases?: ReadonlyArray<{ readonly name: string; readonly version: string }>;
  readonly configs?: readonly GivenConfig[];
}

export interface Given {
  readonly functions: readonly GivenFunction[];
}

/** A request made through the Lambda client of the target. */
export interface SdkRequest {
  /** A Lambda operation (`GetFunctionEventInvokeConfig`); src/spec/operations.ts lists those the model knows. */
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** A raw HTTP request, for what only makes sense on the wire (unsigned, sent as is). */
export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type { Matcher };

/**
 * Where a check looks:
 * - `status`: the HTTP status;
 * - `error.code`, `error.message`: the error the client surfaced;
 * - `output.<path>`: the parsed answer as the SDK returns it;
 * - `wire.header.<name>`, `wire.body.<path>`, `wire.bodyText`: the raw answer (HTTP targets only);
 * - `collected.<name>`: values gathered by earlier steps' `collect`;
 * - a `$keys` step gives an object's member names (`wire.body.$keys`).
 */
export type Check =
  | { readonly at: string; readonly equals: unknown }
  | { readonly at: string; readonly match: Matcher }
  | { readonly at: string; readonly absent: true }
  | { readonly at: string; readonly present: true }
  /** The same members in any order (for values collected across pages). */
  | { readonly at: string; readonly sameMembers: readonly unknown[] };

export type Expectation = Check & { readonly evidence: Evidence; readonly note?: string };

export interface Step {
  readonly title?: string;
  readonly request: SdkRequest | { readonly raw: RawRequest };
  readonly expect: readonly Expectation[];
  /** Keeps a value of this answer for later steps, which name it as `{@name}` (a NextMarker). */
  readonly save?: Readonly<Record<string, string>>;
  /** Appends values of this answer to a list (`output.Items.*.Arn`), checked as `collected.<into>`. */
  readonly collect?: { readonly into: string; readonly from: string };
  /**
   * A fault armed for this step's call only (the answers only a fault produces): a 429 throttle,
   * a 500 service error or a 409 conflict. Targets that cannot inject faults (a third-party
   * endpoint) skip the step's checks; scenarios with faults run one at a time.
   */
  readonly fault?: StepFault;
}

export interface StepFault {
  readonly kind: 'throttle' | 'service' | 'conflict';
  /** 429 only: the Retry-After header, in seconds. */
  readonly retryAfterSeconds?: number;
  /** 429 only: the Reason member. */
  readonly reason?: string;
}

export interface Scenario {
  readonly id: string;
  readonly suite: SuiteName;
  readonly title: string;
  /** Where the expectations come from: sections of docs/aws-behaviour.md and fixture files (cases/sources.ts). */
  readonly source: string;
  /** Prose: what the fact means and why it matters (the recorded suite takes it from the fixture). */
  readonly description?: string;
  /** When the fact was recorded on AWS (`2022-09`), for scenarios generated from recorded fixtures. */
  readonly recordedAt?: string;
  readonly given?: Given;
  readonly steps: readonly Step[];
  /**
   * What the target must do for the scenario to mean anything: `iam`, a target that checks the
   * execution role's permissions (a real account, or its stand-in). Elsewhere the scenario is
   * reported `skipped` with the reason, never run and never failed.
   */
  readonly requires?: Requirement;
}

export type Requirement = 'iam';

/** Why a scenario that needs a capability is skipped on a target without it. */
export const REQUIREMENT_REASONS: Readonly<Record<Requirement, string>> = {
  iam: 'needs IAM with a policy the run controls (--target aws, its own role); this target has no IAM or uses --role-arn',
};

export const isRaw = (request: Step['request']): request is { readonly raw: RawRequest } => 'raw' in request;
