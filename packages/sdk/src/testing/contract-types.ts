import type { CatalogView } from '../types/catalog.ts';
import type { DecisionContext } from '../types/context.ts';
import type { CustomerEvent, Outcome } from '../types/events.ts';
import type { DraftDecision } from '../types/plugin.ts';
import type { Profile } from '../types/profile.ts';
import type { PluginStateWriter } from '../types/state.ts';

/** One situation the kit runs `decide` in. */
export interface ContractFixture {
  /** kebab-case, used in messages and test names. */
  readonly name: string;
  readonly profile: Profile;
  readonly context: DecisionContext;
  /** The decision time (ISO instant) the frozen clock is stopped at. */
  readonly at: string;
  /** The events the profile was projected from; learning plugins observe them. */
  readonly events?: readonly CustomerEvent[];
  /** Defaults to 10. */
  readonly maxRecommendations?: number;
  /** The arbitrated decision `compose` plugins get; the kit derives one from the catalog when absent. */
  readonly decision?: DraftDecision;
}

/** The checks the kit runs, one test each in `runPluginContract`. */
export type ContractCheck = 'manifest' | 'options' | 'setup' | 'learning' | 'decide' | 'determinism' | 'immutability' | 'abort' | 'output';

/** A broken rule of the contract. */
export interface ContractProblem {
  readonly check: ContractCheck;
  /** The fixture it happened with, when it depends on one. */
  readonly fixture?: string;
  /** Names the plugin, the problem and the likely fix. */
  readonly message: string;
}

/** What `checkPluginContract` found. `ok` when there are no problems (warnings do not count). */
export interface ContractReport {
  readonly plugin: string;
  readonly ok: boolean;
  readonly problems: readonly ContractProblem[];
  /** Suspicious but legal (an offer id the catalog does not know, more items than asked for). */
  readonly warnings: readonly ContractProblem[];
}

/** How to run the contract. Everything is optional: the kit brings fixtures. */
export interface ContractOptions {
  /** Raw options, parsed by the plugin's schema (default `{}`: every option needs a default). */
  readonly options?: unknown;
  /** Situations to decide in; default `defaultFixtures()`. */
  readonly fixtures?: readonly ContractFixture[];
  /** Default `fixtureCatalog()`. */
  readonly catalog?: CatalogView;
  /**
   * Learned state to build the snapshot from: a prepared writer, or a function that seeds the
   * kit's in-memory one. Without it the kit observes the fixtures' events and `fixtureOutcomes`.
   */
  readonly snapshotState?: PluginStateWriter | ((state: PluginStateWriter) => void | Promise<void>);
  /** Outcomes to observe (default `fixtureOutcomes`). */
  readonly outcomes?: readonly (Outcome & { customerId: string })[];
  /** How long past `timeoutMs` an aborted `decide` may take to settle (default 100 ms). */
  readonly graceMs?: number;
}
