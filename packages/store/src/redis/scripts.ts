import { createHash } from 'node:crypto';
import type { RedisClient } from './connection.ts';
import { packArgs, UNPACK_ARGV } from './packed-args.ts';
import { scriptCommand } from './prebuilt-command.ts';
import { asBatch } from './timed-client.ts';

/** A Lua script, sent by SHA and loaded on first use on each node. */
export interface Script {
  readonly name: string;
  readonly source: string;
  readonly sha: string;
  /** Its arguments travel packed in one (see packed-args.ts); the source reads them from `ARGV` as usual. */
  readonly packed: boolean;
}

/** A script; `packed` for one that takes thousands of arguments (a batch's). */
export function script(name: string, source: string, options: { readonly packed?: boolean } = {}): Script {
  const packed = options.packed === true;
  const full = packed ? UNPACK_ARGV + source : source;
  return { name, source: full, sha: createHash('sha1').update(full).digest('hex'), packed };
}

/**
 * Whether a packed call may skip ioredis' command methods: they add a `keyPrefix` to the keys and
 * may queue the command for auto-pipelining, neither of which a command sent as it is gets. The
 * store sets neither (connection.ts); should one be set, packed calls go through ioredis as well.
 */
function writesOwnCommands(client: RedisClient): boolean {
  const options = client.options as { keyPrefix?: string; enableAutoPipelining?: boolean };
  return !options.keyPrefix && !options.enableAutoPipelining;
}

/**
 * Runs a script (EVALSHA, falling back to EVAL when the node does not have it yet: NOSCRIPT means
 * it did not run, so sending it again is safe). All keys must share one hash tag. `batch`: the
 * script serves a whole batch, and gets the connection's longer batch timeout (see `asBatch`).
 */
export async function runScript(client: RedisClient, s: Script, keys: readonly string[], args: readonly (string | number | Buffer)[], batch = false): Promise<unknown> {
  const send = (run: () => Promise<unknown>) => (batch ? asBatch(client, run) : run());
  const packed = s.packed ? packArgs(args as readonly (string | number)[]) : null;
  let evalsha: () => Promise<unknown>;
  let evalSource: () => Promise<unknown>;
  if (packed !== null && writesOwnCommands(client)) {
    // The command's bytes are written once, here (prebuilt-command.ts).
    const run = (name: 'evalsha' | 'eval', head: string) => {
      const command = scriptCommand(name, head, keys, packed);
      client.sendCommand(command);
      return command.promise;
    };
    evalsha = () => run('evalsha', s.sha);
    evalSource = () => run('eval', s.source);
  } else {
    // One array, not thousands of spread arguments: ioredis flattens it into the command.
    const flat = [...keys, ...(packed !== null ? [packed] : args)] as Array<string | Buffer>; // numbers are sent as their decimal text, as when spread
    evalsha = () => client.evalsha(s.sha, keys.length, flat);
    evalSource = () => client.eval(s.source, keys.length, flat);
  }
  try {
    return await send(evalsha);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return send(evalSource);
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
 * text's byte length, nSegments, segments: `k<from>:<to>` keeps bytes from..to-1 (0-based) of the
 * stored text, whole entries with their separators; anything else is new entries' JSON; see
 * list-delta.ts), n, n seen-ids, n event JSONs. A customer's write applies only if its version is
 * still the one its profile was computed from (so its lists are the ones the deltas were computed
 * against: a stored text of another length is a conflict too) and none of its events was applied
 * meanwhile. Returns per customer `ok`, `conflict`, `moved:<pending 0|1>:<id>` or `erased:<0|1>`.
 * Arguments travel packed (packed-args.ts).
 */
export const COMMIT_MANY = script(
  'commit-many',
  `local out = {}
local now, exp, maxEvents = ARGV[1], ARGV[2], tonumber(ARGV[3])
local nowN = tonumber(now)
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
  -- The control fields and the stored texts of the lists sent as deltas, in one read.
  local ask = {'v', 'm', 'x'}
  local l = lists
  for _ = 1, nl do
    ask[#ask + 1] = ARGV[l]
    l = l + 3 + tonumber(ARGV[l + 2])
  end
  local h = redis.call('HMGET', kp, unpack(ask))
  local moved, erased = h[2], h[3]
  if moved then
    status = 'moved:' .. redis.call('HEXISTS', kp, 'f:customerId') .. ':' .. moved
  elseif erased == '1' or (erased == '0' and expected ~= '0') then
    status = 'erased:' .. erased
  else
    if erased then
      redis.call('DEL', kp)
      for k = 1, #ask do h[k] = false end
    end
    if (h[1] or '0') ~= expected then
      status = 'conflict'
    else
      for j = 0, n - 1 do
        local score = redis.call('ZSCORE', ks, ARGV[ids + j])
        if score and tonumber(score) > nowN then status = 'conflict' break end
      end
      local set = {'v', newV}
      if status == 'ok' then
        l = lists
        for li = 1, nl do
          local name, bytes, ns = ARGV[l], tonumber(ARGV[l + 1]), tonumber(ARGV[l + 2])
          local text = h[3 + li] or '[]'
          if #text ~= bytes then status = 'conflict' break end
          local parts = {'['}
          for k = l + 3, l + 2 + ns do
            local seg = ARGV[k]
            if k > l + 3 then parts[#parts + 1] = ',\\n' end
            if string.byte(seg, 1) == 107 then
              local from, to = string.match(seg, '^k(%d+):(%d+)$')
              parts[#parts + 1] = string.sub(text, tonumber(from) + 1, tonumber(to))
            else
              parts[#parts + 1] = seg
            end
          end
          parts[#parts + 1] = ']'
          set[#set + 1] = name
          set[#set + 1] = table.concat(parts)
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
  { packed: true },
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
