import type { Identifiers } from '@omnikernel/sdk';
import { lookupKeys } from '../ingest/prepare.ts';
import type { StoredProfile } from '../projection/draft.ts';
import { StoreUnavailableError, type ProfileVersions } from '../store.ts';
import type { RedisContext } from './context.ts';
import { readSlot } from './customer-slot.ts';
import { lookupIdentities } from './identity-index.ts';

// Reads never throw while the cache can answer: a fresh entry first, then Redis, and when Redis is
// unreachable or slow, whatever the cache holds, however old (a decision from a minute-old profile
// beats a 503). Only a customer the cache has never seen makes them throw `StoreUnavailableError`.

/** A customer's profile (the survivor's, for a merged id), or null when there is none. */
export async function readProfile(ctx: RedisContext, customerId: string): Promise<StoredProfile | null> {
  const fresh = ctx.cache.get(customerId);
  if (fresh !== undefined) return fresh;
  if (ctx.client.status !== 'ready') return staleProfile(ctx, customerId);
  try {
    for (let id = customerId, hops = 0; hops < 8; hops++) {
      const slot = await readSlot(ctx, id);
      if (slot.movedTo === null) {
        if (slot.profile !== null && id === customerId) ctx.cache.set(slot.profile);
        return slot.profile;
      }
      id = slot.movedTo;
    }
    return null;
  } catch (error) {
    return staleProfile(ctx, customerId, error);
  }
}

/**
 * A profile's versions: from the cache (a fresh profile, or versions read alone within the same
 * TTL, evicted by the same change notices), else four hash fields (not the whole profile). Null for an id that is merged away, erased or unknown, and when Redis cannot answer:
 * the caller then reads the profile, which knows how to follow merges and to fall back to the cache.
 */
export async function readProfileVersions(ctx: RedisContext, customerId: string): Promise<ProfileVersions | null> {
  const held = ctx.cache.versions(customerId);
  if (held !== undefined) return held;
  if (ctx.client.status !== 'ready') return null;
  try {
    const [version, materialVersion, movedTo, erased] = await ctx.client.hmget(ctx.keys.profile(customerId), 'f:version', 'f:materialVersion', 'm', 'x');
    if (version == null || materialVersion == null || movedTo != null || erased != null) return null;
    const versions = { version: Number(version), materialVersion: Number(materialVersion) };
    ctx.cache.setVersions(customerId, versions);
    return versions;
  } catch {
    return null;
  }
}

/** The customer any of these identifiers (normalised here) points to, or null. Never creates. */
export async function resolveIdentifiers(ctx: RedisContext, identifiers: Identifiers): Promise<string | null> {
  const keys = lookupKeys(identifiers, ctx.normalize);
  for (const key of keys) {
    const hit = ctx.cache.identity(key);
    if (hit !== undefined) return hit;
  }
  if (keys.length === 0) return null;
  if (ctx.client.status !== 'ready') return staleIdentity(ctx, keys);
  try {
    const owners = await lookupIdentities(ctx, keys);
    for (const key of keys) {
      const owner = owners.get(key);
      if (owner !== null && owner !== undefined) {
        ctx.cache.setIdentity(key, owner);
        return owner;
      }
    }
    return null;
  } catch (error) {
    return staleIdentity(ctx, keys, error);
  }
}

function staleProfile(ctx: RedisContext, customerId: string, cause?: unknown): StoredProfile {
  const stale = ctx.cache.stale(customerId);
  if (stale !== undefined) return stale;
  throw new StoreUnavailableError(`Redis is not reachable and customer '${customerId}' is not cached`, 1, { cause });
}

function staleIdentity(ctx: RedisContext, keys: readonly string[], cause?: unknown): string {
  for (const key of keys) {
    const hit = ctx.cache.identity(key, true);
    if (hit !== undefined) return hit;
  }
  throw new StoreUnavailableError('Redis is not reachable and these identifiers are not cached', 1, { cause });
}
