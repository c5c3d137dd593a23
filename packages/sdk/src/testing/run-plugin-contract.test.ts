import { describe, expect, it } from 'vitest';
import { runPluginContract, type TestApi } from './run-plugin-contract.ts';
import { goodPlugin, randomPlugin } from './samples.ts';

// The kit registering its suite in vitest, as a plugin author would call it.
runPluginContract(goodPlugin, { describe, it, expect });

describe('runPluginContract', () => {
  it('registers one test per check and fails only the broken ones, with the kit messages', async () => {
    const tests: { name: string; body: () => Promise<void> }[] = [];
    let suite = '';
    const fake: TestApi = {
      describe: (name, body) => {
        suite = name;
        body();
      },
      it: (name, body) => tests.push({ name, body }),
      expect: (actual) => ({
        toEqual: (expected) => {
          if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(String((actual as string[])[0]));
        },
      }),
    };
    runPluginContract(randomPlugin, fake);
    expect(suite).toBe('plugin contract: uses-math-random');
    expect(tests).toHaveLength(9);
    const results = await Promise.allSettled(tests.map((t) => t.body()));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [tests[i]!.name] : []));
    expect(failed).toEqual(['is deterministic: the same input gives the same output']);
    const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as Error;
    expect(reason.message).toMatch(/plugin 'uses-math-random': decide is not deterministic/);
  });
});
