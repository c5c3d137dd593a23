import type { StoredProfile } from '../projection/draft.ts';
import { listDelta, listText, noteStoredForm } from './list-delta.ts';

// A profile is kept as a Redis hash with one field per profile field (`f:<name>` → JSON), so a
// write sends only the fields an event changed (`applyEvent` keeps unchanged fields by reference).
// The bounded lists change every event but keep most entries (the same objects): a write sends
// how the new list is made of the stored one (`listDelta`: kept byte ranges of the stored text and
// the JSON of new entries), so an event encodes only the entries it adds.

const FIELD = 'f:';
const LISTS = new Set(['recentEvents', 'recentlyViewed', 'visits', 'purchases', 'conversations']);

/** `[f:name, json, …]` of every field of a profile, for a full write. */
export function encodeProfile(profile: StoredProfile): string[] {
  return encodeChanges(profile, null).fields;
}

/** What a write sends of a profile: the fields that differ from the stored `previous`. */
export interface EncodedChanges {
  /** `[f:name, json, …]` of the fields written whole. */
  readonly fields: string[];
  /** Per list written as a delta: `f:name`, the stored text's UTF-8 length, the number of segments, the segments (see `listDelta`). */
  readonly lists: Array<string | number>;
  readonly listCount: number;
}

/**
 * The fields of `profile` that differ from the stored `previous` (every field without one).
 * Changed lists go as deltas, unless `previous`'s list was read in the older compact form.
 */
export function encodeChanges(profile: StoredProfile, previous: StoredProfile | null): EncodedChanges {
  const fields: string[] = [];
  const lists: Array<string | number> = [];
  let listCount = 0;
  const before = previous as unknown as Record<string, unknown> | null;
  for (const name in profile) {
    const value = (profile as unknown as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const old = before === null ? undefined : before[name];
    if (old === value) continue;
    if (!LISTS.has(name)) {
      fields.push(FIELD + name, JSON.stringify(value));
      continue;
    }
    const list = value as readonly object[];
    const delta = Array.isArray(old) ? listDelta(old as readonly object[], list, entryOf) : null;
    if (delta === null) {
      fields.push(FIELD + name, listText(list, entryOf));
      continue;
    }
    lists.push(FIELD + name, delta.storedBytes, delta.segments.length);
    for (const segment of delta.segments) lists.push(segment);
    listCount++;
  }
  return { fields, lists, listCount };
}

/** The profile of a hash read with HGETALL (a flat `[field, value, …]` list or an object), or null. */
export function decodeProfile(hash: readonly string[] | Readonly<Record<string, string>>): StoredProfile | null {
  const entries = Array.isArray(hash) ? pairs(hash as readonly string[]) : Object.entries(hash);
  const profile: Record<string, unknown> = {};
  let any = false;
  for (const [field, json] of entries) {
    if (!field.startsWith(FIELD)) continue;
    const name = field.slice(FIELD.length);
    const value: unknown = JSON.parse(json);
    if (LISTS.has(name) && Array.isArray(value)) noteStoredForm(value as object[], json);
    profile[name] = value;
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

function entryOf(entry: object): string {
  return JSON.stringify(entry);
}

function pairs(flat: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string]);
  return out;
}
