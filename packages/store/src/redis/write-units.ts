import { createEmptyProfile } from '@omnikernel/sdk';
import type { PreparedEvent } from '../ingest/prepare.ts';
import { ProfileDraft } from '../projection/apply-event.ts';
import type { StoredProfile } from '../projection/draft.ts';
import { commitMany, readMany } from './batch-io.ts';
import type { PlannedWrite } from './batch-io.ts';
import type { RedisContext } from './context.ts';
import { encodeChanges } from './profile-codec.ts';

/** What happened to one event of a write. */
export interface EventOutcome {
  readonly status: 'accepted' | 'duplicate';
  readonly material: boolean;
}

/** A customer's share of one flush: every event queued for it. */
export interface WriteUnit {
  readonly id: string;
  readonly events: readonly PreparedEvent[];
  /** The identity claims just created this customer: no need to read a profile that cannot exist. */
  readonly assumeNew: boolean;
}

export type UnitOutcome =
  | { readonly kind: 'done'; readonly outcomes: ReadonlyMap<PreparedEvent, EventOutcome> }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'moved'; readonly to: string; readonly pending: boolean }
  | { readonly kind: 'erased'; readonly suppressed: boolean };

interface Base {
  readonly version: string;
  readonly profile: StoredProfile | null;
  /** Per event of the unit, already applied (known only after a read). */
  readonly seen?: readonly boolean[];
}

/**
 * One optimistic attempt for many customers: take each one's base (its cached profile, fresh or not, an empty one
 * when just created, else one batched read), apply its events in Node (`applyEvent`), and commit all
 * in one batched compare-and-set. A customer whose version moved meanwhile comes back `conflict`
 * (its cache entry dropped) and the caller tries it again from a fresh read.
 */
export async function writeUnits(ctx: RedisContext, units: readonly WriteUnit[]): Promise<Map<WriteUnit, UnitOutcome>> {
  // Chunks: each script stays a few milliseconds of Redis time, so no script runs long enough to
  // look like a dead server. They are sent together: one round trip for the flush, not one per chunk.
  const chunks: Array<Promise<Map<WriteUnit, UnitOutcome>>> = [];
  for (let i = 0; i < units.length; i += CHUNK) chunks.push(writeChunk(ctx, units.slice(i, i + CHUNK)));
  const result = new Map<WriteUnit, UnitOutcome>();
  for (const outcomes of await Promise.all(chunks)) for (const [unit, outcome] of outcomes) result.set(unit, outcome);
  return result;
}

/** Customers per read or commit script. */
const CHUNK = 64;

async function writeChunk(ctx: RedisContext, units: readonly WriteUnit[]): Promise<Map<WriteUnit, UnitOutcome>> {
  const result = new Map<WriteUnit, UnitOutcome>();
  const bases = new Map<WriteUnit, Base>();
  const toRead: WriteUnit[] = [];
  for (const unit of units) {
    // A conflict (evicted) goes again from a fresh read.
    const cached = ctx.cache.base(unit.id);
    if (cached !== undefined) bases.set(unit, { version: String(cached.version), profile: cached });
    else if (unit.assumeNew) bases.set(unit, { version: '0', profile: null });
    else toRead.push(unit);
  }
  const reads = await readMany(ctx, toRead.map((u) => ({ id: u.id, seenIds: u.events.map((p) => `e:${p.event.id}`) })));
  toRead.forEach((unit, i) => {
    const slot = reads[i];
    if (slot === undefined) return;
    if (slot.movedTo !== null) result.set(unit, { kind: 'moved', to: slot.movedTo, pending: slot.profile !== null });
    else if (slot.erased === '1') result.set(unit, { kind: 'erased', suppressed: true });
    else bases.set(unit, { version: slot.erased === null ? slot.version : '0', profile: slot.erased === null ? slot.profile : null, seen: slot.seen });
  });

  const planned: Array<{ unit: WriteUnit; write: PlannedWrite; outcomes: Map<PreparedEvent, EventOutcome> }> = [];
  for (const [unit, base] of bases) {
    const plan = planWrite(ctx, unit, base);
    if (plan.write === null) result.set(unit, { kind: 'done', outcomes: plan.outcomes });
    else planned.push({ unit, write: plan.write, outcomes: plan.outcomes });
  }
  const statuses = await commitMany(ctx, planned.map((p) => p.write));
  planned.forEach(({ unit, write, outcomes }, i) => {
    const status = statuses[i] ?? { kind: 'conflict' };
    if (status.kind === 'ok') {
      ctx.cache.set(write.profile);
      result.set(unit, { kind: 'done', outcomes });
    } else {
      ctx.cache.evict(unit.id);
      result.set(unit, status);
    }
  });
  return result;
}

/** The profile after a unit's events (duplicates skipped), or no write when every event was a duplicate. */
function planWrite(ctx: RedisContext, unit: WriteUnit, base: Base) {
  const outcomes = new Map<PreparedEvent, EventOutcome>();
  const fresh: PreparedEvent[] = [];
  const ids = new Set<string>();
  unit.events.forEach((p, i) => {
    if (ids.has(p.event.id) || base.seen?.[i] === true) outcomes.set(p, { status: 'duplicate', material: false });
    else {
      ids.add(p.event.id);
      fresh.push(p);
    }
  });
  if (fresh.length === 0) return { write: null, outcomes };
  const first = fresh[0] as PreparedEvent;
  // One draft for the unit: each changed list is copied once, however many events it has.
  const draft = new ProfileDraft(base.profile ?? createEmptyProfile(unit.id, first.when.at), { catalog: ctx.catalog() });
  for (const p of fresh) outcomes.set(p, { status: 'accepted', material: draft.apply(p.event, p.when) });
  const profile: StoredProfile = draft.profile;
  const write: PlannedWrite = {
    id: unit.id,
    expectedVersion: base.version,
    profile,
    changes: encodeChanges(profile, base.profile),
    eventIds: fresh.map((p) => p.event.id),
    eventJsons: fresh.map((p) => JSON.stringify(p.event)),
  };
  return { write, outcomes };
}
