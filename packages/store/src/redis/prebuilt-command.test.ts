import { Command, Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import { packArgs } from './packed-args.ts';
import { scriptCommand } from './prebuilt-command.ts';
import { runScript, script } from './scripts.ts';

const url: RedisTestContext['redisUrl'] = inject('redisUrl');

describe('a script command built in one buffer', () => {
  it('is byte for byte what ioredis writes for the same command', () => {
    const keys = ['ok:{c:c_1}:profile', 'ok:{c:c_1}:seen', 'ok:{i:é✓}:events', ''];
    const packed = packArgs(['a', 42, 'x'.repeat(70_000), '🎉']);
    for (const [name, head] of [['evalsha', 'f'.repeat(40)], ['eval', 'return { KEYS, ARGV } -- ü']] as const) {
      const ours = scriptCommand(name, head, keys, packed).toWritable(undefined as never) as Buffer;
      const theirs = new Command(name, [head, String(keys.length), ...keys, packed]).toWritable(undefined as never) as Buffer;
      expect(ours.equals(theirs)).toBe(true);
    }
  });

  describe('against Redis', () => {
    const client = new Redis(url);
    afterAll(() => client.disconnect());
    const keysAndArgs = script('keys-and-args', 'return { KEYS, ARGV }', { packed: true });

    it('reaches the script with its keys and arguments, loaded by EVAL when the server does not know it', async () => {
      await client.script('FLUSH');
      const keys = ['k:é', 'k:2'];
      const args = ['one', 2, 'three ✓'];
      expect(await runScript(client, keysAndArgs, keys, args)).toEqual([keys, args.map(String)]);
      // Loaded now: the next call goes by EVALSHA.
      expect(await runScript(client, keysAndArgs, keys, ['again'])).toEqual([keys, ['again']]);
      expect(await client.script('EXISTS', keysAndArgs.sha)).toEqual([1]);
    });

    it('goes through ioredis for a client that prefixes its keys, so the prefix is kept', async () => {
      const prefixed = new Redis(url, { keyPrefix: 'pfx:' });
      try {
        expect(await runScript(prefixed, keysAndArgs, ['k:1'], ['a'])).toEqual([['pfx:k:1'], ['a']]);
      } finally {
        prefixed.disconnect();
      }
    });
  });
});
