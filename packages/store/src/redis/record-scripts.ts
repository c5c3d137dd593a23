import { script } from './scripts.ts';

// Scripts of outcomes, decisions and locks: each touches one slot.

/**
 * Records an outcome once. KEYS: profile, seen, contacts. ARGV: seenId, expiresAtMs, nowMs,
 * contactJson, maxContacts, material ('1'/'0'). A material one bumps the profile's version and
 * materialVersion in place (no read, no retry). Returns {'accepted'|'duplicate'} or {'moved', id}.
 */
export const OUTCOME = script(
  'outcome',
  `local moved = redis.call('HGET', KEYS[1], 'm')
if moved then return {'moved', moved} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return {'duplicate'} end
if ARGV[6] == '1' and redis.call('HEXISTS', KEYS[1], 'f:customerId') == 1 then
  local v = redis.call('HINCRBY', KEYS[1], 'v', 1)
  redis.call('HSET', KEYS[1], 'f:version', v, 'f:materialVersion', v)
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('LPUSH', KEYS[3], ARGV[4])
redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[5]) - 1)
return {'accepted'}`,
);

/**
 * A compare-and-set of the current decision, with `onWin` (Lua) run when it wins. KEYS[1]: the
 * decision. ARGV: expectNone ('1'/'0'), expectedId, newId, payload, ttlSeconds, then onWin's own.
 * Returns {1} or {0[, currentId, currentPayload]}.
 */
function decisionCas(onWin: string): string {
  return `local cur = redis.call('HGET', KEYS[1], 'id')
if (ARGV[1] == '1' and not cur) or (ARGV[1] == '0' and cur == ARGV[2]) then
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'id', ARGV[3], 'p', ARGV[4])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[5]))${onWin}
  return {1}
end
if not cur then return {0} end
return {0, cur, redis.call('HGET', KEYS[1], 'p')}`;
}

/** Compare-and-set of the current decision alone (see decisionCas). */
export const DECISION_CAS = script('decision-cas', decisionCas(''));

/**
 * The compare-and-set, and when it wins, what keeping a new current decision takes on the
 * customer's slot, in the same call: the decision listed in the customer's index (for erasure),
 * expired entries dropped, and the change notice published. KEYS: decision, decision index, and on
 * a single server (where a script may touch any key) the kept copy's key. ARGV: as DECISION_CAS,
 * then indexExpiresAtMs, nowMs, channel, message, retentionSeconds (with the kept key: the kept
 * copy is written here too, as KEPT_MARKER then the payload).
 */
export const DECISION_COMMIT = script(
  'decision-commit',
  decisionCas(`
  redis.call('ZADD', KEYS[2], ARGV[6], ARGV[3])
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[7])
  if KEYS[3] then redis.call('SET', KEYS[3], 'p:' .. ARGV[4], 'EX', tonumber(ARGV[10])) end
  redis.call('PUBLISH', ARGV[8], ARGV[9])`),
);

/**
 * What a recomputation reads besides the profile, in one call. KEYS: profile, contacts, decision.
 * Returns {'moved', id} for a merged-away id, else {'ok', currentDecisionId or false, contacts}.
 */
export const DECISION_INPUTS = script(
  'decision-inputs',
  `local moved = redis.call('HGET', KEYS[1], 'm')
if moved then return {'moved', moved} end
return {'ok', redis.call('HGET', KEYS[3], 'id'), redis.call('LRANGE', KEYS[2], 0, -1)}`,
);

/** Deletes KEYS[1] only if it still holds ARGV[1] (a lock token, or the customer an identity key points to). */
export const DELETE_IF = script(
  'delete-if',
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`,
);

