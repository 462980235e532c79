/**
 * What the runner needs of a target: send a Lambda call and observe the answer, arrange state,
 * clean up. Targets differ only in how they reach the API (embedded server, any endpoint, a mock).
 */
import type { RawRequest, SdkRequest, StepFault } from '../../cases/scenario.js';

/** The raw HTTP answer, where the transport lets us see it. */
export interface WireExchange {
  readonly status: number;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyText: string;
}

/** What one call produced, in one shape for every target. */
export interface Observation {
  /** Undefined when no answer came (refused, reset, timed out, aborted). */
  readonly status: number | undefined;
  readonly error?: { readonly code: string; readonly message: string };
  /**
   * The SDK could not parse the answer (an ISO date where a number belongs, HTML for JSON): its
   * own error. `output.*` checks then read the raw body, so nothing is reported absent that was sent.
   */
  readonly sdkError?: { readonly name: string; readonly message: string };
  /** The answer as the SDK parsed it, without `$metadata`. */
  readonly output?: Readonly<Record<string, unknown>>;
  readonly wire?: WireExchange;
  /** How many times the call was retried after a 429 before this answer (real accounts only). */
  readonly retries?: number;
}

export interface Identity {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

export interface SendOptions {
  /** Ends the call at once (a stop: signal, run deadline); the observation then has no status. */
  readonly signal?: AbortSignal;
}

export interface Target {
  /** Short name for reports (`embedded`, `endpoint http://127.0.0.1:5000`). */
  readonly label: string;
  /** The base URL of an HTTP target; absent for in-process mocks. */
  readonly endpoint?: string;
  /** Whether raw answers are observed (`wire.*` checks run only then). */
  readonly observesWire: boolean;
  /** Reaches the target and learns account and region; throws `TargetUnreachable`. */
  connect(): Promise<Identity>;
  send(request: SdkRequest, options?: SendOptions): Promise<Observation>;
  sendRaw?(request: RawRequest, options?: SendOptions): Promise<Observation>;
  /** Whether the target still answers at all (one cheap read); asked after a call got no answer. */
  alive?(): Promise<boolean>;
  /** Arms a fault for the next call of `operation` (targets with fault injection only). */
  armFault?(operation: string, fault: StepFault): Promise<void>;
  /** The role ARN CreateFunction should use (created through IAM where the target demands one). */
  roleArn(): Promise<string>;
  /** The names of the destinations this target made for the run (`queue`, `topic`, ...), once connected. */
  readonly destinationNames?: Readonly<Record<string, string>>;
  /**
   * Whether the target checks the execution role's permission to deliver (IAM): scenarios that
   * require it (`requires: 'iam'`) are skipped with a visible reason elsewhere.
   */
  readonly checksIam?: boolean;
  /** The runtime CreateFunction should use; default `DEFAULT_RUNTIME`. */
  readonly runtime?: string;
  /**
   * Sends an arranging or cleanup call (not a judged step): a real-account target retries it,
   * tags and records what it creates, and waits until AWS has settled the change.
   */
  arrangeSend?(request: SdkRequest): Promise<Observation>;
  dispose(): Promise<void>;
}

export { DEFAULT_RUNTIME } from '../../src/arrange/plan.js';

/** The target cannot be reached or used at all: exit code 2 with this one-line reason. */
export class TargetUnreachable extends Error {}

/** The target stopped answering during the run: the run ends incomplete (exit 2). */
export class TargetLost extends Error {}

/** An optional peer the target needs is not installed: exit code 2 with what to install. */
export class MissingPeer extends TargetUnreachable {}

/**
 * Loads a module that needs an optional peer, turning "not installed" into a one-line MissingPeer.
 * @example const { interceptLambda } = await withPeer('nock', '--target nock', () => import('../../src/adapters/nock.js'));
 */
export async function withPeer<T>(peer: string, need: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && (error as Error).message.includes(`'${peer}'`))
      throw new MissingPeer(`${need} needs ${peer}, an optional peer dependency: npm install --save-dev ${peer}`);
    throw error;
  }
}
