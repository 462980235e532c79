/**
 * The fuzzer's vocabulary: abstract calls over a small pool of functions whose names are prefixes of
 * one another, and their fast-check generators. Values sit at and around every boundary of the spec
 * (`aws-behaviour.md` sections 1, 3-5) so a random sequence looks like what a real caller sends.
 */
import fc from 'fast-check';

/** Index into the session's function names: `{fn}`, `{fn}-x`, `{fn}-x1` (each a prefix of the next). */
export type FnIndex = 0 | 1 | 2;
export const FN_INDEXES: readonly FnIndex[] = [0, 1, 2];

/** How the FunctionName names the function. */
export const NAME_FORMS = ['name', 'partial-arn', 'full-arn', 'other-region-arn', 'other-account-arn'] as const;
export type NameForm = (typeof NAME_FORMS)[number];

/** Qualifiers: `$LATEST`, versions, aliases, one that never exists, and malformed ones. */
export const QUALIFIERS = ['$LATEST', '1', '2', '3', 'live', 'live2', 'nope', 'bad!q', 'q'.repeat(129)] as const;
export type QualifierValue = (typeof QUALIFIERS)[number];

export const ALIASES = ['live', 'live2'] as const;
export type AliasName = (typeof ALIASES)[number];

/** A destination of each kind the rules tell apart (section 5). */
export const DESTINATION_KINDS = [
  'empty',
  'empty-string',
  'sqs',
  'sqs2',
  'sns',
  'events',
  's3',
  'lambda-0',
  'lambda-1',
  'lambda-2',
  'lambda-0-version',
  'lambda-missing',
  'lambda-other-region',
  'iam',
  'malformed',
  'kafka',
] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

export interface Designator {
  readonly fn: FnIndex;
  readonly form: NameForm;
  /** A qualifier appended to the name (`name:1`). */
  readonly inName?: QualifierValue;
  /** The Qualifier parameter. */
  readonly param?: QualifierValue;
}

export interface Settings {
  readonly retries?: number;
  readonly age?: number;
  readonly destinations?: { readonly OnSuccess?: DestinationKind; readonly OnFailure?: DestinationKind };
}

/**
 * An action runs only where it makes sense (a function it names exists; CreateFunction only for a
 * missing one), unless `force` is set: then it probes the error path. A List is turned to a
 * function with several configs when its own has fewer, so MaxItems cuts pages.
 */
export type Action = (
  | { readonly kind: 'CreateFunction'; readonly fn: FnIndex }
  | { readonly kind: 'PublishVersion'; readonly fn: FnIndex }
  | { readonly kind: 'CreateAlias'; readonly fn: FnIndex; readonly alias: AliasName; readonly version: '$LATEST' | '1' | '2' }
  | { readonly kind: 'DeleteAlias'; readonly fn: FnIndex; readonly alias: AliasName }
  | { readonly kind: 'DeleteFunction'; readonly fn: FnIndex }
  | { readonly kind: 'Put' | 'Update'; readonly target: Designator; readonly settings: Settings }
  | { readonly kind: 'Get' | 'Delete'; readonly target: Designator }
  /**
   * A Put ({MaximumRetryAttempts: 1}) on `$LATEST` and on each version and alias the function has
   * when it runs (`qualifiers`, filled then), after publishing a version (`publish`) when it has
   * none: several configs at once, so List pages get cut.
   */
  | { readonly kind: 'PutEach'; readonly fn: FnIndex; readonly qualifiers?: readonly string[]; readonly publish?: true }
  /** Walks every page (MaxItems as given) and compares the union. */
  | { readonly kind: 'List'; readonly target: Designator; readonly maxItems?: number }
  /** Arms a fault for the next call on both sides (targets that can inject faults only). */
  | { readonly kind: 'Fault'; readonly fn: FnIndex; readonly fault: 'throttle' | 'service' | 'conflict' }
) & {
  readonly force?: true;
  /** With `force`: aimed at a function that does not exist, if one is missing (probes check order). */
  readonly probe?: true;
};

/** Boundary values: each constraint's ends, one past them, and an everyday value (section 1). */
export const RETRIES = [-1, 0, 1, 2, 3] as const;
export const AGES = [59, 60, 61, 3600, 21599, 21600, 21601] as const;
export const MAX_ITEMS = [0, 1, 2, 3, 50, 51] as const;

/** Weighted choice: mostly the first group (the everyday case), sometimes anything. */
const mostly = <T>(usual: readonly T[], all: readonly T[], usualWeight = 4): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constantFrom(...usual), weight: usualWeight }, { arbitrary: fc.constantFrom(...all), weight: 1 });

/** Sometimes absent. */
const maybe = <T>(value: fc.Arbitrary<T>, absentWeight: number, presentWeight: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: absentWeight }, { arbitrary: value, weight: presentWeight });

const fnIndex = fc.oneof({ arbitrary: fc.constant<FnIndex>(0), weight: 3 }, { arbitrary: fc.constant<FnIndex>(1), weight: 2 }, { arbitrary: fc.constant<FnIndex>(2), weight: 1 });
const qualifier = mostly<QualifierValue>(['$LATEST', '1', '2', 'live'], QUALIFIERS, 5);

