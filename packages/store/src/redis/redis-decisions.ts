import type { DecisionInputs, PutDecisionResult, StoredDecisionRecord } from '../store.ts';
import type { RedisContext } from './context.ts';
import { contactHistory, contactsOf } from './redis-outcomes.ts';
import { runScript } from './scripts.ts';
import { DECISION_CAS, DECISION_COMMIT, DECISION_INPUTS } from './record-scripts.ts';

/** The current decision of a customer (`ok:{c:<id>}:decision`, a hash with its ttl). */
export async function getCurrentDecision(ctx: RedisContext, customerId: string): Promise<StoredDecisionRecord | null> {
  // As bytes: the payload goes on to be read as bytes, so decoding it to a string would be wasted.
  const [id, payload] = await ctx.client.hmgetBuffer(ctx.keys.decision(customerId), 'id', 'p');
  return id == null || payload == null ? null : { decisionId: id.toString('utf8'), payload };
}

/** Only the id of the current decision: the payload (~25 KB) stays in Redis. */
export async function currentDecisionId(ctx: RedisContext, customerId: string): Promise<string | null> {
  return ctx.client.hget(ctx.keys.decision(customerId), 'id');
}

/** Compare-and-set in one script: of concurrent writers expecting the same id, exactly one wins. */
export async function putCurrentDecision(
  ctx: RedisContext,
  customerId: string,
  record: StoredDecisionRecord,
  expected: string | null,
  ttlSeconds: number,
): Promise<PutDecisionResult> {
  const reply = (await runScript(ctx.client, DECISION_CAS, [ctx.keys.decision(customerId)], [
    expected === null ? '1' : '0',
    expected ?? '',
    record.decisionId,
    record.payload,
    Math.max(1, Math.ceil(ttlSeconds)),
  ])) as [number, string?, string?];
  if (reply[0] === 1) return { ok: true };
  const [, id, payload] = reply;
  return { ok: false, current: id === undefined || payload === undefined ? null : { decisionId: id, payload: Buffer.from(payload, 'utf8') } };
}

/**
 * A new current decision stored for good: the compare-and-set, the customer's decision index and
 * the change notice (`notice`: the channel and message to publish) in one script on the customer's
 * slot, and the decision kept by id: in the same script on a single server, after it on a Cluster
 * (the kept copy's key is on another slot). One round trip (two on a Cluster) where a put, an index
 * write, a publish and a kept copy took five, and the payload crosses the wire once. A decision
 * that loses the compare-and-set is neither kept nor announced.
 */
export async function commitDecision(
  ctx: RedisContext,
  customerId: string,
  record: StoredDecisionRecord,
  expected: string | null,
  ttlSeconds: number,
  retentionSeconds: number,
  notice: { readonly channel: string; readonly message: string },
): Promise<PutDecisionResult> {
  const seconds = Math.max(1, Math.ceil(retentionSeconds));
  const now = ctx.now();
  const keys = [ctx.keys.decision(customerId), ctx.keys.decisionIndex(customerId)];
  if (!ctx.isCluster) keys.push(ctx.keys.keptDecision(record.decisionId));
  const reply = (await runScript(ctx.client, DECISION_COMMIT, keys, [
    expected === null ? '1' : '0',
    expected ?? '',
    record.decisionId,
    record.payload,
    Math.max(1, Math.ceil(ttlSeconds)),
    now + seconds * 1000,
    now,
    notice.channel,
    notice.message,
    seconds,
  ])) as [number, string?, string?];
  if (reply[0] !== 1) {
    const [, id, payload] = reply;
    return { ok: false, current: id === undefined || payload === undefined ? null : { decisionId: id, payload: Buffer.from(payload, 'utf8') } };
  }
  if (ctx.isCluster) await ctx.client.set(ctx.keys.keptDecision(record.decisionId), keptValue(record), 'EX', seconds);
  return { ok: true };
}

/** The current decision's id and the contact history in one script (following a merge in two more reads). */
export async function decisionInputs(ctx: RedisContext, customerId: string): Promise<DecisionInputs> {
  const k = ctx.keys;
  const reply = (await runScript(ctx.client, DECISION_INPUTS, [k.profile(customerId), k.contacts(customerId), k.decision(customerId)], [])) as [string, unknown, string[]?];
  if (reply[0] === 'moved') {
    const survivor = String(reply[1]);
    const [current, contacts] = await Promise.all([currentDecisionId(ctx, survivor), contactHistory(ctx, survivor)]);
    return { currentDecisionId: current, contactHistory: contacts };
  }
  return { currentDecisionId: typeof reply[1] === 'string' ? reply[1] : null, contactHistory: contactsOf(reply[2] ?? []) };
}

const KEPT_MARKER = Buffer.from('p:', 'latin1');

/** A kept decision as stored: the payload as it is behind a marker (the id is in the key). */
function keptValue(record: StoredDecisionRecord): Buffer {
  return Buffer.concat([KEPT_MARKER, record.payload]);
}

/** Keeps a decision by id (`ok:dec:<id>`) and lists it under the customer, so an erasure finds it. */
export async function saveDecision(ctx: RedisContext, record: StoredDecisionRecord, customerId: string, retentionSeconds: number): Promise<void> {
  const seconds = Math.max(1, Math.ceil(retentionSeconds));
  const now = ctx.now();
  const index = ctx.keys.decisionIndex(customerId);
  await Promise.all([
    // The payload as it is behind a marker (the id is in the key): wrapping it in JSON escaped every
    // quote of ~25 KB on each decision.
    ctx.client.set(ctx.keys.keptDecision(record.decisionId), keptValue(record), 'EX', seconds),
    ctx.client.multi().zadd(index, now + seconds * 1000, record.decisionId).zremrangebyscore(index, '-inf', now).exec(),
  ]);
}

export async function getDecision(ctx: RedisContext, decisionId: string): Promise<StoredDecisionRecord | null> {
  const value = await ctx.client.getBuffer(ctx.keys.keptDecision(decisionId));
  if (value === null) return null;
  // Decisions kept before the marker are JSON records `{decisionId, payload}`, which start with `{`.
  if (value.subarray(0, KEPT_MARKER.length).equals(KEPT_MARKER)) return { decisionId, payload: value.subarray(KEPT_MARKER.length) };
  const legacy = JSON.parse(value.toString('utf8')) as { decisionId: string; payload: string };
  return { decisionId: legacy.decisionId, payload: Buffer.from(legacy.payload, 'utf8') };
}
