import type { StoredProfile } from '../projection/draft.ts';
import type { EncodedChanges } from './profile-codec.ts';
import type { RedisContext } from './context.ts';
import { toSlot } from './customer-slot.ts';
import type { SlotRead } from './customer-slot.ts';
import { CLAIM, COMMIT_MANY, READ_MANY, runScript } from './scripts.ts';

// On one server, one script serves many customers (one round trip and one command for a whole
// ingest call); on a Cluster every customer is its own slot, so it is one script per customer,
// sent together.

/** A customer slot as read, with which of the asked ids it has applied. */
export interface SlotWithSeen extends SlotRead {
  readonly seen: readonly boolean[];
}

/** Reads the profile hash and idempotency marks of many customers. */
export async function readMany(ctx: RedisContext, asks: readonly { id: string; seenIds: readonly string[] }[]): Promise<SlotWithSeen[]> {
  if (asks.length === 0) return [];
  const run = async (part: readonly { id: string; seenIds: readonly string[] }[]) => {
    const keys = part.flatMap((a) => [ctx.keys.profile(a.id), ctx.keys.seen(a.id)]);
    const args = [ctx.now(), ...part.flatMap((a) => [a.seenIds.length, ...a.seenIds])];
    return (await runScript(ctx.client, READ_MANY, keys, args, true)) as Array<[string, string[]]>;
  };
  const rows = ctx.isCluster ? (await Promise.all(asks.map((a) => run([a])))).flat() : await run(asks);
  return rows.map(([flags, hash]) => ({ ...toSlot(hash), seen: [...flags].map((f) => f === '1') }));
}

/** One customer's planned write: the profile computed from `expectedVersion`, and the events it applies. */
export interface PlannedWrite {
  readonly id: string;
  readonly expectedVersion: string;
  readonly profile: StoredProfile;
  /** The fields that changed: whole, or as list deltas. */
  readonly changes: EncodedChanges;
  readonly eventIds: readonly string[];
  readonly eventJsons: readonly string[];
}

export type CommitStatus =
  | { readonly kind: 'ok' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'moved'; readonly to: string; readonly pending: boolean }
  | { readonly kind: 'erased'; readonly suppressed: boolean };

/** Commits many customers' writes; each succeeds or fails on its own (see COMMIT_MANY). */
export async function commitMany(ctx: RedisContext, writes: readonly PlannedWrite[]): Promise<CommitStatus[]> {
  if (writes.length === 0) return [];
  const now = ctx.now();
  const run = async (part: readonly PlannedWrite[]) => {
    const keys = part.flatMap((w) => [ctx.keys.profile(w.id), ctx.keys.seen(w.id), ctx.keys.events(w.id)]);
    const args: Array<string | number> = [now, now + ctx.retentionMs, ctx.maxEvents];
    for (const w of part) {
      const { fields, lists, listCount } = w.changes;
      args.push(w.expectedVersion, String(w.profile.version), fields.length);
      for (const f of fields) args.push(f);
      args.push(listCount);
      for (const l of lists) args.push(l);
      args.push(w.eventIds.length);
      for (const id of w.eventIds) args.push(`e:${id}`);
      for (const json of w.eventJsons) args.push(json);
    }
    return (await runScript(ctx.client, COMMIT_MANY, keys, args, true)) as string[];
  };
  const statuses = ctx.isCluster ? (await Promise.all(writes.map((w) => run([w])))).flat() : await run(writes);
  return statuses.map(parseStatus);
}

function parseStatus(status: string): CommitStatus {
  if (status === 'ok') return { kind: 'ok' };
  if (status.startsWith('moved:')) return { kind: 'moved', pending: status[6] === '1', to: status.slice(8) };
  if (status.startsWith('erased:')) return { kind: 'erased', suppressed: status.endsWith('1') };
  return { kind: 'conflict' };
}

/**
 * Claims free identity keys for customers (`key → customer id`); a key someone holds is left
 * alone and its owner returned, so the caller can merge. null: the key was free and is now claimed.
 */
export async function claimMany(ctx: RedisContext, claims: ReadonlyMap<string, string>): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (claims.size === 0) return out;
  const entries = [...claims];
  const run = async (part: ReadonlyArray<[string, string]>) =>
    (await runScript(ctx.client, CLAIM, part.map(([k]) => ctx.keys.identity(k)), part.map(([, id]) => id), true)) as string[];
  const previous = ctx.isCluster ? (await Promise.all(entries.map((e) => run([e])))).flat() : await run(entries);
  entries.forEach(([key], i) => out.set(key, previous[i] ? (previous[i] as string) : null));
  return out;
}
