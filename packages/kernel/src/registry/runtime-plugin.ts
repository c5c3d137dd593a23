import type { AnyPlugin, Logger, PluginStateWriter } from '@omnikernel/sdk';
import type { DependencyContainer } from 'tsyringe';
import type { CircuitBreaker } from '../breaker/circuit-breaker.ts';
import type { SnapshotManager } from '../snapshots/snapshot-manager.ts';
import type { SpareSignal } from '../pipeline/run-signal.ts';

/** A loaded plugin, as the pipeline runs it. Made once at start; nothing here is per request. */
export interface RuntimePlugin {
  readonly name: string;
  readonly version: string;
  readonly stage: 'propose' | 'compose';
  readonly definition: AnyPlugin;
  readonly options: unknown;
  /** `name@version#optionsHash`: part of every decision's inputs. */
  readonly identity: string;
  readonly weight: number;
  readonly timeoutMs: number;
  readonly container: DependencyContainer;
  readonly logger: Logger;
  readonly breaker: CircuitBreaker;
  readonly snapshots: SnapshotManager | undefined;
  readonly state: PluginStateWriter | undefined;
  /** Writes made through `state` so far (an observation that wrote nothing changed nothing). */
  readonly stateWrites: () => number;
  /** An untouched abort controller for the next run (see RunSignal). */
  readonly spareSignal: SpareSignal;
  /** Counters for GET /v1/plugins. */
  readonly stats: { calls: number; failures: number; timeouts: number; totalMs: number };
}
