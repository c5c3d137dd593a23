import { createHash } from 'node:crypto';
import type { RedisClient } from './connection.ts';
import { asBatch } from './timed-client.ts';

/** A Lua script, sent by SHA and loaded on first use on each node. */
export interface Script {
  readonly name: string;
  readonly source: string;
  readonly sha: string;
}

export function script(name: string, source: string): Script {
  return { name, source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * Runs a script (EVALSHA, falling back to EVAL when the node does not have it yet: NOSCRIPT means
 * it did not run, so sending it again is safe). All keys must share one hash tag. `batch`: the
 * script serves a whole batch, and gets the connection's longer batch timeout (see `asBatch`).
 */
export async function runScript(client: RedisClient, s: Script, keys: readonly string[], args: readonly (string | number | Buffer)[], batch = false): Promise<unknown> {
  const send = (run: () => Promise<unknown>) => (batch ? asBatch(client, run) : run());
  try {
    return await send(() => client.evalsha(s.sha, keys.length, ...keys, ...args));
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return send(() => client.eval(s.source, keys.length, ...keys, ...args));
    throw error;
  }
}

// Profile hash fields: `v` version, `m` merged into, `x` erased marker, `f:<name>` profile fields
// (`f:customerId` exists exactly when the profile does).

/**
 * The compare-and-set of customer writes, for one or many customers at once (many on one server,
 * one per call on a Cluster, where each customer's keys sit on their own slot). Per customer,
 * KEYS: profile, seen, events; ARGV after nowMs, expiresAtMs, maxEvents: expectedVersion,
 * newVersion, nFieldArgs, changed field/JSON pairs, nLists, per list delta (`f:name`, the stored
 * list's length, nSegments, segments: `r<start>:<end>` keeps stored entries start..end-1, anything
 * else is new entries' JSON; see list-delta.ts), n, n seen-ids, n event JSONs. A customer's write
 * applies only if its version is still the one its profile was computed from (so its lists are
 * the ones the deltas were computed against: a length that differs is a conflict too) and none
 * of its events was applied meanwhile. Returns per customer `ok`, `conflict`,
 * `moved:<pending 0|1>:<id>` or `erased:<0|1>`.
 */
export const COMMIT_MANY = script(
  'commit-many',
  `local out = {}
local now, exp, maxEvents = ARGV[1], ARGV[2], tonumber(ARGV[3])
-- Where each entry of a stored list starts and ends: one entry per line, so ",\\n" separates
-- them (JSON never holds a raw newline). Positions, not substrings: a kept range is then one
-- substring of the stored text (its entries with their separators), not one string per entry
-- joined again, which was most of this script's time on long lists.
local function bounds(text)
  local starts, ends, pos, last = {}, {}, 2, #text - 1
  if last < pos then return starts, ends end
  while true do
    local s = string.find(text, ',\\n', pos, true)
    starts[#starts + 1] = pos
    if not s or s > last then
      ends[#ends + 1] = last
      return starts, ends
    end
    ends[#ends + 1] = s - 1
    pos = s + 2
  end
end
local a = 4
for i = 1, #KEYS / 3 do
  local kp, ks, ke = KEYS[3 * i - 2], KEYS[3 * i - 1], KEYS[3 * i]
  local expected, newV, nf = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2])
  local fields = a + 3
  local nl = tonumber(ARGV[fields + nf])
  local lists = fields + nf + 1
  a = lists
  for _ = 1, nl do a = a + 3 + tonumber(ARGV[a + 2]) end
  local n = tonumber(ARGV[a])
  local ids = a + 1
  local evs = ids + n
  a = evs + n
  local status = 'ok'
  local h = redis.call('HMGET', kp, 'v', 'm', 'x')
  local moved, erased = h[2], h[3]
  if moved then
    status = 'moved:' .. redis.call('HEXISTS', kp, 'f:customerId') .. ':' .. moved
  elseif erased == '1' or (erased == '0' and expected ~= '0') then
    status = 'erased:' .. erased
  else
    if erased then
      redis.call('DEL', kp)
      h[1] = false
    end
    if (h[1] or '0') ~= expected then
      status = 'conflict'
    else
      for j = 0, n - 1 do
        local score = redis.call('ZSCORE', ks, ARGV[ids + j])
        if score and tonumber(score) > tonumber(now) then status = 'conflict' break end
      end
      local set = {'v', newV}
      if status == 'ok' then
        local l = lists
        for _ = 1, nl do
          local name, count, ns = ARGV[l], tonumber(ARGV[l + 1]), tonumber(ARGV[l + 2])
          local text = redis.call('HGET', kp, name) or '[]'
          local starts, ends = bounds(text)
          if #starts ~= count then status = 'conflict' break end
          local parts = {}
          for k = l + 3, l + 2 + ns do
            local seg = ARGV[k]
            if string.byte(seg, 1) == 114 then
              local from, to = string.match(seg, '^r(%d+):(%d+)$')
              from, to = tonumber(from) + 1, tonumber(to)
              if from <= to then parts[#parts + 1] = string.sub(text, starts[from], ends[to]) end
            else
              parts[#parts + 1] = seg
            end
          end
          set[#set + 1] = name
          set[#set + 1] = '[' .. table.concat(parts, ',\\n') .. ']'
          l = l + 3 + ns
        end
      end
      if status == 'ok' then
        for k = fields, fields + nf - 1 do set[#set + 1] = ARGV[k] end
        redis.call('HSET', kp, unpack(set))
        local length = 0
        for j = 0, n - 1 do
          redis.call('ZADD', ks, exp, ARGV[ids + j])
          length = redis.call('LPUSH', ke, ARGV[evs + j])
        end
        -- Trim and prune now and then rather than on every write: the bounds are loose by design.
        if length > maxEvents + 50 then redis.call('LTRIM', ke, 0, maxEvents - 1) end
        if math.random(32) == 1 then redis.call('ZREMRANGEBYSCORE', ks, '-inf', now) end
      end
    end
  end
  out[i] = status
end
return out`,
);

/**
 * Reads customers' profile hashes and which of the given ids they have applied, in one call.
 * KEYS per customer: profile, seen. ARGV: nowMs, then per customer n and n seen-ids.
 * Returns per customer {flags, hgetall} (flags: one '0'/'1' per id).
 */
export const READ_MANY = script(
  'read-many',
  `local out = {}
local now = tonumber(ARGV[1])
local a = 2
for i = 1, #KEYS / 2 do
  local n = tonumber(ARGV[a])
  a = a + 1
  local flags = {}
  for j = 1, n do
    local score = redis.call('ZSCORE', KEYS[2 * i], ARGV[a])
    a = a + 1
    flags[j] = (score and tonumber(score) > now) and '1' or '0'
  end
  out[i] = {table.concat(flags), redis.call('HGETALL', KEYS[2 * i - 1])}
end
return out`,
);

/** Claims identity keys: each free KEYS[i] is set to ARGV[i]; returns per key its previous owner or ''. */
export const CLAIM = script(
  'claim',
  `local out = {}
for i = 1, #KEYS do
  local current = redis.call('GET', KEYS[i])
  if current then
    out[i] = current
  else
    redis.call('SET', KEYS[i], ARGV[i])
    out[i] = ''
  end
end
return out`,
);
