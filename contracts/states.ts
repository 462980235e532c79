/**
 * The provider-state vocabulary of the contracts: each state is one arrangement a provider can
 * make through the Lambda API, named in words with the contract's fixed function name, its values
 * in params. `statesOf` writes a fixture's `given` as states; `givenOf` reads them back, so a
 * verifier arranges exactly what the fixture was recorded with (runners/engine/arrange.ts).
 *
 *   function my-function exists
 *   function my-function does not exist
 *   my-function has published versions      {"count": 2}
 *   my-function has an alias                {"alias": "live", "version": "1"}
 *   my-function has an event invoke config  {"MaximumRetryAttempts": 2, "qualifier": "live"}
 */
import type { Given, GivenConfig, GivenFunction } from '../cases/scenario.js';
import { CONTRACT_VARS, FUNCTION_REFS, type FunctionRef } from './values.js';

export type StateParams = Readonly<Record<string, unknown>>;

export interface ProviderState {
  readonly name: string;
  readonly params?: StateParams;
}

/** A function as the states describe it while they are read. */
interface Draft {
  readonly ref: FunctionRef;
  exists: boolean;
  absent: boolean;
  versions: number;
  aliases: { name: string; version: string }[];
  configs: GivenConfig[];
}

type Kind = 'exists' | 'absent' | 'versions' | 'alias' | 'config';

interface StateKind {
  readonly name: (fn: string) => string;
  /** Applies the state to the draft; returns a reason when the params are unusable. */
  readonly apply: (draft: Draft, params: StateParams) => string | undefined;
}

const SETTINGS = ['MaximumRetryAttempts', 'MaximumEventAgeInSeconds', 'DestinationConfig'] as const;
const isWhole = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;

const KINDS: Record<Kind, StateKind> = {
  exists: {
    name: (fn) => `function ${fn} exists`,
    apply: (d) => {
      if (d.absent) return 'the same interaction also says the function does not exist';
      d.exists = true;
      return undefined;
    },
  },
  absent: {
    name: (fn) => `function ${fn} does not exist`,
    apply: (d) => {
      if (d.exists) return 'the same interaction also says the function exists';
      d.absent = true;
      return undefined;
    },
  },
  versions: {
    name: (fn) => `${fn} has published versions`,
    apply: (d, p) => {
      if (!isWhole(p.count)) return 'params.count must be a whole number of at least 1';
      d.versions = p.count;
      return undefined;
    },
  },
  alias: {
    name: (fn) => `${fn} has an alias`,
    apply: (d, p) =>
      typeof p.alias === 'string' && typeof p.version === 'string' ? void d.aliases.push({ name: p.alias, version: p.version }) : 'params must be {"alias": "<name>", "version": "<version>"}',
  },
  config: {
    name: (fn) => `${fn} has an event invoke config`,
    apply: (d, p) => {
      const extra = Object.keys(p).filter((k) => k !== 'qualifier' && !SETTINGS.some((setting) => setting === k));
      if (extra.length > 0) return `unknown params ${extra.join(', ')} (use qualifier, ${SETTINGS.join(', ')})`;
      if (p.qualifier !== undefined && typeof p.qualifier !== 'string') return 'params.qualifier must be a string';
      d.configs.push(p as GivenConfig);
      return undefined;
    },
  },
};

const contractName = (ref: FunctionRef) => CONTRACT_VARS[ref];

/** Every state name a verifier knows, with what it means: the registry providers implement. */
export const STATE_REGISTRY: ReadonlyMap<string, { readonly ref: FunctionRef; readonly kind: Kind }> = new Map(
  FUNCTION_REFS.flatMap((ref) => (Object.keys(KINDS) as Kind[]).map((kind) => [KINDS[kind].name(contractName(ref)), { ref, kind }] as const)),
);

/**
 * State names for one function, for consumers writing their own pacts.
 * @example stateNames().config // 'my-function has an event invoke config'
 */
export const stateNames = (fn: string = CONTRACT_VARS.fn) => ({
  exists: KINDS.exists.name(fn),
  absent: KINDS.absent.name(fn),
  versions: KINDS.versions.name(fn),
  alias: KINDS.alias.name(fn),
  config: KINDS.config.name(fn),
});

/**
 * A fixture's given state as provider states, one per arrangement, in arrangement order; each
 * function the request names but the given does not create is stated absent.
 * @example statesOf({ functions: [{ ref: 'fn', versions: 1 }] }, ['fn'])
 * // [{ name: 'function my-function exists' }, { name: 'my-function has published versions', params: { count: 1 } }]
 */
export function statesOf(given: Given | undefined, used: readonly FunctionRef[]): ProviderState[] {
  const out: ProviderState[] = [];
  const fns = given?.functions ?? [];
  for (const fn of fns) {
    const name = contractName(fn.ref);
    out.push({ name: KINDS.exists.name(name) });
    if (fn.versions) out.push({ name: KINDS.versions.name(name), params: { count: fn.versions } });
    for (const a of fn.aliases ?? []) out.push({ name: KINDS.alias.name(name), params: { alias: a.name, version: a.version } });
    for (const c of fn.configs ?? []) out.push({ name: KINDS.config.name(name), params: { ...c } });
  }
  for (const ref of used) if (!fns.some((f) => f.ref === ref)) out.push({ name: KINDS.absent.name(contractName(ref)) });
  return out;
}

export class StateError extends Error {
  constructor(
    readonly state: string,
    reason: string,
  ) {
    super(`provider state '${state}': ${reason}`);
  }
}

/**
 * Reads provider states back into the given state to arrange; throws `StateError` naming the
 * first state no handler knows or whose params are unusable.
 * @example givenOf([{ name: 'function my-function exists' }]) // { functions: [{ ref: 'fn' }] }
 */
export function givenOf(states: readonly ProviderState[]): Given {
  const drafts = new Map<FunctionRef, Draft>();
  for (const state of states) {
    const entry = STATE_REGISTRY.get(state.name);
    if (!entry) throw new StateError(state.name, `no handler for this state; known states: ${[...STATE_REGISTRY.keys()].join('; ')}`);
    let draft = drafts.get(entry.ref);
    if (!draft) {
      draft = { ref: entry.ref, exists: false, absent: false, versions: 0, aliases: [], configs: [] };
      drafts.set(entry.ref, draft);
    }
    const problem = KINDS[entry.kind].apply(draft, state.params ?? {});
    if (problem) throw new StateError(state.name, problem);
    if (!draft.exists && entry.kind !== 'absent' && entry.kind !== 'exists') throw new StateError(state.name, `needs 'function ${contractName(entry.ref)} exists' before it`);
  }
  const functions: GivenFunction[] = [...drafts.values()]
    .filter((d) => d.exists)
    .map((d) => ({
      ref: d.ref,
      ...(d.versions ? { versions: d.versions } : {}),
      ...(d.aliases.length ? { aliases: d.aliases } : {}),
      ...(d.configs.length ? { configs: d.configs } : {}),
    }));
  return { functions };
}
