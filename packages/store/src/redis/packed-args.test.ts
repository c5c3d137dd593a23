import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import { runScript, script } from './scripts.ts';

const url: RedisTestContext['redisUrl'] = inject('redisUrl');

describe('packed script arguments', () => {
  const client = new Redis(url);
  afterAll(() => client.disconnect());
  const echo = script('echo-args', 'return ARGV', { packed: true });

  it('reach the script as the same strings, numbers as their decimal text', async () => {
    const long = 'x'.repeat(70_000);
    const args = ['', 'plain', 'é ünïcødé ✓ 🎉', '{"a":"b\\n"}', 42, -1.5, 1796294255115, long, 'tail'];
    expect(await runScript(client, echo, [], args)).toEqual(args.map(String));
  });

  it('grow past the first guess when most characters take several bytes', async () => {
    const args = Array.from({ length: 50 }, (_, i) => '🎉'.repeat(200 + i));
    expect(await runScript(client, echo, [], args)).toEqual(args);
  });

  it('may be none', async () => {
    expect(await runScript(client, echo, [], [])).toEqual([]);
  });
});
