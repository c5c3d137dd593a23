import { z } from 'zod';
import { SCOPES } from '../auth/scopes.ts';
import { contactPolicySchema } from '../schemas/catalog.ts';

const pluginEntry = z.union([
  z.string().min(1),
  z.strictObject({
    plugin: z.string().min(1),
    options: z.unknown().optional(),
    optional: z.boolean().optional(),
    weight: z.number().nonnegative().optional(),
    timeoutMs: z.number().int().positive().optional(),
  }),
]);

export const apiKeySchema = z.strictObject({ key: z.string().min(16, 'API keys need at least 16 characters'), scopes: z.array(z.enum(SCOPES)).min(1), name: z.string().optional() });

export const BUILT_IN_PLUGIN_NAMES = ['recommendations', 'geo-time-offers', 'next-best-offer', 'email-content'] as const;

/** Everything the gateway can be configured with (file, then environment). */
export const settingsSchema = z.strictObject({
  port: z.number().int().min(0).max(65535).default(3000),
  host: z.string().default('0.0.0.0'),
  redisUrl: z.string().optional(),
  redisClusterNodes: z.array(z.string()).optional(),
  demo: z.boolean().optional(),
  plugins: z.array(pluginEntry).default([...BUILT_IN_PLUGIN_NAMES]),
  apiKeys: z.array(apiKeySchema).default([]),
  weights: z.record(z.string(), z.number().nonnegative()).default({}),
  maxRecommendations: z.number().int().min(1).max(100).default(10),
  maxOffers: z.number().int().min(1).max(50).default(5),
  decisionMinAgeMs: z.number().int().nonnegative().default(60_000),
  decisionTtlMs: z.number().int().positive().default(30 * 60_000),
  decisionRetentionDays: z.number().positive().default(7),
  contactPolicy: contactPolicySchema.default({}),
  channels: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
  defaultRegion: z.string().length(2).default('GB'),
  catalogFiles: z.strictObject({ products: z.string().optional(), stores: z.string().optional(), offers: z.string().optional() }).default({}),
  publicUrl: z.string().url().optional(),
  signingSecret: z.string().min(32).optional(),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  shutdownTimeoutMs: z.number().int().positive().default(10_000),
});

export type Settings = z.output<typeof settingsSchema>;

/** Each setting's environment variable, with what it means (printed by --help). */
export const ENVIRONMENT: readonly { name: string; setting: keyof Settings | 'config'; help: string; parse: 'int' | 'string' | 'bool' | 'json' | 'list' }[] = [
  { name: 'OMNIKERNEL_CONFIG', setting: 'config', help: 'path of the JSON configuration file (default ./omnikernel.config.json when present)', parse: 'string' },
  { name: 'PORT', setting: 'port', help: 'HTTP port (default 3000)', parse: 'int' },
  { name: 'HOST', setting: 'host', help: 'interface to listen on (default 0.0.0.0)', parse: 'string' },
  { name: 'REDIS_URL', setting: 'redisUrl', help: 'redis://host:port — use the Redis store', parse: 'string' },
  { name: 'REDIS_CLUSTER_NODES', setting: 'redisClusterNodes', help: 'host:port,host:port — use the Redis Cluster store', parse: 'list' },
  { name: 'OMNIKERNEL_DEMO', setting: 'demo', help: '1: load the demo retailer into the store (default on the in-memory store); 0: do not', parse: 'bool' },
  { name: 'OMNIKERNEL_API_KEYS', setting: 'apiKeys', help: 'JSON array of {"key","scopes":[…]}', parse: 'json' },
  { name: 'OMNIKERNEL_PLUGINS', setting: 'plugins', help: 'JSON array of plugin entries (replaces the configuration file\'s)', parse: 'json' },
  { name: 'OMNIKERNEL_WEIGHTS', setting: 'weights', help: 'JSON object of ranking weight per plugin', parse: 'json' },
  { name: 'OMNIKERNEL_MAX_RECOMMENDATIONS', setting: 'maxRecommendations', help: 'recommendations per decision (default 10)', parse: 'int' },
  { name: 'OMNIKERNEL_MAX_OFFERS', setting: 'maxOffers', help: 'offers per decision (default 5)', parse: 'int' },
  { name: 'OMNIKERNEL_DECISION_MIN_AGE_MS', setting: 'decisionMinAgeMs', help: 'views renew a decision at most this often (default 60000)', parse: 'int' },
  { name: 'OMNIKERNEL_DECISION_TTL_MS', setting: 'decisionTtlMs', help: 'a decision expires at the latest after this (default 1800000)', parse: 'int' },
  { name: 'OMNIKERNEL_CHANNELS', setting: 'channels', help: 'extra custom channel names, comma-separated', parse: 'list' },
  { name: 'OMNIKERNEL_DEFAULT_REGION', setting: 'defaultRegion', help: 'ISO country for phone numbers without a country code (default GB)', parse: 'string' },
  { name: 'OMNIKERNEL_PUBLIC_URL', setting: 'publicUrl', help: 'absolute base URL of this gateway, for links in e-mail and screen pops', parse: 'string' },
  { name: 'OMNIKERNEL_SIGNING_SECRET', setting: 'signingSecret', help: 'secret (≥ 32 chars) for signed URL tokens; share it across instances', parse: 'string' },
  { name: 'LOG_LEVEL', setting: 'logLevel', help: 'debug | info | warn | error | silent (default info)', parse: 'string' },
];
