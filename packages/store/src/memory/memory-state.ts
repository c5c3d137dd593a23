import type { ContactRecord, CustomerEvent } from '@omnikernel/sdk';
import { profileIdentityKeys } from '../ingest/prepare.ts';
import type { StoredProfile } from '../projection/draft.ts';
import { mergeInto, renameProfile } from '../projection/merge-profiles.ts';
import { ms } from '../projection/time.ts';
import type { KeptRecord } from './kept-record.ts';

/** Everything kept for one customer id: the memory twin of the Redis keys `ok:{c:<id>}:*`. */
export interface Slot {
  profile: StoredProfile | null;
  /** Applied event (`e:<id>`) and outcome (`o:<id>`) ids → expiry (epoch ms): idempotency. */
  readonly seen: Map<string, number>;
  /** Raw events, newest first by `occurredAt`, bounded; changed in place (exports copy it). */
  events: CustomerEvent[];
  /** Contact history, newest first by `at`, bounded. */
  contacts: ContactRecord[];
  decision: { record: KeptRecord; expiresAt: number } | null;
  readonly decisionIds: Set<string>;
}

/** The whole customer side of a memory store. */
export interface MemoryState {
  readonly slots: Map<string, Slot>;
  /** `type:value` → customer id. */
  readonly identity: Map<string, string>;
  /** Merged-away id → surviving id. */
  readonly aliases: Map<string, string>;
  /** sha256 of erased identifiers whose events are dropped. */
  readonly suppressed: Set<string>;
  /** Decisions kept by id for replay. */
  readonly decisions: Map<string, { record: KeptRecord; customerId: string; expiresAt: number }>;
}

export interface Bounds {
  readonly maxEvents: number;
  readonly maxContacts: number;
}

export function createMemoryState(): MemoryState {
  return { slots: new Map(), identity: new Map(), aliases: new Map(), suppressed: new Set(), decisions: new Map() };
}

/** The id a customer id stands for now (following merges). */
export function canonical(state: MemoryState, id: string): string {
  let current = id;
  for (let hops = 0; hops < 32; hops++) {
    const next = state.aliases.get(current);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

export function slotOf(state: MemoryState, id: string): Slot {
  let slot = state.slots.get(id);
  if (slot === undefined) {
    slot = { profile: null, seen: new Map(), events: [], contacts: [], decision: null, decisionIds: new Set() };
    state.slots.set(id, slot);
  }
  return slot;
}

export function isSeen(slot: Slot | undefined, key: string, now: number): boolean {
  const expiresAt = slot?.seen.get(key);
  return expiresAt !== undefined && expiresAt > now;
}

/** Marks an id applied; drops expired marks now and then, so the map stays bounded by the retention. */
export function markSeen(slot: Slot, key: string, expiresAt: number, now: number): void {
  slot.seen.set(key, expiresAt);
  if (slot.seen.size % 256 === 0) for (const [k, t] of slot.seen) if (t <= now) slot.seen.delete(k);
}

/**
 * Moves everything of `loserId` into `survivorId`: profiles merged field by field, idempotency
 * marks, events and contacts concatenated, every identifier re-pointed, the loser made an alias.
 */
export function absorb(state: MemoryState, survivorId: string, loserId: string, bounds: Bounds): void {
  const survivor = slotOf(state, survivorId);
  const loser = state.slots.get(loserId);
  if (loser === undefined || survivorId === loserId) return;
  if (survivor.profile !== null && loser.profile !== null) survivor.profile = mergeInto(survivor.profile, loser.profile);
  else if (loser.profile !== null) survivor.profile = renameProfile(loser.profile, survivorId);
  for (const [k, t] of loser.seen) if ((survivor.seen.get(k) ?? 0) < t) survivor.seen.set(k, t);
  survivor.events = [...survivor.events, ...loser.events]
    .sort((a, b) => ms(b.occurredAt) - ms(a.occurredAt))
    .slice(0, bounds.maxEvents);
  survivor.contacts = [...survivor.contacts, ...loser.contacts].sort((a, b) => ms(b.at) - ms(a.at)).slice(0, bounds.maxContacts);
  for (const id of loser.decisionIds) survivor.decisionIds.add(id);
  for (const key of profileIdentityKeys(loser.profile?.identifiers ?? {})) state.identity.set(key, survivorId);
  state.identity.set(`customerId:${loserId}`, survivorId);
  state.aliases.set(loserId, survivorId);
  for (const [alias, target] of state.aliases) if (target === loserId) state.aliases.set(alias, survivorId);
  state.slots.delete(loserId);
}

/** Removes a customer and everything pointing at it; returns the identity keys it had. */
export function erase(state: MemoryState, id: string): string[] {
  const slot = state.slots.get(id);
  if (slot === undefined) return [];
  const keys = profileIdentityKeys(slot.profile?.identifiers ?? {});
  for (const key of keys) if (state.identity.get(key) === id) state.identity.delete(key);
  for (const [alias, target] of state.aliases) if (target === id) state.aliases.delete(alias);
  for (const decisionId of slot.decisionIds) state.decisions.delete(decisionId);
  state.slots.delete(id);
  return keys;
}
