import type {
  CatalogView,
  ContactRecord,
  CustomerEvent,
  Identifiers,
  Offer,
  Outcome,
  PluginStateWriter,
  Product,
  Profile,
  Store,
} from '@omnikernel/sdk';

/** What happened to one event on ingestion. */
export type IngestStatus = 'accepted' | 'duplicate' | 'suppressed';

export interface IngestResult {
  readonly status: IngestStatus;
  /** The customer the event was applied to (after merges). */
  readonly customerId?: string;
  /** Customer ids merged into `customerId` by this event. */
  readonly merged?: readonly string[];
  /** True when the event renews the current decision at once (purchase, cart, consent, location, …). */
  readonly material?: boolean;
}

/** The versions of a profile (see `Profile`). */
export interface ProfileVersions {
  readonly version: number;
  readonly materialVersion: number;
}

/** The current decision of a customer, as the store keeps it: opaque to the store. */
export interface StoredDecisionRecord {
  readonly decisionId: string;
  /**
   * The serialised decision with its inputs, as UTF-8 bytes (opaque to the store). A store may keep
   * this very buffer and hand it back on reads: neither side changes it after writing.
   */
  readonly payload: Buffer;
}

/** The outcome of a compare-and-set on the current decision. */
export type PutDecisionResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly current: StoredDecisionRecord | null };

/** Everything held about a customer (GDPR export). */
/** See `CustomerStore.decisionInputs`. */
export interface DecisionInputs {
  readonly currentDecisionId: string | null;
  /** Newest first, as `contactHistory` gives it. */
  readonly contactHistory: readonly ContactRecord[];
}

export interface ProfileExport {
  readonly profile: Profile;
  readonly contactHistory: readonly ContactRecord[];
  readonly currentDecisionId: string | null;
  readonly events: readonly CustomerEvent[];
}

/** Why a customer changed, as published to every gateway instance. */
export interface ChangeNotice {
  readonly kind: 'profile' | 'catalog' | 'decision';
  readonly customerId?: string;
  /** Set when the change renews the current decision at once (a material event, a merge, an erasure). */
  readonly material?: boolean;
  /** `merged`: the customer became an alias of another; `erased`: the customer was deleted. */
  readonly reason?: 'merged' | 'erased';
}

/** `ok`: serving; `degraded`: reads from cache only; `down`: not reachable. */
export type StoreHealth = 'ok' | 'degraded' | 'down';

/** Thrown when the backing store cannot take a write now (Redis down). Callers answer 503. */
export class StoreUnavailableError extends Error {
  readonly code = 'OMK_ERR_STORE_UNAVAILABLE';
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds = 1, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The customer-360 store: identity graph, event projection, profiles, catalog,
 * current decisions and contact history. Redis and in-memory implementations
 * pass the same contract suite.
 */
export interface CustomerStore {
  readonly kind: 'memory' | 'redis' | 'redis-cluster';

  /** Resolve identifiers (normalised here) to a customer id, following merges. Never creates. */
  resolve(identifiers: Identifiers): Promise<string | null>;

  /**
   * Apply events: each is idempotent by `id` (across instances), creates the customer on first
   * sight, merges customers linked by one event, and updates the profile atomically per customer.
   * Throws `StoreUnavailableError` when it cannot store; what it returns is stored.
   */
  ingest(events: readonly CustomerEvent[]): Promise<IngestResult[]>;

  getProfile(customerId: string): Promise<Profile | null>;
  /**
   * A profile's versions alone — what tells whether a held decision still holds — without reading
   * the profile. Null when the id holds no profile of its own (none, merged away, erased) or the
   * store cannot say cheaply: read it with `getProfile`.
   */
  profileVersions(customerId: string): Promise<ProfileVersions | null>;
  /** Erase a customer: profile, identity keys, decisions, contact history. `suppress` keeps hashed identifiers so later events are dropped. */
  deleteProfile(customerId: string, options?: { suppress?: boolean }): Promise<boolean>;
  exportProfile(customerId: string): Promise<ProfileExport | null>;

  /** The catalog as of now; a synchronous view kept current in process. */
  catalog(): CatalogView;
  /** True when decision payloads are kept as the very buffers given, in this process (memory): readers may share them. */
  readonly keepsPayloadBytes?: boolean;
  upsertProducts(products: readonly Product[]): Promise<number>;
  upsertStores(stores: readonly Store[]): Promise<number>;
  upsertOffers(offers: readonly Offer[]): Promise<number>;
  /** Re-read the catalog when another instance changed it. */
  refreshCatalog(): Promise<CatalogView>;

  getCurrentDecision(customerId: string): Promise<StoredDecisionRecord | null>;
  /** The id of the current decision alone (null: none): a reader that holds that decision needs no payload. */
  currentDecisionId(customerId: string): Promise<string | null>;
  /**
   * Compare-and-set the current decision: succeeds only when the current id equals
   * `expectedDecisionId` (null: none). The record is kept for `ttlSeconds`.
   */
  putCurrentDecision(
    customerId: string,
    record: StoredDecisionRecord,
    expectedDecisionId: string | null,
    ttlSeconds: number,
  ): Promise<PutDecisionResult>;
  /** Keep a decision by id for replay and explanation (retention in seconds). */
  saveDecision(record: StoredDecisionRecord, customerId: string, retentionSeconds: number): Promise<void>;
  /**
   * `putCurrentDecision`, and when it succeeds `saveDecision`, in as few round trips as the store
   * can: what storing a recomputed decision takes.
   */
  commitDecision(customerId: string, record: StoredDecisionRecord, expectedDecisionId: string | null, ttlSeconds: number, retentionSeconds: number): Promise<PutDecisionResult>;
  /** What a recomputation reads besides the profile — the current decision's id and the contact history — at once. */
  decisionInputs(customerId: string): Promise<DecisionInputs>;
  getDecision(decisionId: string): Promise<StoredDecisionRecord | null>;

  /**
   * Record an outcome in the customer's contact history (idempotent by id).
   * `material` also bumps the profile's `version` and `materialVersion`, renewing the current decision.
   */
  recordOutcome(outcome: Outcome & { customerId: string }, options: { material: boolean }): Promise<'accepted' | 'duplicate'>;
  contactHistory(customerId: string): Promise<readonly ContactRecord[]>;

  /** Plugin-scoped learned state (keys namespaced by plugin name). */
  pluginState(pluginName: string): PluginStateWriter;

  /** Called on every instance when a customer or the catalog changes (cache eviction). */
  onChange(listener: (notice: ChangeNotice) => void): () => void;

  health(): StoreHealth;
  /** Cache statistics (hits, misses, entries, bytes). */
  stats(): Readonly<Record<string, number>>;
  close(): Promise<void>;
}
