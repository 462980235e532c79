/**
 * The "AWS realism" profile of the emulator: what a real account does to a caller that the plain
 * model leaves out (aws-behaviour.md section 8 and section 7), as data with its evidence. Timings
 * are options so tests stay fast; the defaults are what a real account shows.
 */

export interface RealismTimings {
  /** How long a new function (and a newly published version) stays `Pending` [recorded: states; inferred: the length]. */
  readonly pendingMs: number;
  /** How long `LastUpdateStatus` stays `InProgress` after UpdateFunctionCode/Configuration [recorded: states; inferred: the length]. */
  readonly updateMs: number;
  /** How long a role is refused after CreateFunction first names it [recorded: "about ten seconds"]. */
  readonly roleDelayMs: number;
  /**
   * How long after a role is first named its permissions to deliver to SQS, SNS, S3 and
   * EventBridge destinations are not yet in effect [recorded: "takes seconds"; inferred: the length].
   */
  readonly policyDelayMs: number;
}

export interface RealismOptions extends RealismTimings {
  /** Control-plane requests per second per account before a 429 [docs: 15]. */
  readonly rps: number;
  /** GetFunction's own quota [docs: 100]. */
  readonly getFunctionRps: number;
  /** Access key id to secret: the credentials whose signatures are accepted. */
  readonly credentials: Readonly<Record<string, string>>;
  /**
   * The stand-in's registry of what no role's delivery policy covers: an SQS, SNS, S3 or
   * EventBridge destination whose name matches is refused with the recorded permission error,
   * whatever the time [recorded: the message]. The realism layer does not see the IAM calls (they
   * go to IAM's own endpoint), so the run's convention stands in for the policy: the runner names
   * the queue and topic it leaves out of its policy `...-denied`.
   */
  readonly undeliverable: RegExp;
}

export const REALISM_DEFAULTS: RealismOptions = {
  pendingMs: 2_000,
  updateMs: 2_000,
  roleDelayMs: 10_000,
  policyDelayMs: 15_000,
  rps: 15,
  getFunctionRps: 100,
  credentials: { testing: 'testing' },
  undeliverable: /-denied$/,
};

/** The `--realism-timings` keys, to their option. */
export const TIMING_KEYS = { pending: 'pendingMs', update: 'updateMs', role: 'roleDelayMs', policy: 'policyDelayMs' } as const satisfies Record<string, keyof RealismTimings>;

/**
 * Parses `pending=200,update=200,role=1000` (milliseconds) into timings; throws a TypeError naming a bad part.
 * @example parseTimings('pending=200,role=500') // { pendingMs: 200, roleDelayMs: 500 }
 */
export function parseTimings(text: string): Partial<RealismTimings> {
  const timings: Record<string, number> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value] = part.split('=');
    const field = key !== undefined && Object.hasOwn(TIMING_KEYS, key) ? TIMING_KEYS[key as keyof typeof TIMING_KEYS] : undefined;
    if (!field || value === undefined || !/^\d{1,7}$/.test(value))
      throw new TypeError(
        `timings are ${Object.keys(TIMING_KEYS)
          .map((k) => `${k}=MS`)
          .join(',')}, not '${part}'`,
      );
    timings[field] = Number(value);
  }
  return timings;
}

/**
 * Parses `AKID:SECRET` pairs (comma-separated) into the accepted credentials.
 * @example parseCredentials('AKIDEXAMPLE:secret') // { AKIDEXAMPLE: 'secret' }
 */
export function parseCredentials(text: string): Record<string, string> {
  const credentials: Record<string, string> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf(':');
    if (at < 1 || at === part.length - 1) throw new TypeError(`credentials are ACCESS_KEY_ID:SECRET, not '${part}'`);
    credentials[part.slice(0, at)] = part.slice(at + 1);
  }
  return credentials;
}
