import type { StoredProfile } from '../projection/draft.ts';

// A profile is kept as a Redis hash with one field per profile field (`f:<name>` → JSON), so a
// write sends only the fields an event changed (`applyEvent` keeps unchanged fields by reference).
// The bounded lists change every event but keep most entries (the same objects), so their JSON is
// assembled from per-entry JSON remembered in a WeakMap: an event re-encodes only what it adds.

const FIELD = 'f:';
const LISTS = new Set(['recentEvents', 'recentlyViewed', 'visits', 'purchases', 'conversations']);
const entryJson = new WeakMap<object, string>();

/** `[f:name, json, …]` of the fields that differ from `previous` (all of them without one). */
export function encodeProfile(profile: StoredProfile, previous: StoredProfile | null): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(profile)) {
    if (value === undefined) continue;
    if (previous !== null && (previous as unknown as Record<string, unknown>)[name] === value) continue;
    out.push(FIELD + name, LISTS.has(name) ? listJson(value as readonly object[]) : JSON.stringify(value));
  }
  return out;
}

/** The profile of a hash read with HGETALL (a flat `[field, value, …]` list or an object), or null. */
export function decodeProfile(hash: readonly string[] | Readonly<Record<string, string>>): StoredProfile | null {
  const entries = Array.isArray(hash) ? pairs(hash as readonly string[]) : Object.entries(hash);
  const profile: Record<string, unknown> = {};
  let any = false;
  for (const [field, json] of entries) {
    if (!field.startsWith(FIELD)) continue;
    profile[field.slice(FIELD.length)] = JSON.parse(json);
    any = true;
  }
  return any ? (profile as unknown as StoredProfile) : null;
}

/** The control fields of a profile hash: `v` version, `m` merged into, `x` erased marker. */
export function controlFields(hash: readonly string[] | Readonly<Record<string, string>>): { v: string; m: string | null; x: string | null } {
  const get = (name: string): string | undefined => {
    if (!Array.isArray(hash)) return (hash as Readonly<Record<string, string>>)[name];
    for (let i = 0; i < hash.length; i += 2) if (hash[i] === name) return hash[i + 1];
    return undefined;
  };
  return { v: get('v') ?? '0', m: get('m') ?? null, x: get('x') ?? null };
}

/** A rough size of a profile in bytes, for the cache's byte budget (serialising to measure would cost more than caching saves). */
export function estimateBytes(p: StoredProfile): number {
  return (
    800 +
    90 * p.recentEvents.length +
    75 * p.recentlyViewed.length +
    60 * p.visits.length +
    200 * p.purchases.length +
    150 * p.conversations.length +
    60 * Object.keys(p.categoryAffinity).length
  );
}

function listJson(list: readonly object[]): string {
  const parts = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) {
    const entry = list[i] as object;
    let json = entryJson.get(entry);
    if (json === undefined) {
      json = JSON.stringify(entry);
      // Entries are immutable by contract; freezing makes the remembered JSON safe to reuse.
      entryJson.set(Object.freeze(entry), json);
    }
    parts[i] = json;
  }
  return `[${parts.join(',')}]`;
}

function pairs(flat: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string]);
  return out;
}
