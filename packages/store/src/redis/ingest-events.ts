import type { CustomerEvent } from '@omnikernel/sdk';
import { StoreConflictError } from '../errors.ts';
import { customerIdFor } from '../identity/customer-id.ts';
import { groupEvents } from '../ingest/group-events.ts';
import type { EventGroup } from '../ingest/group-events.ts';
import { prepareEvents } from '../ingest/prepare.ts';
import type { PreparedEvent } from '../ingest/prepare.ts';
import type { ChangeNotice, IngestResult } from '../store.ts';
import { claimMany } from './batch-io.ts';
import type { RedisContext } from './context.ts';
import { lookupIdentities, repointIdentities } from './identity-index.ts';
import { mergeCustomers } from './merge-customers.ts';
import type { WriteScheduler } from './write-scheduler.ts';
import type { EventOutcome } from './write-units.ts';

/** Results by call index, and the notices to publish. */
interface Batch {
  readonly results: IngestResult[];
  readonly notices: Map<string, ChangeNotice>;
}

/** Where a group goes. */
interface Target {
  readonly group: EventGroup;
  readonly id: string;
  readonly merged: readonly string[];
  readonly fresh: boolean;
}

/**
 * Ingests a call's events on Redis in a few round trips whatever its size: normalise (all up front),
 * drop suppressed identifiers (one SMISMEMBER), look every identity key up (one MGET), group events
 * by shared identifiers, claim the new identity keys (one script), merge where a group spans several
 * customers, then hand every group to the scheduler, which writes them in one batched compare-and-set.
 */
export async function ingestEvents(ctx: RedisContext, scheduler: WriteScheduler, events: readonly CustomerEvent[]) {
  const prepared = prepareEvents(events, ctx.normalize);
  const batch: Batch = { results: new Array<IngestResult>(prepared.length), notices: new Map() };
  const hashes = [...new Set(prepared.flatMap((p) => p.hashes))];
  const flags = hashes.length === 0 ? [] : ((await ctx.client.call('SMISMEMBER', ctx.keys.suppressed, ...hashes)) as number[]);
  const suppressed = new Set(hashes.filter((_, i) => flags[i] === 1));
  const live: PreparedEvent[] = [];
  for (const p of prepared) {
    if (p.hashes.some((h) => suppressed.has(h))) batch.results[p.index] = { status: 'suppressed' };
    else live.push(p);
  }
  await ingestLive(ctx, scheduler, live, batch, 0);
  return { results: batch.results, notices: [...batch.notices.values()] };
}

async function ingestLive(ctx: RedisContext, scheduler: WriteScheduler, live: readonly PreparedEvent[], batch: Batch, depth: number): Promise<void> {
  if (live.length === 0) return;
  if (depth > 3) throw new StoreConflictError('customers were erased repeatedly while these events were written; retry the call');
  const owners = await lookupIdentities(ctx, [...new Set(live.flatMap((p) => p.keys))]);
  const targets = await resolveTargets(ctx, groupEvents(live, owners), owners);
  const retry: PreparedEvent[] = [];
  await Promise.all(
    targets.map(async ({ group, id, merged, fresh }) => {
      for (const loser of merged) batch.notices.set(loser, { kind: 'profile', customerId: loser, material: true, reason: 'merged' });
      const job = await scheduler.submit(id, group.events, fresh);
      if (job.kind === 'erased') {
        if (job.suppressed) for (const p of group.events) batch.results[p.index] = { status: 'suppressed' };
        else retry.push(...group.events); // erased under us: resolve its identifiers afresh
        return;
      }
      // The customer was merged while we wrote: point this group's identifiers where it went.
      if (job.customerId !== id) await repointIdentities(ctx, group.keys, job.customerId);
      record(batch, group, job.customerId, job.outcomes, merged);
    }),
  );
  await ingestLive(ctx, scheduler, retry, batch, depth + 1);
}

/**
 * Each group's customer: its one owner, or a new one (deterministic id from the first event's
 * identifiers), with free identity keys claimed in one batch. Groups spanning several customers,
 * or losing a claim race, go through `resolveContested` (merge).
 */
