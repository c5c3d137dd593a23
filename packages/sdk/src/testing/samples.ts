// Plugins the kit's own tests run: one that keeps the contract and one per way to break it.
// Not exported from the kit.
import { z } from 'zod';
import { definePlugin } from '../define-plugin.ts';
import type { Contribution } from '../types/contribution.ts';
import type { DecideInput } from '../types/plugin.ts';

const base = { version: '1.0.0', apiVersion: 1, stage: 'propose' as const, timeoutMs: 40 };

/** Recommends the customer's viewed products, then popular ones from its snapshot; learns views. */
export const goodPlugin = definePlugin({
  ...base,
  name: 'good-views',
  options: z.object({ limit: z.number().int().positive().default(3) }),
  observe: async (observation, { state }) => {
    if (observation.kind !== 'event' || observation.event.type !== 'product_viewed') return;
    const productId = observation.event.properties.productId;
    if (typeof productId === 'string') await state.zincr('views', productId);
  },
  snapshot: { build: async ({ state }) => (await state.ztop('views', 10)).map((e) => e.member) },
  decide: ({ profile, options, snapshot, signal }: DecideInput<{ limit: number }, string[]>): Contribution => {
    if (signal.aborted) return {};
    const ids = [...new Set([...profile.recentlyViewed.map((v) => v.productId), ...(snapshot?.data ?? [])])];
    return { items: ids.slice(0, options.limit).map((productId, i) => ({ productId, score: 1 / (i + 1), reasons: ['Viewed'] })) };
  },
});

export const randomPlugin = definePlugin({
  ...base,
  name: 'uses-math-random',
  decide: () => ({ offers: [{ offerId: 'o-welcome', score: Math.random(), reasons: [] }] }),
});

export const mutatingPlugin = definePlugin({
  ...base,
  name: 'sorts-in-place',
  decide: ({ profile }) => {
    (profile.recentlyViewed as unknown as { at: string }[]).sort((a, b) => a.at.localeCompare(b.at));
    return {};
  },
});

export const hangingPlugin = definePlugin({
  ...base,
  name: 'never-settles',
  timeoutMs: 20,
  decide: () => new Promise<Contribution>(() => {}),
});

/** Waits its time out, then stops when told to: passes the abort check. */
export const patientPlugin = definePlugin({
  ...base,
  name: 'honours-abort',
  timeoutMs: 20,
  decide: ({ signal }) =>
    new Promise<Contribution>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      // Within budget when nobody aborts it.
      setTimeout(() => resolve({}), 1);
    }),
});

export const invalidOutputPlugin = definePlugin({
  ...base,
  name: 'invalid-output',
  decide: () => ({ items: [{ productId: 'p-kettle', score: 1.5, reasons: ['too sure'], colour: 'red' }] }) as unknown as Contribution,
});

export const throwingPlugin = definePlugin({
  ...base,
  name: 'always-throws',
  decide: () => {
    throw new Error('database is down');
  },
});

export const optionsWithoutDefaults = definePlugin({
  ...base,
  name: 'needs-api-key',
  options: z.object({ apiKey: z.string().min(8) }),
  decide: () => ({}),
});

export const badObserver = definePlugin({
  ...base,
  name: 'bad-observer',
  observe: (observation) => {
    if (observation.kind === 'event') (observation.event as { seen?: boolean }).seen = true;
    else throw new Error('unknown outcome');
  },
  snapshot: { build: async () => ({ builtAt: performance.now() }) },
  decide: () => ({}),
});

export const unknownIdsPlugin = definePlugin({
  ...base,
  name: 'unknown-ids',
  decide: () => ({ offers: [{ offerId: 'o-does-not-exist', score: 0.5, reasons: [] }] }),
});

/** A compose plugin reading the draft decision. */
export const composePlugin = definePlugin({
  ...base,
  name: 'compose-titles',
  stage: 'compose',
  decide: ({ decision }) => ({
    content: [{ id: 'titles', kind: 'text', text: (decision?.offers ?? []).map((o) => o.title).join('\n') }],
  }),
});
