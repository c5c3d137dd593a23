export { StoreUnavailableError } from './store.ts';
export type {
  ChangeNotice,
  CustomerStore,
  DecisionInputs,
  IngestResult,
  IngestStatus,
  ProfileExport,
  PutDecisionResult,
  StoreHealth,
  StoredDecisionRecord,
  ProfileVersions,
} from './store.ts';
export { InvalidEventError, StoreConflictError } from './errors.ts';

export { createStore } from './create-store.ts';
export type { CreateStoreOptions } from './create-store.ts';
export { createMemoryStore } from './memory/memory-store.ts';
export type { MemoryStoreOptions } from './memory/memory-store.ts';
export { createRedisStore } from './redis/redis-store.ts';
export type { RedisStoreOptions } from './redis/redis-store.ts';
export type { ConnectionOptions, RedisTarget } from './redis/connection.ts';
export type { ProfileCacheOptions } from './redis/profile-cache.ts';
export { createKeyLayout } from './redis/keys.ts';
export type { KeyLayout } from './redis/keys.ts';

export { DEFAULT_REGION, normalizeEmail, normalizeIdentifier, normalizeIdentifiers, normalizePhone } from './identity/normalize.ts';
export type { NormalizeOptions } from './identity/normalize.ts';
export { customerIdFor, hashIdentifier } from './identity/customer-id.ts';

export { channelSchema, createEventSchema, createOutcomeSchema, customEventTypeSchema, identifiersSchema } from './events/schema.ts';
export type { EventSchemaOptions } from './events/schema.ts';
export { commonPropertiesSchema, eventPropertiesSchemas, lineItemSchema } from './events/properties.ts';
export { InvalidBatchError, validateEventBatch, validateOutcomeBatch } from './events/validate-batch.ts';
export type { BatchOptions, BatchRejection, BatchValidation } from './events/validate-batch.ts';

export { applyEvent } from './projection/apply-event.ts';
export type { ApplyResult } from './projection/apply-event.ts';
export type { ApplyContext, StoredProfile } from './projection/draft.ts';
export { mergeInto, mergeProfiles, pickSurvivor } from './projection/merge-profiles.ts';
export { deriveSegments } from './projection/segments.ts';
export { AFFINITY_HALF_LIFE_MS, AFFINITY_WEIGHTS, LIMITS, VISIT_GAP_MS } from './projection/limits.ts';

export { createCatalogView } from './catalog/catalog-view.ts';
export type { CatalogData } from './catalog/catalog-view.ts';
