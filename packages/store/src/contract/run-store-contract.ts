import type { CustomerStore } from '../store.ts';
import type { ContractContext, VitestApi } from './fixtures.ts';
import { catalogSection } from './sections/catalog.ts';
import { concurrencySection } from './sections/concurrency.ts';
import { decisionsSection } from './sections/decisions.ts';
import { erasureSection } from './sections/erasure.ts';
import { identitySection } from './sections/identity.ts';
import { mergeSection } from './sections/merge.ts';
import { outcomesSection } from './sections/outcomes.ts';
import { pluginStateSection } from './sections/plugin-state.ts';
import { projectionSection } from './sections/projection.ts';

/**
 * The contract every `CustomerStore` passes (keyv test-suite style: vitest is a parameter).
 * Each test makes a fresh store with `makeStore` and uses identifiers of its own, so stores
 * sharing a Redis need no flush between tests; the store is closed after each test.
 *
 * @example
 * import { afterEach, beforeEach, describe, expect, it } from 'vitest';
 * import { runStoreContract } from '@omnikernel/store/contract';
 * runStoreContract('memory', async () => createMemoryStore(), { describe, it, expect, beforeEach, afterEach });
 */
export function runStoreContract(name: string, makeStore: () => Promise<CustomerStore>, vitest: VitestApi): void {
  vitest.describe(`CustomerStore contract: ${name}`, () => {
    let current: CustomerStore | undefined;
    vitest.beforeEach(async () => {
      current = await makeStore();
    });
    vitest.afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    const ctx: ContractContext = {
      t: vitest,
      store: () => {
        if (current === undefined) throw new Error('the contract suite has no store: makeStore() did not resolve');
        return current;
      },
    };
    identitySection(ctx);
    projectionSection(ctx);
    mergeSection(ctx);
    erasureSection(ctx);
    catalogSection(ctx);
    decisionsSection(ctx);
    outcomesSection(ctx);
    pluginStateSection(ctx);
    concurrencySection(ctx);
  });
}