/** Mostly a plain name, sometimes an ARN; a qualifier now and then, in the name or the parameter. */
const designator = (qualifiers: boolean): fc.Arbitrary<Designator> =>
  fc
    .record({
      fn: fnIndex,
      form: mostly<NameForm>(['name'], NAME_FORMS, 5),
      inName: maybe(qualifier, 8, qualifiers ? 2 : 1),
      param: maybe(qualifier, 6, qualifiers ? 3 : 0),
    })
    .map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as unknown as Designator);

const GENERATED_DESTINATIONS = DESTINATION_KINDS.filter((k) => k !== 'kafka' && k !== 'empty-string');
const destination = mostly<DestinationKind>(['sqs', 'sqs2', 'sns', 'events', 'lambda-1'], GENERATED_DESTINATIONS, 1);

/** Destinations each refused by a rule of section 5 (the function's own ARN is `lambda-0` on fn 0). */
export const REFUSED_DESTINATIONS = ['iam', 'malformed', 'lambda-missing', 'lambda-other-region', 's3', 'lambda-0'] as const satisfies readonly DestinationKind[];

const settingsOf = (dest: fc.Arbitrary<DestinationKind>, destinationsWeight: number): fc.Arbitrary<Settings> =>
  fc
    .record({
      retries: maybe(mostly([0, 1, 2], RETRIES), 1, 2),
      age: maybe(mostly([60, 3600, 21600], AGES), 1, 2),
      destinations: maybe(fc.record({ OnSuccess: maybe(dest, 1, 1), OnFailure: maybe(dest, 1, 1) }), 1, destinationsWeight),
    })
    .map((s) => {
      const d = s.destinations && Object.fromEntries(Object.entries(s.destinations).filter(([, v]) => v !== undefined));
      return { ...(s.retries !== undefined ? { retries: s.retries } : {}), ...(s.age !== undefined ? { age: s.age } : {}), ...(d !== undefined ? { destinations: d } : {}) };
    });

const settings = settingsOf(destination, 1);
/** Settings for probing check order: mostly a destination some rule refuses. */
const probingSettings = settingsOf(mostly<DestinationKind>(['iam', 'lambda-missing', 'malformed'], REFUSED_DESTINATIONS, 3), 4);

/**
 * One abstract call, weighted so sequences build state (functions, versions, aliases, configs)
 * before they probe it.
 * @example fc.sample(actionArbitrary, 3) // [{ kind: 'CreateFunction', fn: 1 }, ...]
 */
export const actionArbitrary: fc.Arbitrary<Action> = fc
  .tuple(anyAction(), fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }))
  .map(([action, force]) => (force ? { ...action, force: true as const } : action));

function anyAction(): fc.Arbitrary<Action> {
  return fc.oneof(
    { arbitrary: fnIndex.map((fn): Action => ({ kind: 'CreateFunction', fn })), weight: 6 },
    { arbitrary: fnIndex.map((fn): Action => ({ kind: 'PublishVersion', fn })), weight: 3 },
    {
      arbitrary: fc
        .record({ fn: fnIndex, alias: fc.constantFrom(...ALIASES), version: fc.constantFrom('$LATEST' as const, '1' as const, '2' as const) })
        .map((a): Action => ({ kind: 'CreateAlias', ...a })),
      weight: 2,
    },
    { arbitrary: fc.record({ fn: fnIndex, alias: fc.constantFrom(...ALIASES) }).map((a): Action => ({ kind: 'DeleteAlias', ...a })), weight: 1 },
    { arbitrary: fnIndex.map((fn): Action => ({ kind: 'DeleteFunction', fn })), weight: 1 },
    { arbitrary: fnIndex.map((fn): Action => ({ kind: 'PutEach', fn })), weight: 3 },
    { arbitrary: fc.record({ target: designator(true), settings }).map((a): Action => ({ kind: 'Put', ...a })), weight: 8 },
    { arbitrary: fc.record({ target: designator(true), settings }).map((a): Action => ({ kind: 'Update', ...a })), weight: 5 },
    // Check order (section 4 Put: lookup before destinations; section 3: the conflict before any lookup):
    // Put or Update on a function that does not exist (when one is missing), with a refused destination.
    {
      arbitrary: fc
        .record({ kind: fc.constantFrom('Put' as const, 'Update' as const), target: designator(true), settings: probingSettings })
        .map((a): Action => ({ ...a, force: true as const, probe: true as const })),
      weight: 2,
    },
    { arbitrary: designator(true).map((target): Action => ({ kind: 'Get', target })), weight: 5 },
    { arbitrary: designator(true).map((target): Action => ({ kind: 'Delete', target })), weight: 3 },
    {
      arbitrary: fc
        .record({ target: designator(false), maxItems: maybe(mostly([1, 2], MAX_ITEMS, 2), 1, 2) })
        .map((a): Action => ({ kind: 'List', target: a.target, ...(a.maxItems === undefined ? {} : { maxItems: a.maxItems }) })),
      weight: 4,
    },
    { arbitrary: fc.record({ fn: fnIndex, fault: fc.constantFrom('throttle' as const, 'service' as const, 'conflict' as const) }).map((a): Action => ({ kind: 'Fault', ...a })), weight: 1 },
  );
}

/** The function an action names. */
export const fnOf = (action: Action): FnIndex => ('target' in action ? action.target.fn : action.fn);

/** The same action naming another function. */
export const withFn = (action: Action, fn: FnIndex): Action => ('target' in action ? { ...action, target: { ...action.target, fn } } : { ...action, fn });
