export { API_VERSION, SUPPORTED_API_VERSIONS } from './api-version.ts';
export { definePlugin, isPluginDefinition } from './define-plugin.ts';
export { contributionSchema } from './contribution-schema.ts';
export { createToken, tokens } from './tokens.ts';
export type { Token, ServiceResolver } from './tokens.ts';
export { ErrorCodes, OmnikernelError, FatalPluginError, AggregatePluginError } from './errors.ts';
export type { ErrorCode } from './errors.ts';
export { createSeededRandom } from './runtime/seeded-random.ts';
export { createFrozenClock } from './runtime/frozen-clock.ts';
export { deepFreeze } from './runtime/deep-freeze.ts';
export { createEmptyProfile } from './runtime/empty-profile.ts';
export { distanceKm } from './runtime/geo.ts';
export { isTimeZone } from './runtime/time-zone.ts';
export { createPairMemo, type PairMemo } from './runtime/pair-memo.ts';
export { timeSlices } from './runtime/time-slices.ts';
export { IDENTIFIER_TYPES, BUILT_IN_CHANNELS } from './types/identifiers.ts';
export type { IdentifierType, Identifiers, Channel } from './types/identifiers.ts';
export type {
  Stock,
  Product,
  LocalTime,
  Weekday,
  TimeWindow,
  Store,
  ContactPolicy,
  OfferEligibility,
  Offer,
  CatalogView,
} from './types/catalog.ts';
export type {
  LineItem,
  PurchaseRecord,
  ProductView,
  VisitRecord,
  ConversationRecord,
  CartState,
  AbandonedCart,
  Affinity,
  KnownLocation,
  RecentEvent,
  Profile,
} from './types/profile.ts';
export { BUILT_IN_EVENT_TYPES, OUTCOME_TYPES } from './types/events.ts';
export type { BuiltInEventType, EventType, CustomerEvent, OutcomeType, Outcome, ContactRecord } from './types/events.ts';
export type { OfferCandidate, ItemCandidate, ContentBlock, Contribution } from './types/contribution.ts';
export type {
  DecisionOffer,
  DecisionItem,
  Degradation,
  DecisionInputs,
  Explanation,
  Decision,
} from './types/decision.ts';
export type { DecisionContext, Clock, Random, Logger } from './types/context.ts';
export type { PluginStateReader, PluginStateWriter, StateSnapshot } from './types/state.ts';
export type {
  PluginStage,
  DraftDecision,
  DecideInput,
  Observation,
  ObserveContext,
  SetupContext,
  SnapshotSpec,
  PluginSpec,
  PluginDefinition,
  AnyPlugin,
} from './types/plugin.ts';
