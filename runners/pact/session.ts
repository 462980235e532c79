/**
 * One verification run against one target: the provider states of the interaction being verified,
 * its run-unique function names, arranging them through the target's own Lambda API
 * (runners/engine/arrange.ts) just before the request goes out, and removing them afterwards.
 *
 * The Pact core calls the state-change endpoint once per state before each interaction (setup)
 * and once per state after it (teardown), a nameless one for an interaction without states; a
 * setup after the previous request starts a new interaction. The states are read with `givenOf`
 * (contracts/states.ts): an unknown state or unusable params is an error that fails the
 * interaction, never a warning.
 */
import { givenOf, StateError, type ProviderState } from '../../contracts/states.js';
import { CONTRACT_VARS } from '../../contracts/values.js';
import type { Given } from '../../cases/scenario.js';
import { ArrangeError, arrange, cleanup } from '../engine/arrange.js';
import { DESTINATION_NAMES, otherRegionThan, type Vars } from '../../cases/placeholders.js';
import type { Identity, Target } from '../targets/target.js';
import { replacer, rewriteJson, type Replace } from './rewrite.js';

/** Why an interaction could not be verified on the provider's side. */
export interface StateProblem {
  /** 1-based position of the interaction in the run. */
  readonly interaction: number;
  readonly states: readonly string[];
  readonly message: string;
}

type Phase = 'idle' | 'setup' | 'sent';

export class VerificationSession {
  private phase: Phase = 'idle';
  private count = 0;
  private states: ProviderState[] = [];
  /** The states that could be read, in order; a state that could not is reported and left out. */
  private usable: ProviderState[] = [];
  private vars: Vars = {};
  private given: Given | undefined;
  private problem: string | undefined;
  private arranged = false;
  readonly problems: StateProblem[] = [];

  constructor(
    private readonly target: Target,
    private readonly identity: Identity,
    private readonly runPrefix: string,
  ) {}

  /**
   * The values interaction `n` uses where contracts say my-function, 123456789012, us-east-1, ...
   * and for every placeholder of the provider states' params, destinations included: the names
   * the target made for the run, else the ones an emulator is given (as the scenario runner does).
   * @example session.runVars(3).fn // 'eic-ab12cd-3'
   * @example session.runVars(3).queue // 'eic-destination' on an emulator
   */
  runVars(n: number): Vars {
    const { account, region, partition } = this.identity;
    return {
      fn: `${this.runPrefix}-${n}`,
      fn2: `${this.runPrefix}-${n}-b`,
      account,
      region,
      partition,
      otherRegion: otherRegionThan(region),
      ...DESTINATION_NAMES,
      ...this.target.destinationNames,
    };
  }

  /**
   * A state-change call: records a setup (a problem fails the interaction when its request
   * arrives) or tears the interaction down.
   * @example await session.stateChange('setup', 'function my-function exists', {})
   */
  async stateChange(action: string, name: string, params: Readonly<Record<string, unknown>> | undefined): Promise<void> {
    if (action === 'teardown') return this.tearDown();
    if (this.phase !== 'setup') await this.begin();
    if (action !== 'setup') return this.fail(`provider state '${name}': unknown state-change action '${action}'`);
    // The core announces an interaction without provider states with one nameless state.
    if (name === '') return;
    const state = { name, ...(params && Object.keys(params).length > 0 ? { params } : {}) };
    this.states.push(state);
    try {
      this.given = givenOf([...this.usable, state]);
      this.usable.push(state);
    } catch (error) {
      if (!(error instanceof StateError)) throw error;
      this.fail(error.message);
    }
  }

  /**
   * Called when the interaction's request arrives: arranges the states and returns how to
   * rewrite the request, or the reason the interaction cannot be verified.
   * @example const prepared = await session.beforeRequest(); if ('replace' in prepared) path = prepared.replace(path);
   */
  async beforeRequest(): Promise<{ readonly replace: Replace } | { readonly error: string }> {
    if (this.phase !== 'setup') await this.begin();
    this.phase = 'sent';
    if (this.problem) return { error: this.problem };
    // Cleaned up even if arranging stops half-way (cleanup ignores what is not there).
    this.arranged = true;
    const replace = replacer(CONTRACT_VARS, this.vars);
    try {
      // Params may hold placeholders (the generated pacts) or the contract's fixed values (a
      // consumer's own pact): both become the run's values, as in the request.
      await arrange(this.target, this.given && (rewriteJson(this.given, replace) as Given), this.vars);
    } catch (error) {
      if (!(error instanceof ArrangeError)) throw error;
      this.fail(`arranging the provider states on ${this.target.label} failed: ${error.message}`);
      return { error: this.problem! };
    }
    return { replace };
  }

  /**
   * Removes what the last interaction arranged; called at the end of the run too.
   * @example await session.tearDown()
   */
  async tearDown(): Promise<void> {
    if (this.arranged) await cleanup(this.target, this.given, this.vars);
    this.arranged = false;
    this.phase = 'idle';
  }

  private async begin(): Promise<void> {
    await this.tearDown();
    this.count += 1;
    this.phase = 'setup';
    this.states = [];
    this.usable = [];
    this.given = undefined;
    this.problem = undefined;
    this.vars = this.runVars(this.count);
  }

  private fail(message: string): void {
    this.problem ??= message;
    this.problems.push({ interaction: this.count, states: this.states.map((s) => s.name), message });
  }
}