async function resolveTargets(ctx: RedisContext, groups: readonly EventGroup[], owners: ReadonlyMap<string, string | null>): Promise<Target[]> {
  const simple: Array<{ group: EventGroup; id: string; fresh: boolean; unclaimed: string[] }> = [];
  const contested: EventGroup[] = [];
  for (const group of groups) {
    if (group.owners.size > 1) {
      contested.push(group);
      continue;
    }
    const owner = [...group.owners][0];
    const id = owner ?? customerIdFor((group.events[0] as PreparedEvent).event.identifiers);
    const unclaimed = group.keys.filter((k) => (owners.get(k) ?? null) === null);
    if (owner === undefined) unclaimed.push(`customerId:${id}`);
    simple.push({ group, id, fresh: owner === undefined, unclaimed: [...new Set(unclaimed)] });
  }
  const claims = new Map<string, string>();
  for (const s of simple) for (const k of s.unclaimed) claims.set(k, s.id);
  const previous = await claimMany(ctx, claims);
  const targets: Target[] = [];
  for (const s of simple) {
    const others = s.unclaimed.map((k) => previous.get(k) ?? null).filter((v): v is string => v !== null && v !== s.id);
    if (others.length > 0) {
      contested.push(s.group);
      continue;
    }
    for (const k of s.unclaimed) ctx.cache.setIdentity(k, s.id);
    // "fresh" lets the writer skip reading a profile that cannot exist yet.
    const fresh = s.fresh && s.unclaimed.every((k) => (previous.get(k) ?? null) === null);
    targets.push({ group: s.group, id: s.id, merged: [], fresh });
  }
  return [...targets, ...(await Promise.all(contested.map((g) => resolveContested(ctx, g))))];
}

/** A group whose identifiers point at several customers (now or after a lost claim): merge them. */
async function resolveContested(ctx: RedisContext, group: EventGroup): Promise<Target> {
  const merged: string[] = [];
  let candidates = new Set(group.owners);
  let unclaimed = group.keys;
  for (let round = 0; round < 5; round++) {
    const current = await lookupIdentities(ctx, unclaimed);
    for (const owner of current.values()) if (owner !== null) candidates.add(owner);
    unclaimed = unclaimed.filter((k) => current.get(k) === null);
    let id: string;
    if (candidates.size === 0) id = customerIdFor((group.events[0] as PreparedEvent).event.identifiers);
    else if (candidates.size === 1) id = [...candidates][0] as string;
    else {
      const result = await mergeCustomers(ctx, [...candidates]);
      id = result.survivor;
      merged.push(...result.merged);
    }
    const claims = new Map(unclaimed.map((k) => [k, id]));
    if (candidates.size === 0) claims.set(`customerId:${id}`, id);
    const previous = await claimMany(ctx, claims);
    const others = [...previous.values()].filter((v): v is string => v !== null && v !== id);
    if (others.length === 0) return { group, id, merged, fresh: false };
    candidates = new Set([id, ...others]);
    unclaimed = unclaimed.filter((k) => previous.get(k) === null);
  }
  throw new StoreConflictError(`identifiers of event '${group.events[0]?.event.id}' kept being claimed by other customers; retry the call`);
}

function record(batch: Batch, group: EventGroup, customerId: string, outcomes: ReadonlyMap<PreparedEvent, EventOutcome>, merged: readonly string[]): void {
  // `merged` is reported once, on the first event that carries several identifiers (the link).
  const linker = merged.length === 0 ? undefined : (group.events.find((p) => p.keys.length > 1) ?? group.events[0]);
  let material = merged.length > 0;
  let accepted = false;
  for (const p of group.events) {
    const outcome = outcomes.get(p) ?? { status: 'duplicate' as const, material: false };
    accepted ||= outcome.status === 'accepted';
    material ||= outcome.status === 'accepted' && outcome.material;
    batch.results[p.index] = {
      status: outcome.status,
      customerId,
      material: outcome.material || (p === linker && outcome.status === 'accepted'),
      ...(p === linker ? { merged: [...merged] } : {}),
    };
  }
  if (!accepted && merged.length === 0) return;
  const previous = batch.notices.get(customerId);
  batch.notices.set(customerId, { kind: 'profile', customerId, material: material || previous?.material === true });
}
