import type { CatalogView, Logger, PluginStateReader, SnapshotSpec, StateSnapshot } from '@omnikernel/sdk';
import { fingerprintInSlices } from './sliced-fingerprint.ts';

/** One snapshot build, as the kernel reports it (`KernelOptions.onSnapshotBuilt`). */
export interface SnapshotBuild {
  readonly plugin: string;
  /** The version built; null when the build failed and decisions keep the previous snapshot. */
  readonly version: string | null;
  /** Wall time from the build's start to the snapshot in place, or to the failure. */
  readonly seconds: number;
}

/**
 * Keeps a learning plugin's snapshot: built at start, rebuilt on a cadence or after N observed
 * changes, off the decision path. The last few versions are retained so a replay reads what the
 * decision read. Versions are content hashes: every instance that builds from the same state gets
 * the same version, so a decision made on one instance replays on another.
 */
export class SnapshotManager {
  #current: StateSnapshot<unknown> | undefined;
  readonly #retained = new Map<string, StateSnapshot<unknown>>();
  #changes = 0;
  #building: Promise<void> | null = null;
  #deferred: NodeJS.Timeout | null = null;
  #lastBuiltAt = 0;
  /** The catalog version the current snapshot was built from. */
  #builtForCatalog: number | undefined;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly plugin: string,
    private readonly spec: SnapshotSpec<unknown, unknown>,
    private readonly deps: {
      state: PluginStateReader;
      catalog: () => CatalogView;
      options: unknown;
      logger: Logger;
      retain?: number;
      minRebuildIntervalMs?: number;
      /** Other instances change the state too (default true): rebuild on the cadence even when idle here. */
      sharedState?: boolean;
      /** Told of every build, done or failed, with its wall time (it yields, so other work runs within it). */
      onBuilt?: (build: SnapshotBuild) => void;
    },
  ) {}

  current(): StateSnapshot<unknown> | undefined {
    return this.#current;
  }

  byVersion(version: string): StateSnapshot<unknown> | undefined {
    return this.#retained.get(version);
  }

  async start(): Promise<void> {
    await this.rebuild();
    const every = this.spec.refreshEveryMs ?? 60_000;
    this.#timer = setInterval(() => {
      // A build is a function of state and catalog: with neither changed, it would rebuild the same
      // snapshot and block the event loop doing it.
      const idle = this.#changes === 0 && this.#builtForCatalog === this.deps.catalog().version;
      if (idle && this.deps.sharedState === false) return;
      void this.rebuild();
    }, every);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#deferred) clearTimeout(this.#deferred);
    this.#timer = null;
    this.#deferred = null;
  }

  /**
   * Counts observed changes; rebuilds in the background past the threshold, but at most once per
   * `minRebuildIntervalMs` (default 5 s): under heavy ingestion a rebuild per N events would spend
   * the CPU that ingestion needs, and decisions gain nothing from a fresher model every few ms.
   */
  changed(count = 1): void {
    this.#changes += count;
    if (this.#changes < (this.spec.refreshAfterChanges ?? 1_000) || this.#deferred) return;
    const wait = this.#lastBuiltAt + (this.deps.minRebuildIntervalMs ?? 5_000) - Date.now();
    if (wait <= 0) {
      void this.rebuild();
      return;
    }
    this.#deferred = setTimeout(() => {
      this.#deferred = null;
      void this.rebuild();
    }, wait);
    this.#deferred.unref();
  }

  /**
   * A build that starts after this call, so it reads every change made before it: a build already
   * running may have read the state before them (e.g. the last observations of a demo load).
   */
  async refresh(): Promise<void> {
    if (this.#building) await this.#building;
    await this.rebuild();
  }

  /** Tells `onBuilt`; a listener that throws must not fail a build whose snapshot is in place. */
  #report(build: SnapshotBuild): void {
    try {
      this.deps.onBuilt?.(build);
    } catch (error) {
      this.deps.logger.warn('snapshot build listener failed', { plugin: this.plugin, error: (error as Error).message });
    }
  }

  /** Rebuilds now (single flight: callers during a build share it). */
  rebuild(): Promise<void> {
    if (this.#building) return this.#building;
    this.#changes = 0;
    this.#building = (async () => {
      const startedAt = performance.now();
      let version: string | null = null;
      try {
        const catalog = this.deps.catalog();
        const data = await this.spec.build({ state: this.deps.state, catalog, options: this.deps.options });
        this.#builtForCatalog = catalog.version;
        const snapshot = Object.freeze({ version: `${this.plugin}@${await fingerprintInSlices(data)}`, data });
        this.#current = snapshot;
        version = snapshot.version;
        this.#retained.set(snapshot.version, snapshot);
        const retain = this.deps.retain ?? 8;
        for (const key of this.#retained.keys()) {
          if (this.#retained.size <= retain) break;
          this.#retained.delete(key);
        }
      } catch (error) {
        this.deps.logger.error('snapshot build failed; decisions keep the previous snapshot', { plugin: this.plugin, error: (error as Error).message });
      } finally {
        this.#lastBuiltAt = Date.now();
        this.#building = null;
        this.#report({ plugin: this.plugin, version, seconds: (performance.now() - startedAt) / 1000 });
      }
    })();
    return this.#building;
  }
}
