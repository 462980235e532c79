import { InsertionOrderMap, type SortedKeyMap } from './indexes.js';

/**
 * The emulator's state: per account and region, functions with `$LATEST`, published versions and
 * aliases, and one event-invoke config per (function, qualifier). Plain data; operations change it.
 */

export interface StoredEventInvokeConfig {
  readonly qualifier: string;
  readonly maximumRetryAttempts?: number;
  readonly maximumEventAgeInSeconds?: number;
  readonly onSuccess?: string;
  readonly onFailure?: string;
  /** Epoch milliseconds. */
  readonly lastModified: number;
}

export interface CodeSettings {
  readonly runtime?: string;
  readonly handler?: string;
  readonly role: string;
  readonly description: string;
  readonly timeout: number;
  readonly memorySize: number;
  readonly packageType: string;
  readonly architectures: readonly string[];
  readonly codeSha256: string;
  readonly codeSize: number;
  /** Epoch milliseconds. */
  readonly lastModified: number;
  readonly revisionId: string;
}

export interface PublishedVersion extends CodeSettings {
  readonly version: string;
}

export interface AliasRecord {
  readonly name: string;
  readonly functionVersion: string;
  readonly description: string;
  readonly revisionId: string;
}

export interface FunctionRecord {
  readonly name: string;
  latest: CodeSettings;
  /** The zip as received; kept, never run. */
  code: Uint8Array;
  /** Published versions in publishing order (ListVersionsByFunction pages through it). */
  readonly versions: InsertionOrderMap<string, PublishedVersion>;
  readonly aliases: Map<string, AliasRecord>;
  /** Configs by qualifier, kept in qualifier order (ListFunctionEventInvokeConfigs pages through it). */
  readonly configs: SortedKeyMap<StoredEventInvokeConfig>;
  readonly tags: Record<string, string>;
  nextVersion: number;
}

export interface RegionState {
  readonly account: string;
  readonly region: string;
  /** Functions in creation order (ListFunctions pages through it). */
  readonly functions: InsertionOrderMap<string, FunctionRecord>;
}

/** All accounts and regions. */
export class World {
  private readonly regions = new Map<string, RegionState>();

  /**
   * The state of one account and region, created empty on first use.
   * @example new World().region('123456789012', 'us-east-1').functions.size // 0
   */
  region(account: string, region: string): RegionState {
    const key = `${account}/${region}`;
    let state = this.regions.get(key);
    if (!state) {
      state = { account, region, functions: new InsertionOrderMap() };
      this.regions.set(key, state);
    }
    return state;
  }

  /**
   * The state of one account and region if something was ever created there; otherwise an empty
   * state that is not kept, so reads (and failed writes) never allocate state.
   * @example new World().peek('123456789012', 'zz-nowhere-1').functions.size // 0, and nothing stored
   */
  peek(account: string, region: string): RegionState {
    return this.regions.get(`${account}/${region}`) ?? { account, region, functions: new InsertionOrderMap() };
  }

  /** Stores a state obtained from `peek` once something lives in it (a no-op when already stored). */
  keep(state: RegionState): void {
    const key = `${state.account}/${state.region}`;
    if (!this.regions.has(key)) this.regions.set(key, state);
  }

  /**
   * The state of one account and region if it has been touched, without creating it.
   * @example new World().find('123456789012', 'us-east-1') // undefined
   */
  find(account: string, region: string): RegionState | undefined {
    return this.regions.get(`${account}/${region}`);
  }

  /** Every region state that has been touched. */
  all(): RegionState[] {
    return [...this.regions.values()];
  }

  /** Forgets everything. */
  reset(): void {
    this.regions.clear();
  }
}
