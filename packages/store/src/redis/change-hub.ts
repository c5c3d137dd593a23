import type { ChangeNotice } from '../store.ts';
import { createChangeBus } from './change-bus.ts';
import type { RedisClient } from './connection.ts';
import type { ProfileCache } from './profile-cache.ts';
import type { RedisCatalog } from './redis-catalog.ts';

/** This instance's side of change notices: local listeners, cache eviction, and the bus to the others. */
export interface ChangeHub {
  /** Tells local listeners at once and publishes to every other instance. */
  announce(notices: readonly ChangeNotice[]): Promise<void>;
  /** For a write whose script publishes the notices itself: what to publish. */
  message(notices: readonly ChangeNotice[]): { readonly channel: string; readonly message: string };
  /** Tells local listeners only (the write's script published to the others). */
  told(notices: readonly ChangeNotice[]): void;
  onChange(listener: (notice: ChangeNotice) => void): () => void;
  close(): Promise<void>;
}

/**
 * Wires notices from other instances to this one: a customer's notice evicts its cached profile
 * (and, after a merge or erasure, the identity lookups pointing at it) and is passed on to
 * listeners; a catalog notice re-reads the catalog and is passed on once the view has it.
 */
export async function createChangeHub(options: {
  readonly publisher: RedisClient;
  readonly subscriber: RedisClient;
  readonly channel: string;
  readonly cache: ProfileCache;
  readonly catalog: RedisCatalog;
}): Promise<ChangeHub> {
  const { cache, catalog } = options;
  const listeners = new Set<(notice: ChangeNotice) => void>();
  const tell = (notices: readonly ChangeNotice[]) => {
    for (const notice of notices) for (const listener of listeners) listener(notice);
  };
  const bus = await createChangeBus({
    publisher: options.publisher,
    subscriber: options.subscriber,
    channel: options.channel,
    onRemote(notices) {
      for (const n of notices) {
        if (n.kind !== 'profile' || n.customerId === undefined) continue;
        cache.evict(n.customerId);
        if (n.reason !== undefined) cache.evictIdentities(n.customerId);
      }
      const customers = notices.filter((n) => n.kind !== 'catalog');
      if (customers.length > 0) tell(customers);
      if (customers.length < notices.length) {
        void catalog.refresh().then(
          () => tell([{ kind: 'catalog' }]),
          () => undefined,
        );
      }
    },
    // Notices sent while we were away are lost: start the cache afresh and re-read the catalog.
    onReconnect() {
      cache.clear();
      // Listeners drop what they hold too (a catalog notice clears the held decisions): a decision
      // another instance replaced while we were away must not go on being served here.
      void catalog.refresh().then(
        () => tell([{ kind: 'catalog' }]),
        () => tell([{ kind: 'catalog' }]),
      );
    },
  });
  return {
    async announce(notices) {
      tell(notices);
      await bus.publish(notices);
    },
    message: (notices) => bus.message(notices),
    told: tell,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await bus.close();
    },
  };
}
