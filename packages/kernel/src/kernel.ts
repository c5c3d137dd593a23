import {
  AggregatePluginError,
  ErrorCodes,
  OmnikernelError,
  tokens,
  type CatalogView,
  type Decision,
  type Logger,
  type Observation,
  type ObserveContext,
  type PluginStateWriter,
  type Token,
} from '@omnikernel/sdk';
import { CircuitBreaker, type BreakerOptions } from './breaker/circuit-breaker.ts';
import { fingerprint } from './fingerprint.ts';
import { createLogger } from './logger.ts';
import { computeDecision, preparePipeline, type DecideRequest, type PreparedPipeline } from './pipeline/decide.ts';
import type { ContactPolicyDefaults } from './pipeline/contact-policy.ts';
import { loadPlugins, type BuiltinPlugins } from './registry/load-plugins.ts';
import { orderPlugins } from './registry/order-plugins.ts';
import { createKernelContainer, register, resolverOf, type Provider } from './registry/plugin-container.ts';
import type { PluginEntry } from './registry/plugin-entry.ts';
import type { RuntimePlugin } from './registry/runtime-plugin.ts';
import { validatePlugin, type ValidatedPlugin } from './registry/validate-plugin.ts';
import { SnapshotManager, type SnapshotBuild } from './snapshots/snapshot-manager.ts';
import { countWrites } from './registry/counted-state.ts';

export interface KernelOptions {
  readonly plugins: readonly PluginEntry[];
  readonly builtins?: BuiltinPlugins;
  /** Relative plugin paths resolve from here. */
  readonly configDir?: string;
  readonly logger?: Logger & { child?(bindings: Record<string, unknown>): Logger };
  /** Recommendations a decision holds (default 10). */
  readonly maxRecommendations?: number;
  /** Offers a decision holds (default 5). */
  readonly maxOffers?: number;
  /** A decision expires at the latest this long after it is issued (default 30 min). */
  readonly decisionTtlMs?: number;
  /** A plugin's time budget when it declares none (default 50 ms). */
  readonly defaultTimeoutMs?: number;
  /** Ranking weight per plugin name (overrides the entry's `weight`). */
  readonly weights?: Readonly<Record<string, number>>;
  readonly contactPolicy?: ContactPolicyDefaults;
  readonly breaker?: BreakerOptions;
  /** Plugin-scoped learned state (the store's). Without it, learning plugins learn nothing. */
  readonly stateFor?: (pluginName: string) => PluginStateWriter;
  /** The current catalog, for snapshot builds and `observe`. */
  readonly catalog?: () => CatalogView;
  /**
   * True when other instances write the same learned state (a shared store such as Redis): then
   * snapshots are rebuilt on their cadence even when this instance observed nothing. Default true;
   * an in-process store sets it to false, and idle rebuilds — which block the event loop for tens
   * of milliseconds on a large state — are skipped.
   */
  readonly sharedState?: boolean;
  /** Told of every snapshot build (metrics: how long builds take, how often, whether they fail). */
  readonly onSnapshotBuilt?: (build: SnapshotBuild) => void;
}

export interface PluginInfo {
  readonly name: string;
  readonly version: string;
  readonly apiVersion: number;
  readonly stage: 'propose' | 'compose';
  readonly after: readonly string[];
  readonly timeoutMs: number;
  readonly weight: number;
  readonly health: 'ok' | 'degraded' | 'open' | 'disabled';
  readonly breaker: string;
  readonly snapshotVersion: string | null;
  readonly stats: { calls: number; failures: number; timeouts: number; meanMs: number };
}

/** A kernel instance. No globals: two kernels in one process do not see each other. */
export interface Kernel {
  /** Registers a service plugins may resolve by token. Before `start` only. */
  provide<T>(token: Token<T>, provider: Provider<T>): void;
  /** Loads, checks, orders and sets up every plugin; throws an `AggregatePluginError` listing every problem. */
  start(): Promise<void>;
  decide(request: DecideRequest): Promise<Decision>;
  /** Feeds an ingested event or outcome to the learning plugins (never throws). */
  observe(observation: Observation): Promise<void>;
  /**
   * Feeds a run of observations (an ingested batch, in arrival order) to the learning plugins at
   * once (never throws): a plugin with `observeBatch` gets them in one call, any other `observe`
   * per observation, concurrently.
   */
  observeBatch(observations: readonly Observation[]): Promise<void>;
  /** Rebuilds every learning plugin's snapshot from the state as it is now (waiting out builds already running). */
  refreshSnapshots(): Promise<void>;
  plugins(): PluginInfo[];
  /** Hash of the plugin set and configuration; a change renews every current decision. */
  readonly configFingerprint: string;
  /** Tears plugins down in reverse order. */
  stop(): Promise<void>;
}

