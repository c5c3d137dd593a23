import { LRUCache } from 'lru-cache';
import type { StoredProfile } from '../projection/draft.ts';
import type { ProfileVersions } from '../store.ts';
import { estimateBytes } from './profile-codec.ts';

/** How long past its TTL a held profile may still be the base of a write (see `base`). */
const STALE_BASE_MS = 60_000;

/** Bounds of the in-process cache in front of Redis. */
export interface ProfileCacheOptions {
  /**
   * Most profiles held. Default 50 000: the byte budget is the bound that matters; a count below
   * the customers active within the TTL makes a steady stream over them (ingestion cycling through
   * its customers) miss on every event, since LRU evicts exactly the entry needed next.
   */
  readonly max?: number;
  /** Most bytes of profiles held (estimated from their list sizes). Default 64 MiB. */
  readonly maxBytes?: number;
  /** How long an entry is fresh: bounds staleness if a change notice is missed. Default 5000 ms. */
  readonly ttlMs?: number;
  /** Most identity lookups held. Default 200 000 (a customer has several identifiers). */
  readonly maxIdentities?: number;
  /**
   * How long an identity lookup is fresh. Default 10 min: an identifier changes owner only by a
   * merge, which leaves a tombstone that profile reads follow, or an erasure, after which the old
   * owner has no profile — so a lookup missed by a notice still leads to the right profile or to
   * none, and warm decisions need no Redis round trip to find their customer.
   */
  readonly identityTtlMs?: number;
  /** The clock the TTL is measured with (ms), injected by tests. Default `performance.now`. */
  readonly clock?: () => number;
}

/**
 * Profiles and identity lookups of one store instance. Entries are fresh for `ttlMs`; past it
 * they are not served, except as a last resort while Redis is unreachable (`stale`), which is
 * why expired entries are kept until evicted by size or by a change notice.
 */
export class ProfileCache {
  readonly #profiles: LRUCache<string, StoredProfile>;
  readonly #identities: LRUCache<string, string>;
  /**
   * Versions read without the profile (a warm decision's check), fresh as long as profiles are.
   * A plain Map in insertion order, not an LRUCache: lru-cache clears its whole preallocated
   * storage when its last entry is deleted, and this one is often down to one entry.
   */
  readonly #versions = new Map<string, { readonly versions: ProfileVersions; readonly until: number }>();
  readonly #ttlMs: number;
  readonly #maxVersions: number;
  readonly #now: () => number;
  /** customer id → identity keys cached for it, to evict them on a merge or an erasure. */
  readonly #byCustomer = new Map<string, Set<string>>();
  #hits = 0;
  #misses = 0;
  #staleHits = 0;

  constructor(options: ProfileCacheOptions = {}) {
    const ttl = options.ttlMs ?? 5000;
    const perf = options.clock === undefined ? {} : { perf: { now: options.clock }, ttlResolution: 0 };
    this.#profiles = new LRUCache<string, StoredProfile>({
      max: options.max ?? 50_000,
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: estimateBytes,
      ttl,
      allowStale: false,
      noDeleteOnStaleGet: true,
      ttlAutopurge: false,
      ...perf,
    });
    this.#ttlMs = ttl;
    this.#maxVersions = options.max ?? 50_000;
    this.#now = options.clock ?? (() => performance.now());
    this.#identities = new LRUCache<string, string>({
      max: options.maxIdentities ?? 200_000,
      ttl: options.identityTtlMs ?? 600_000,
      noDeleteOnStaleGet: true,
      ...perf,
      dispose: (customerId, key) => this.#byCustomer.get(customerId)?.delete(key),
    });
  }

  /** A fresh profile, or undefined. */
  get(customerId: string): StoredProfile | undefined {
    const profile = this.#profiles.get(customerId);
    if (profile === undefined) this.#misses++;
    else this.#hits++;
    return profile;
  }

  /** Whatever is held, fresh or not: for reads while Redis is unreachable. */
  stale(customerId: string): StoredProfile | undefined {
    const profile = this.#profiles.get(customerId, { allowStale: true });
    if (profile !== undefined) this.#staleHits++;
    return profile;
  }

  /**
   * Whatever is held, fresh or not, for the base of a write: the compare-and-set on the version
   * refuses a write computed from a profile that changed meanwhile (and a change this instance was
   * told of has evicted it), so the TTL, which bounds what reads serve, need not send every write of
   * a customer back after a few seconds to Redis. Bounded all the same (a minute past the TTL).
   */
  base(customerId: string): StoredProfile | undefined {
    const profile = this.#profiles.get(customerId, { allowStale: true });
    if (profile === undefined || this.#profiles.getRemainingTTL(customerId) > -STALE_BASE_MS) return profile;
    return undefined;
  }

  /** Holds a profile. Never replaces a newer version still fresh. */
  set(profile: StoredProfile): void {
    const held = this.#profiles.get(profile.customerId, { allowStale: true, updateAgeOnGet: false });
    if (held !== undefined && held.version > profile.version && this.#profiles.getRemainingTTL(profile.customerId) > 0) return;
    this.#profiles.set(profile.customerId, profile);
    // Versions read alone earlier are older than this profile: never let them outlive it.
    this.#versions.delete(profile.customerId);
  }

  evict(customerId: string): void {
    this.#profiles.delete(customerId);
    this.#versions.delete(customerId);
  }

  /** A profile's fresh versions: from the profile when it is held, else as read alone. */
  versions(customerId: string): ProfileVersions | undefined {
    const profile = this.#profiles.get(customerId);
    if (profile !== undefined) return { version: profile.version, materialVersion: profile.materialVersion };
    const held = this.#versions.get(customerId);
    if (held === undefined) return undefined;
    if (held.until > this.#now()) return held.versions;
    this.#versions.delete(customerId);
    return undefined;
  }

  setVersions(customerId: string, versions: ProfileVersions): void {
    this.#versions.delete(customerId); // re-inserted last: the Map's first entry is the oldest
    if (this.#versions.size >= this.#maxVersions) {
      const oldest = this.#versions.keys().next().value;
      if (oldest !== undefined) this.#versions.delete(oldest);
    }
    this.#versions.set(customerId, { versions, until: this.#now() + this.#ttlMs });
  }

  /** Drops the identity lookups that point at a customer (after a merge or an erasure). */
  evictIdentities(customerId: string): void {
    for (const key of [...(this.#byCustomer.get(customerId) ?? [])]) this.#identities.delete(key);
    this.#byCustomer.delete(customerId);
  }

  identity(key: string, allowStale = false): string | undefined {
    return this.#identities.get(key, { allowStale });
  }

  setIdentity(key: string, customerId: string): void {
    this.#identities.set(key, customerId);
    let keys = this.#byCustomer.get(customerId);
    if (keys === undefined) this.#byCustomer.set(customerId, (keys = new Set()));
    keys.add(key);
  }

  /** Forgets everything (after a reconnect: notices may have been missed while away). */
  clear(): void {
    this.#profiles.clear();
    this.#versions.clear();
    this.#identities.clear();
    this.#byCustomer.clear();
  }

  get size(): number {
    return this.#profiles.size;
  }

  stats(): Record<string, number> {
    return {
      hits: this.#hits,
      misses: this.#misses,
      staleHits: this.#staleHits,
      entries: this.#profiles.size,
      bytes: this.#profiles.calculatedSize,
      identityEntries: this.#identities.size,
    };
  }
}
