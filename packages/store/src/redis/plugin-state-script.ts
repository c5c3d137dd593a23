import { script } from './scripts.ts';

/**
 * The writes of a plugin's state queued in one tick, run as one script: one round trip and one
 * command for a whole batch of observations instead of one per increment. Every key is under the
 * plugin's hash tag (one Cluster slot). KEYS[1]: the plugin's key index; KEYS[2…]: its keys.
 * ARGV: records `op, keyIndex, argCount, args…`, in call order. Returns one reply per record.
 * Ops: `idx` (add `args[1]` to the index), `set`, `incr`, `hincr`, `hmany` (field/by pairs),
 * `zincr` (member, by), `del` (the key and its index entry `args[1]`). A failed write's reply is
 * `{error message}`; the others still apply. Arguments travel packed (packed-args.ts).
 */
export const PLUGIN_WRITES = script(
  'plugin-writes',
  `local out = {}
local a, n = 1, 0
while a <= #ARGV do
  local op, k, c = ARGV[a], KEYS[tonumber(ARGV[a + 1])], tonumber(ARGV[a + 2])
  local p = a + 3
  a = p + c
  n = n + 1
  local r = 0
  if op == 'idx' then r = redis.pcall('SADD', KEYS[1], ARGV[p])
  elseif op == 'set' then r = redis.pcall('SET', k, ARGV[p])
  elseif op == 'incr' then r = redis.pcall('INCRBYFLOAT', k, ARGV[p])
  elseif op == 'hincr' then r = redis.pcall('HINCRBYFLOAT', k, ARGV[p], ARGV[p + 1])
  elseif op == 'hmany' then
    for i = p, p + c - 1, 2 do
      r = redis.pcall('HINCRBYFLOAT', k, ARGV[i], ARGV[i + 1])
      if type(r) == 'table' and r.err then break end
    end
  elseif op == 'zincr' then r = redis.pcall('ZINCRBY', k, ARGV[p + 1], ARGV[p])
  elseif op == 'del' then
    r = redis.pcall('DEL', k)
    redis.pcall('SREM', KEYS[1], ARGV[p])
  end
  -- One write failing (WRONGTYPE) fails that write only, as it would have on its own.
  if type(r) == 'table' and r.err then out[n] = {r.err}
  elseif op == 'incr' or op == 'hincr' or op == 'zincr' then out[n] = r
  else out[n] = 0 end
end
return out`,
  { packed: true },
);
