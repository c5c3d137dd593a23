import { createEmptyProfile } from '@omnikernel/sdk';
import type { CatalogView, CustomerEvent } from '@omnikernel/sdk';
import { customerIdFor } from '../identity/customer-id.ts';
import type { PreparedEvent } from '../ingest/prepare.ts';
import { ProfileDraft } from '../projection/apply-event.ts';
import { pickSurvivor } from '../projection/merge-profiles.ts';
import { ms } from '../projection/time.ts';
import type { ChangeNotice, IngestResult } from '../store.ts';
import { absorb, canonical, isSeen, markSeen, slotOf } from './memory-state.ts';
import type { Bounds, MemoryState, Slot } from './memory-state.ts';

export interface MemoryIngestContext {
  readonly now: number;
  readonly catalog: CatalogView;
  readonly bounds: Bounds;
  readonly retentionMs: number;
}

/**
 * Applies prepared events one after the other (memory is one process: no interleaving inside a
 * call). Returns a result per event and the change notices to publish.
 *
 * A customer's profile is built on one draft per call (`ProfileDraft`): its lists are copied on
 * the first event of the call, not on every event. Nothing can read the store while this runs
 * (it is synchronous), and a merge replaces the profile, which starts a new draft.
 */
export function ingestInMemory(state: MemoryState, prepared: readonly PreparedEvent[], ctx: MemoryIngestContext) {
  const results: IngestResult[] = [];
  const notices = new Map<string, ChangeNotice>();
  const drafts = new Map<Slot, ProfileDraft>();
  const applyContext = { catalog: ctx.catalog };
  for (const p of prepared) {
    if (state.suppressed.size > 0 && p.hashes.some((h) => state.suppressed.has(h))) {
      results.push({ status: 'suppressed' });
      continue;
    }
    const seenKey = `e:${p.event.id}`;
    const owners = ownersOf(state, p.keys);
    const indexed = owners.length === 1 && lookup.direct; // every key already points straight at the one owner
    const seenBy = seenOwner(state, owners, seenKey, ctx.now);
    if (seenBy !== undefined) {
      results.push({ status: 'duplicate', customerId: seenBy });
      continue;
    }
    const { target, merged } =
      owners.length === 0
        ? { target: canonical(state, customerIdFor(p.event.identifiers)), merged: NONE }
        : owners.length === 1
          ? { target: owners[0] as string, merged: NONE }
          : mergeOwners(state, owners, ctx.bounds);
    for (const loser of merged) notices.set(loser, { kind: 'profile', customerId: loser, material: true, reason: 'merged' });

    const slot = slotOf(state, target);
    let draft = drafts.get(slot);
    if (draft === undefined || draft.profile !== slot.profile) {
      // A customer is findable by its id from its first event on (merges re-point the loser's).
      if (slot.profile === null) state.identity.set(`customerId:${target}`, target);
      draft = new ProfileDraft(slot.profile ?? createEmptyProfile(target, p.when.at), applyContext);
      drafts.set(slot, draft);
    }
    const material = draft.apply(p.event, p.when);
    slot.profile = draft.profile;
    markSeen(slot, seenKey, ctx.now + ctx.retentionMs, ctx.now);
    insertEvent(slot.events, p.event, p.when.ms, ctx.bounds.maxEvents);
    if (!indexed || merged.length > 0) for (const key of p.keys) state.identity.set(key, target);

    const isMaterial = material || merged.length > 0;
    const previous = notices.get(target);
    notices.set(target, { kind: 'profile', customerId: target, material: isMaterial || previous?.material === true });
    results.push(merged.length > 0 ? { status: 'accepted', customerId: target, material: isMaterial, merged } : { status: 'accepted', customerId: target, material: isMaterial });
  }
  return { results, notices: [...notices.values()] };
}

const NONE: readonly string[] = Object.freeze([]);

/** The first owner that already applied this id, if any. */
function seenOwner(state: MemoryState, owners: readonly string[], seenKey: string, now: number): string | undefined {
  for (const owner of owners) if (isSeen(state.slots.get(owner), seenKey, now)) return owner;
  return undefined;
}

/** Set by `ownersOf`: whether every key was indexed, pointing at its owner itself (not at a merged-away id). */
const lookup = { direct: false };

/** The customers these identity keys point to now, once each. */
function ownersOf(state: MemoryState, keys: readonly string[]): string[] {
  const owners: string[] = [];
  let direct = true;
  for (const key of keys) {
    const id = state.identity.get(key);
    if (id === undefined) {
      direct = false;
      continue;
    }
    const owner = state.aliases.size === 0 ? id : canonical(state, id);
    if (owner !== id) direct = false;
    if (!owners.includes(owner)) owners.push(owner);
  }
  lookup.direct = direct;
  return owners;
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

/** Puts `event` in the slot's list (newest first by `occurredAt`, bounded), in place: the slot owns its list. */
function insertEvent(events: CustomerEvent[], event: CustomerEvent, t: number, max: number): void {
  // Events almost always arrive newest: check the head before scanning (and parsing) the list.
  const head = events[0];
  const index = head === undefined || ms(head.occurredAt) <= t ? 0 : events.findIndex((e) => ms(e.occurredAt) <= t);
  if (index === -1) events.push(event);
  else events.splice(index, 0, event);
  if (events.length > max) events.length = max;
}
