import type { PutDecisionResult, StoredDecisionRecord } from '../store.ts';
import type { RedisContext } from './context.ts';
import { runScript } from './scripts.ts';
import { DECISION_CAS } from './record-scripts.ts';

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

const KEPT_MARKER = Buffer.from('p:', 'latin1');

/** Keeps a decision by id (`ok:dec:<id>`) and lists it under the customer, so an erasure finds it. */
export async function saveDecision(ctx: RedisContext, record: StoredDecisionRecord, customerId: string, retentionSeconds: number): Promise<void> {
  const seconds = Math.max(1, Math.ceil(retentionSeconds));
  const now = ctx.now();
  const index = ctx.keys.decisionIndex(customerId);
  await Promise.all([
    // The payload as it is behind a marker (the id is in the key): wrapping it in JSON escaped every
    // quote of ~25 KB on each decision.
    ctx.client.set(ctx.keys.keptDecision(record.decisionId), Buffer.concat([KEPT_MARKER, record.payload]), 'EX', seconds),
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
