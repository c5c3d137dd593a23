import type { z } from 'zod';
import type { CatalogView } from './catalog.ts';
import type { Clock, DecisionContext, Logger, Random } from './context.ts';
import type { Contribution } from './contribution.ts';
import type { Decision } from './decision.ts';
import type { CustomerEvent, Outcome } from './events.ts';
import type { Profile } from './profile.ts';
import type { PluginStateReader, PluginStateWriter, StateSnapshot } from './state.ts';
import type { ServiceResolver } from '../tokens.ts';

/** `propose`: offers and items from the profile. `compose`: content from the arbitrated decision. */
export type PluginStage = 'propose' | 'compose';

/** The arbitrated decision so far, handed to `compose` plugins. */
export type DraftDecision = Omit<Decision, 'content' | 'explanation'>;

/** Everything `decide` gets. Read-only: frozen in tests. */
export interface DecideInput<TOptions = unknown, TSnapshot = unknown> {
  readonly profile: Profile;
  readonly catalog: CatalogView;
  readonly context: DecisionContext;
  readonly clock: Clock;
  readonly random: Random;
  readonly options: TOptions;
  /** Aborted when the plugin's time is up: stop work and return. */
  readonly signal: AbortSignal;
  /** The learned-state snapshot, for plugins that declare one. */
  readonly snapshot: StateSnapshot<TSnapshot> | undefined;
  /** How many recommendations the decision holds. */
  readonly maxRecommendations: number;
  /** Set for `compose` plugins only. */
  readonly decision?: DraftDecision;
  readonly logger: Logger;
}

/** Something a learning plugin observes, off the decision path. */
export type Observation =
  | { readonly kind: 'event'; readonly event: CustomerEvent; readonly customerId: string; readonly profile: Profile }
  | { readonly kind: 'outcome'; readonly outcome: Outcome; readonly customerId: string; readonly profile?: Profile };

/** What `observe` gets besides the observation. */
export interface ObserveContext<TOptions = unknown> {
  readonly state: PluginStateWriter;
  readonly catalog: CatalogView;
  readonly options: TOptions;
  readonly logger: Logger;
}

/** What `setup` gets. */
export interface SetupContext<TOptions = unknown> {
  readonly options: TOptions;
  readonly logger: Logger;
  /** Services registered for this plugin (see the SDK's tokens). */
  readonly services: ServiceResolver;
}

/** How a learning plugin turns its state into the snapshot `decide` reads. */
export interface SnapshotSpec<TOptions, TSnapshot> {
  build(ctx: { readonly state: PluginStateReader; readonly catalog: CatalogView; readonly options: TOptions }): Promise<TSnapshot>;
  /** Rebuild at least this often (default 60 000 ms). */
  readonly refreshEveryMs?: number;
  /** … or after this many observed changes (default 1 000). */
  readonly refreshAfterChanges?: number;
}

/** What a plugin author writes. `definePlugin` checks and brands it. */
export interface PluginSpec<TSchema extends z.ZodType = z.ZodType, TSnapshot = unknown> {
  /** kebab-case, unique in a kernel; equals the package folder for built-ins. */
  readonly name: string;
  /** semver of the plugin itself. */
  readonly version: string;
  /** The contract major the plugin targets (this SDK: 1). */
  readonly apiVersion: number;
  readonly stage: PluginStage;
  readonly description?: string;
  /** Plugins of the same stage this one runs after. */
  readonly after?: readonly string[];
  /** zod schema of the options; checked at load, defaults applied. */
  readonly options?: TSchema;
  /** Time budget of one `decide` (default 50 ms). */
  readonly timeoutMs?: number;
  setup?(ctx: SetupContext<z.output<TSchema>>): void | Promise<void>;
  decide(input: DecideInput<z.output<TSchema>, TSnapshot>): Contribution | Promise<Contribution>;
  observe?(observation: Observation, ctx: ObserveContext<z.output<TSchema>>): void | Promise<void>;
  /**
   * Optional, beside `observe`: learns from a run of observations at once (an ingested batch, in
   * arrival order) and must leave the state exactly as calling `observe` on each in turn, awaiting
   * each, would (bit for bit), only with fewer and larger state writes. Returns how many of them
   * taught it something (counted toward `snapshot.refreshAfterChanges`); nothing returned counts
   * all of them when it wrote anything. Without it the kernel calls `observe` per observation.
   */
  observeBatch?(observations: readonly Observation[], ctx: ObserveContext<z.output<TSchema>>): number | void | Promise<number | void>;
  readonly snapshot?: SnapshotSpec<z.output<TSchema>, TSnapshot>;
  teardown?(): void | Promise<void>;
}

/** A plugin as the kernel sees it: the spec plus the SDK's brand. */
export type PluginDefinition<TSchema extends z.ZodType = z.ZodType, TSnapshot = unknown> = PluginSpec<TSchema, TSnapshot> & {
  readonly $$type: 'omnikernel.plugin';
  readonly $$sdkApiVersion: number;
};

/** Any plugin, whatever its options. */
// biome-ignore lint: the kernel handles plugins of every option type.
export type AnyPlugin = PluginDefinition<any, any>;
