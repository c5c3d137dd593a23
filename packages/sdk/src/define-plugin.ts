import type { z } from 'zod';
import { API_VERSION } from './api-version.ts';
import type { PluginDefinition, PluginSpec } from './types/plugin.ts';

/**
 * Declares a plugin. An identity function that brands the spec so the kernel recognises it
 * (by the brand, never `instanceof`: two copies of the SDK still work) and infers option types.
 * The kernel checks everything else at load and reports every problem at once.
 *
 * @example
 * import { definePlugin } from '@omnikernel/sdk';
 * import { z } from 'zod';
 *
 * export default definePlugin({
 *   name: 'free-shipping',
 *   version: '1.0.0',
 *   apiVersion: 1,
 *   stage: 'propose',
 *   options: z.object({ offerId: z.string().default('free-shipping') }),
 *   decide: ({ profile, options }) =>
 *     profile.cart ? { offers: [{ offerId: options.offerId, score: 0.4, reasons: ['You have items in your cart'] }] } : {},
 * });
 */
export function definePlugin<TSchema extends z.ZodType = z.ZodType, TSnapshot = unknown>(
  spec: PluginSpec<TSchema, TSnapshot>,
): PluginDefinition<TSchema, TSnapshot> {
  return Object.freeze({ ...spec, $$type: 'omnikernel.plugin' as const, $$sdkApiVersion: API_VERSION });
}

/** True when `value` was made by `definePlugin` (of any SDK copy). */
export function isPluginDefinition(value: unknown): value is PluginDefinition {
  return typeof value === 'object' && value !== null && (value as { $$type?: unknown }).$$type === 'omnikernel.plugin';
}
