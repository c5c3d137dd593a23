import type { BuiltinPlugins } from '@omnikernel/kernel';

/**
 * The built-in plugins by name. They are ordinary plugin packages (they import only the SDK);
 * listing them here lets a configuration name them without a path, and lets the bundler see them.
 */
export const builtinPlugins: BuiltinPlugins = {
  recommendations: () => import('@omnikernel/plugin-recommendations'),
  'geo-time-offers': () => import('@omnikernel/plugin-geo-time-offers'),
  'next-best-offer': () => import('@omnikernel/plugin-next-best-offer'),
  'email-content': () => import('@omnikernel/plugin-email-content'),
};
