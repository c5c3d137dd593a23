import type { CatalogView } from '@omnikernel/sdk';
import type { NormalizeOptions } from '../identity/normalize.ts';
import type { RedisClient } from './connection.ts';
import type { KeyLayout } from './keys.ts';
import type { ProfileCache } from './profile-cache.ts';
import type { ChangeNotice } from '../store.ts';

/** What the Redis store's parts share: one command connection, the key layout, the cache and the limits. */
export interface RedisContext {
  readonly client: RedisClient;
  readonly isCluster: boolean;
  readonly keys: KeyLayout;
  readonly cache: ProfileCache;
  readonly normalize: NormalizeOptions;
  readonly now: () => number;
  /** How long applied event and outcome ids are remembered. */
  readonly retentionMs: number;
  readonly maxEvents: number;
  readonly maxContacts: number;
  /** How long an erasure's marker keeps in-flight writers from resurrecting the customer. */
  readonly erasureMarkerSeconds: number;
  /** How long a merge or erasure waits for a customer's lock. */
  readonly lockWaitMs: number;
  readonly catalog: () => CatalogView;
  /** Tells this instance's listeners and every other instance (for writes made outside a store call's own notices). */
  readonly announce: (notices: readonly ChangeNotice[]) => Promise<void>;
}
