import { script } from './scripts.ts';

// Scripts of merges and erasures: each touches one customer's keys (one hash tag).

// Shared preamble of single-customer writes: a merged-away customer redirects, an erased one refuses.
const GUARD = `
local moved = redis.call('HGET', KEYS[1], 'm')
if moved then return {'moved', moved, redis.call('HEXISTS', KEYS[1], 'f:customerId')} end
local erased = redis.call('HGET', KEYS[1], 'x')
if erased == '1' or (erased == '0' and ARGV[1] ~= '0') then return {'erased', erased} end
if erased then redis.call('DEL', KEYS[1]) end
if (redis.call('HGET', KEYS[1], 'v') or '0') ~= ARGV[1] then return {'conflict'} end
`;

/**
 * Absorbs a merged customer's data into the survivor. KEYS: profile, seen, events, contacts, decisionIndex.
 * ARGV: expectedVersion, newVersion, maxEvents, maxContacts, nFieldArgs, nSeen, nEvents, nContacts,
 * nDecisions, then field/JSON pairs, seen (member, score) pairs, events, contacts, decision (member, score) pairs.
 */
export const ABSORB = script(
  'absorb',
  `${GUARD}
local nf, nSeen, nEvents, nContacts, nDec = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
redis.call('HSET', KEYS[1], 'v', ARGV[2], unpack(ARGV, 10, 9 + nf))
local i = 10 + nf
for _ = 1, nSeen do redis.call('ZADD', KEYS[2], ARGV[i + 1], ARGV[i]); i = i + 2 end
for _ = 1, nEvents do redis.call('RPUSH', KEYS[3], ARGV[i]); i = i + 1 end
for _ = 1, nContacts do redis.call('RPUSH', KEYS[4], ARGV[i]); i = i + 1 end
for _ = 1, nDec do redis.call('ZADD', KEYS[5], ARGV[i + 1], ARGV[i]); i = i + 2 end
redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[3]) - 1)
redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[4]) - 1)
return {'ok'}`,
);

/**
 * Marks a customer as merged into ARGV[1] (bumping its version so in-flight writers fail their
 * compare-and-set and follow the pointer) and returns its hash as of that instant.
 */
export const TOMBSTONE = script(
  'tombstone',
  `local m = redis.call('HGET', KEYS[1], 'm')
if m and m ~= ARGV[1] then return {'other', m} end
if redis.call('HEXISTS', KEYS[1], 'x') == 1 then return {'erased'} end
if not m then
  redis.call('HSET', KEYS[1], 'm', ARGV[1])
  redis.call('HINCRBY', KEYS[1], 'v', 1)
end
return {'ok', redis.call('HGETALL', KEYS[1])}`,
);

/** Drops a merged customer's data once the survivor holds it, keeping the tombstone (`m`, `v`). KEYS: profile, seen, events, contacts, decision, decisionIndex. */
export const CLEANUP = script(
  'cleanup',
  `local m = redis.call('HGET', KEYS[1], 'm')
if not m then return 0 end
local v = redis.call('HGET', KEYS[1], 'v') or '1'
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
redis.call('HSET', KEYS[1], 'm', m, 'v', v)
return 1`,
);

/**
 * Erases a customer's keys and leaves a short-lived marker in the profile hash (`x` = '1' when
 * suppressed, '0' otherwise) so writers already in flight do not resurrect it.
 * KEYS: profile, seen, events, contacts, decision, decisionIndex. ARGV: marker, markerTtlSeconds.
 */
export const ERASE = script(
  'erase',
  `redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
redis.call('HSET', KEYS[1], 'x', ARGV[1])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1`,
);
