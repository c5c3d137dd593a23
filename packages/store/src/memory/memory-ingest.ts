import { createEmptyProfile } from '@omnikernel/sdk';
import type { CatalogView } from '@omnikernel/sdk';
import { customerIdFor } from '../identity/customer-id.ts';
import type { PreparedEvent } from '../ingest/prepare.ts';
import { applyEvent } from '../projection/apply-event.ts';
import type { StoredProfile } from '../projection/draft.ts';
import { pickSurvivor } from '../projection/merge-profiles.ts';
import { ms, utc } from '../projection/time.ts';
import type { ChangeNotice, IngestResult } from '../store.ts';
import { absorb, canonical, isSeen, markSeen, slotOf } from './memory-state.ts';
import type { Bounds, MemoryState } from './memory-state.ts';

export interface MemoryIngestContext {
  readonly now: number;
  readonly catalog: CatalogView;
  readonly bounds: Bounds;
  readonly retentionMs: number;
}

/**
 * Applies prepared events one after the other (memory is one process: no interleaving inside a
 * call). Returns a result per event and the change notices to publish.
 */
export function ingestInMemory(state: MemoryState, prepared: readonly PreparedEvent[], ctx: MemoryIngestContext) {
  const results: IngestResult[] = [];
  const notices = new Map<string, ChangeNotice>();
  for (const p of prepared) {
    if (state.suppressed.size > 0 && p.hashes.some((h) => state.suppressed.has(h))) {
      results.push({ status: 'suppressed' });
      continue;
    }
    const owners = ownersOf(state, p.keys);
    const seenBy = owners.find((o) => isSeen(state.slots.get(o), `e:${p.event.id}`, ctx.now));
    if (seenBy !== undefined) {
      results.push({ status: 'duplicate', customerId: seenBy });
      continue;
    }
    const { target, merged } = owners.length === 0
      ? { target: canonical(state, customerIdFor(p.event.identifiers)), merged: [] }
      : mergeOwners(state, owners, ctx.bounds);
    for (const loser of merged) notices.set(loser, { kind: 'profile', customerId: loser, material: true, reason: 'merged' });

    const slot = slotOf(state, target);
    const before: StoredProfile = slot.profile ?? createEmptyProfile(target, utc(p.event.occurredAt));
    const { profile, material } = applyEvent(before, p.event, { catalog: ctx.catalog });
    slot.profile = profile;
    markSeen(slot, `e:${p.event.id}`, ctx.now + ctx.retentionMs, ctx.now);
    slot.events = insertEvent(slot.events, p.event, ctx.bounds.maxEvents);
    for (const key of [...p.keys, `customerId:${target}`]) state.identity.set(key, target);

    const isMaterial = material || merged.length > 0;
    const previous = notices.get(target);
    notices.set(target, { kind: 'profile', customerId: target, material: isMaterial || previous?.material === true });
    results.push({ status: 'accepted', customerId: target, material: isMaterial, ...(merged.length > 0 ? { merged } : {}) });
  }
  return { results, notices: [...notices.values()] };
}

/** The customers these identity keys point to now, once each. */
function ownersOf(state: MemoryState, keys: readonly string[]): string[] {
  const owners = new Set<string>();
  for (const key of keys) {
    const id = state.identity.get(key);
    if (id !== undefined) owners.add(canonical(state, id));
  }
  return [...owners];
}

/** Merges every owner into the oldest one; returns it and the ids merged away. */
function mergeOwners(state: MemoryState, owners: readonly string[], bounds: Bounds): { target: string; merged: string[] } {
  const profiles = owners.flatMap((id) => {
    const profile = state.slots.get(id)?.profile;
    return profile ? [profile] : [];
  });
  if (profiles.length === 0) return { target: owners[0] as string, merged: [] };
  const survivor = profiles.reduce((a, b) => pickSurvivor(a, b)[0]).customerId;
  const merged = owners.filter((id) => id !== survivor);
  for (const loser of merged) absorb(state, survivor, loser, bounds);
  return { target: survivor, merged };
}

function insertEvent(events: readonly PreparedEvent['event'][], event: PreparedEvent['event'], max: number) {
  const t = ms(event.occurredAt);
  // Events almost always arrive newest: check the head before scanning (and parsing) the list.
  const head = events[0];
  const index = head === undefined || ms(head.occurredAt) <= t ? 0 : events.findIndex((e) => ms(e.occurredAt) <= t);
  const out = index === -1 ? [...events, event] : [...events.slice(0, index), event, ...events.slice(index)];
  return out.slice(0, max);
}