/**
 * Creates a kernel.
 *
 * @example
 * const kernel = createKernel({ plugins: ['recommendations'], builtins, stateFor: store.pluginState, catalog: () => store.catalog() });
 * await kernel.start();
 * const decision = await kernel.decide({ decisionId, profile, catalog, contactHistory: [], context: { channel: 'web' }, at: Date.now() });
 */
export function createKernel(options: KernelOptions): Kernel {
  const logger = options.logger ?? createLogger();
  const root = createKernelContainer();
  let runtime: RuntimePlugin[] = [];
  let waves: RuntimePlugin[][] = [];
  let started = false;
  let configFingerprint = '';
  let pipeline: PreparedPipeline | undefined;
  const settings = () => ({
    waves,
    maxRecommendations: options.maxRecommendations ?? 10,
    maxOffers: options.maxOffers ?? 5,
    decisionTtlMs: options.decisionTtlMs ?? 30 * 60_000,
    ...(options.contactPolicy ? { contactPolicy: options.contactPolicy } : {}),
  });

  const build = (v: ValidatedPlugin): RuntimePlugin => {
    const d = v.definition;
    const pluginLogger = logger.child ? logger.child({ plugin: d.name }) : logger;
    const container = root.createChildContainer();
    const counted = options.stateFor ? countWrites(options.stateFor(d.name)) : undefined;
    const state = counted?.state;
    register(container, tokens.logger, { useValue: pluginLogger });
    register(container, tokens.options, { useValue: v.options });
    register(container, tokens.pluginName, { useValue: d.name });
    if (state) register(container, tokens.state, { useValue: state });
    if (options.catalog) register(container, tokens.catalog, { useValue: options.catalog });
    const weight = options.weights?.[d.name] ?? v.weight;
    const snapshots =
      d.snapshot && state && options.catalog
        ? new SnapshotManager(d.name, d.snapshot, { state, catalog: options.catalog, options: v.options, logger: pluginLogger, sharedState: options.sharedState !== false, onBuilt: options.onSnapshotBuilt })
        : undefined;
    return {
      name: d.name,
      version: d.version,
      stage: d.stage,
      definition: d,
      options: v.options,
      identity: `${d.name}@${d.version}#${fingerprint({ options: v.options, weight, timeoutMs: v.timeoutMs })}`,
      weight,
      timeoutMs: v.timeoutMs,
      container,
      logger: pluginLogger,
      breaker: new CircuitBreaker(options.breaker),
      snapshots,
      state,
      stateWrites: counted ? counted.writes : () => 0,
      spareSignal: { controller: undefined },
      stats: { calls: 0, failures: 0, timeouts: 0, totalMs: 0 },
    };
  };

  return {
    provide(token, provider) {
      if (started) throw new OmnikernelError(ErrorCodes.PLUGIN_INVALID, `cannot provide ${token.toString()} after start: register services before kernel.start().`);
      register(root, token, provider);
    },

    async start() {
      if (started) return;
      const loaded = await loadPlugins(options.plugins, { builtins: options.builtins ?? {}, ...(options.configDir ? { configDir: options.configDir } : {}), logger });
      const problems = [...loaded.problems];
      const valid: ValidatedPlugin[] = [];
      for (const entry of loaded.resolved) {
        const result = validatePlugin(entry, options.defaultTimeoutMs ?? 50);
        if (result.plugin) valid.push(result.plugin);
        else if (entry.optional) logger.warn('optional plugin skipped: it is invalid', { plugin: entry.specifier, problems: result.problems.map((p) => p.message) });
        else problems.push(...result.problems);
      }
      const ordered = problems.length === 0 ? orderPlugins(valid) : { waves: [], problems: [] };
      problems.push(...ordered.problems);
      if (problems.length > 0) throw new AggregatePluginError(problems);

      const byName = new Map(valid.map((v) => [v.definition.name, build(v)]));
      waves = ordered.waves.map((w) => w.map((v) => byName.get(v.definition.name) as RuntimePlugin));
      runtime = waves.flat();
      configFingerprint = fingerprint({ plugins: runtime.map((p) => p.identity), settings: { ...settings(), waves: undefined } });
      pipeline = preparePipeline(settings());

      const setUp: RuntimePlugin[] = [];
      for (const p of runtime) {
        try {
          await p.definition.setup?.({ options: p.options, logger: p.logger, services: resolverOf(p.container) });
          setUp.push(p);
          await p.snapshots?.start();
        } catch (error) {
          for (const done of setUp.reverse()) await done.definition.teardown?.()?.catch?.(() => {});
          throw new AggregatePluginError([
            new OmnikernelError(ErrorCodes.PLUGIN_SETUP, `plugin '${p.name}' failed in setup: ${(error as Error).message}`, { cause: error }),
          ]);
        }
      }
      started = true;
      logger.info('kernel started', { plugins: runtime.map((p) => `${p.name}@${p.version}`) });
    },

    decide(request) {
      if (!started || !pipeline) throw new OmnikernelError(ErrorCodes.PLUGIN_INVALID, 'kernel.decide() called before kernel.start()');
      return computeDecision(request, pipeline);
    },

    async observe(observation) {
      const catalog = options.catalog?.();
      await Promise.all(
        runtime.map(async (p) => {
          if (!p.definition.observe || !p.state || !catalog) return;
          await observeOne(p, observation, { state: p.state, catalog, options: p.options, logger: p.logger });
        }),
      );
    },

    async observeBatch(observations) {
      if (observations.length === 0) return;
      const catalog = options.catalog?.();
      await Promise.all(
        runtime.map(async (p) => {
          const { observe, observeBatch } = p.definition;
          if ((!observe && !observeBatch) || !p.state || !catalog) return;
          const ctx = { state: p.state, catalog, options: p.options, logger: p.logger };
          if (observeBatch) {
            try {
              const before = p.stateWrites();
              const taught = await observeBatch.call(p.definition, observations, ctx);
              if (p.stateWrites() !== before) p.snapshots?.changed(typeof taught === 'number' ? taught : observations.length);
            } catch (error) {
              p.logger.warn('observe failed; the observations are skipped for this plugin', { error: (error as Error).message, observations: observations.length });
            }
            return;
          }
          await Promise.all(observations.map((observation) => observeOne(p, observation, ctx)));
        }),
      );
    },

    async refreshSnapshots() {
      await Promise.all(runtime.map((p) => p.snapshots?.refresh()));
    },

    plugins() {
      return runtime.map((p) => {
        const breaker = p.breaker.state;
        const health = breaker === 'disabled' ? 'disabled' : breaker === 'closed' ? (p.breaker.consecutiveFailures > 0 ? 'degraded' : 'ok') : 'open';
        return {
          name: p.name,
          version: p.version,
          apiVersion: p.definition.apiVersion,
          stage: p.stage,
          after: [...(p.definition.after ?? [])],
          timeoutMs: p.timeoutMs,
          weight: p.weight,
          health,
          breaker,
          snapshotVersion: p.snapshots?.current()?.version ?? null,
          stats: { calls: p.stats.calls, failures: p.stats.failures, timeouts: p.stats.timeouts, meanMs: p.stats.calls ? p.stats.totalMs / p.stats.calls : 0 },
        };
      });
    },

    get configFingerprint() {
      return configFingerprint;
    },

    async stop() {
      for (const p of [...runtime].reverse()) {
        p.snapshots?.stop();
        try {
          await p.definition.teardown?.();
        } catch (error) {
          p.logger.warn('teardown failed', { error: (error as Error).message });
        }
      }
      started = false;
    },
  };
}

/** One observation for one plugin with `observe`: a failure skips it for that plugin, logged. */
async function observeOne(p: RuntimePlugin, observation: Observation, ctx: ObserveContext): Promise<void> {
  try {
    const before = p.stateWrites();
    await p.definition.observe?.(observation, ctx);
    if (p.stateWrites() !== before) p.snapshots?.changed();
  } catch (error) {
    p.logger.warn('observe failed; the observation is skipped for this plugin', { error: (error as Error).message });
  }
}
