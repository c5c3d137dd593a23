import { LRUCache } from 'lru-cache';
import { createEmptyProfile, type ContactRecord, type Decision, type DecisionContext, type Identifiers, type Profile } from '@omnikernel/sdk';
import { newDecisionId } from '../decision-id.ts';
import type { Kernel } from '../kernel.ts';
import { contextEvent } from './context-event.ts';
import type { DecisionStorePort } from './ports.ts';
import { SingleFlight } from './single-flight.ts';
import { encodeStoredDecision, forChannels, parseStoredDecision, readDecisionMeta, readServedDecision, stalenessReason, type ChannelDecision, type DecisionMeta, type ServedDecision, type StoredDecision } from './stored-decision.ts';

export interface DecisionServiceOptions {
  readonly store: DecisionStorePort;
  readonly kernel: Kernel;
  /** Wall clock (ms); tests pass a frozen one. */
  readonly now?: () => number;
  /** Page and product views renew a decision at most this often (default 60 s). */
  readonly minAgeMs?: number;
  /** How long decisions are kept by id for replay and explanation (default 7 days). */
  readonly retentionSeconds?: number;
  /** Current decisions held in process (default 50 000). */
  readonly cacheEntries?: number;
  /** Told about store failures (the decision is still served). */
  readonly onStoreError?: (error: unknown) => void;
}

/**
 * A current decision as served. It is held as the UTF-8 bytes of its JSON and the envelopes rendered from it,
 * not as an object graph: thousands of customers' decisions as objects are what a garbage
 * collector spends its time on, and a warm request needs only the id and the rendered bytes.
 */
export interface CurrentDecision {
  readonly decisionId: string;
  readonly customerId: string;
  /** What it was issued for (profile and catalog versions, expiry). */
  readonly meta: DecisionMeta;
  /** The decision as channels render it, parsed anew on each call: use `render` on request paths. */
  decision(): ChannelDecision;
  /**
   * The same decision as the UTF-8 bytes of its JSON, as held (do not change them). Its explanation
   * is its last member (`forChannels`), so an envelope can be spliced around them without parsing.
   */
  readonly json: Buffer;
  /** Renders an envelope once per decision and keeps the result (web JSON, CTI map, e-mail HTML…). */
  render<T>(key: string, make: (decision: ChannelDecision) => T): T;
  /** Like `render`, for an envelope made from `json` alone: the decision is not parsed for it. */
  keep<T>(key: string, make: () => T): T;
}

export type CurrentResult =
  | { readonly status: 'known'; readonly customerId: string; readonly current: CurrentDecision; readonly computed: boolean }
  | {
      readonly status: 'unknown';
      readonly current: CurrentDecision;
      /** True when the customer could not be looked up because the store failed (the decision is a fallback). */
      readonly storeFailed?: boolean;
    };

/**
 * `channelBytes`: the channel decision's JSON as UTF-8, held as it is (off the JS heap, never traced).
 * `fresh`: the decision object when it was just computed here. The first renders use it instead of
 * parsing the bytes back; it is let go once the request that computed it is answered.
 */
function toCurrent(meta: DecisionMeta, channelBytes: Buffer, fresh?: ChannelDecision): CurrentDecision {
  const rendered = new Map<string, unknown>();
  let held = fresh;
  if (held !== undefined) setImmediate(() => (held = undefined));
  const decision = () => held ?? (JSON.parse(channelBytes.toString('utf8')) as ChannelDecision);
  return {
    decisionId: meta.decisionId,
    customerId: meta.customerId,
    meta,
    decision,
    json: channelBytes,
    render<T>(key: string, make: (d: ChannelDecision) => T): T {
      if (!rendered.has(key)) rendered.set(key, make(decision()));
      return rendered.get(key) as T;
    },
    keep<T>(key: string, make: () => T): T {
      if (!rendered.has(key)) rendered.set(key, make());
      return rendered.get(key) as T;
    },
  };
}

/**
 * One current decision per customer, for every channel and instance: reused until something that
 * matters changes, computed at most once at a time (single flight in process, compare-and-set in the
 * store across processes; losers serve the winner's decision).
 */
export class DecisionService {
  readonly #cache: LRUCache<string, CurrentDecision>;
  readonly #flight = new SingleFlight<string, CurrentDecision>();
  /** Raw identifier → customer, so a store outage can still find the decision this instance holds. */
  readonly #lastResolved = new LRUCache<string, string>({ max: 100_000 });
  readonly #now: () => number;
  readonly #minAgeMs: number;
  readonly #retention: number;

  constructor(private readonly options: DecisionServiceOptions) {
    this.#cache = new LRUCache({ max: options.cacheEntries ?? 50_000 });
    this.#now = options.now ?? Date.now;
    this.#minAgeMs = options.minAgeMs ?? 60_000;
    this.#retention = options.retentionSeconds ?? 7 * 86_400;
  }

  /** Drops what this instance holds for a customer (called on every change notice). */
  evict(customerId?: string): void {
    if (customerId === undefined) this.#cache.clear();
    else this.#cache.delete(customerId);
  }

  /**
   * The current decision for whoever the identifiers name; records request context first.
   * Never throws: when the store fails, the decision this instance holds for the customer is
   * served (the same decision every channel saw), else the fallback decision, marked degraded.
   */
  async current(identifiers: Identifiers, context: DecisionContext): Promise<CurrentResult> {
    try {
      return await this.#current(identifiers, context);
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      this.options.onStoreError?.(error);
      for (const id of Object.values(identifiers)) {
        const held = id ? this.#cache.get(this.#lastResolved.get(id) ?? '', { allowStale: true }) : undefined;
        if (held) return { status: 'known', customerId: held.customerId, current: held, computed: false };
      }
      return { status: 'unknown', storeFailed: true, current: await this.anonymous(context, [{ plugin: 'store', code: 'OMK_ERR_STORE_UNAVAILABLE', message }]) };
    }
  }

  async #current(identifiers: Identifiers, context: DecisionContext): Promise<CurrentResult> {
    const { store } = this.options;
    const customerId = await store.resolve(identifiers);
    if (!customerId) return { status: 'unknown', current: await this.anonymous(context) };
    // Written only when it changes: an LRU write per request reorders the list for nothing.
    for (const id of Object.values(identifiers)) if (id && this.#lastResolved.peek(id) !== customerId) this.#lastResolved.set(id, customerId);
    const event = contextEvent(customerId, context, this.#now());
    if (event) {
      const [result] = await store.ingest([event]);
      if (result?.material) this.#cache.delete(customerId);
    }
    const cached = this.#cache.get(customerId);
    // A held decision is judged by the profile's versions: a store that can answer them alone
    // (Redis: four hash fields) spares the warm path reading and decoding the whole profile.
    if (cached && store.profileVersions) {
      const versions = await store.profileVersions(customerId);
      if (versions && this.#holds(cached.meta, versions)) return { status: 'known', customerId, current: cached, computed: false };
    }
    const profile = await store.getProfile(customerId);
    if (!profile) return { status: 'unknown', current: await this.anonymous(context) };
    // An id merged away (resolved from a lookup a notice missed) reads as the survivor: a decision
    // held for the old id is not the survivor's.
    const mine = cached?.customerId === profile.customerId ? cached : undefined;
    if (mine && this.#holds(mine.meta, profile)) return { status: 'known', customerId: profile.customerId, current: mine, computed: false };
    let computed = false;
    const current = await this.#flight.run(profile.customerId, async () => {
      // The store still holds the decision this instance knows to be stale: replace it unread (with
      // the contact history read in the same round trip, where the store can).
      if (mine && store.decisionInputs) {
        const inputs = await store.decisionInputs(profile.customerId);
        if (inputs.currentDecisionId === mine.decisionId) {
          computed = true;
          return this.#computeAndStore(profile, context, mine.decisionId, inputs.contactHistory);
        }
      } else if (mine && store.currentDecisionId && (await store.currentDecisionId(profile.customerId)) === mine.decisionId) {
        computed = true;
        return this.#computeAndStore(profile, context, mine.decisionId);
      }
      const record = await store.getCurrentDecision(profile.customerId);
      // Only the meta is parsed to judge it: a stale decision is replaced, never read.
      if (record && this.#holds(readDecisionMeta(record.payload), profile)) return this.#remember(profile.customerId, readServedDecision(record.payload));
      computed = true;
      return this.#computeAndStore(profile, context, record?.decisionId ?? null);
    });
    return { status: 'known', customerId: profile.customerId, current, computed };
  }

  /** A decision by id, as stored (for GET /v1/decisions/{id}). */
  async byId(decisionId: string): Promise<StoredDecision | null> {
    const record = await this.options.store.getDecision(decisionId);
    return record ? parseStoredDecision(record.payload) : null;
  }

  /** Recomputes a stored decision from its recorded inputs. */
  async replay(decisionId: string): Promise<{ original: Decision; replayed: Decision; equal: boolean; catalogChanged: boolean } | null> {
    const stored = await this.byId(decisionId);
    if (!stored) return null;
    const catalog = this.options.store.catalog();
    const replayed = await this.options.kernel.decide({
      decisionId,
      profile: stored.replay.profile,
      catalog,
      contactHistory: stored.replay.contactHistory,
      context: stored.replay.context,
      at: stored.meta.issuedAtMs,
      snapshotVersions: stored.decision.explanation.inputs.snapshots,
    });
    const original = stored.decision;
    return { original, replayed, equal: JSON.stringify(replayed) === JSON.stringify(original), catalogChanged: catalog.version !== stored.meta.catalogVersion };
  }

  /** What-if: the decision as it would be at `asOf`, with overrides; never stored or served as current. */
  async simulate(identifiers: Identifiers, context: DecisionContext, asOf: number, overrides: Partial<Profile> = {}): Promise<{ decision: Decision; known: boolean }> {
    const { store, kernel } = this.options;
    const customerId = await store.resolve(identifiers);
    const base = customerId ? await store.getProfile(customerId) : null;
    const profile = { ...(base ?? createEmptyProfile('anonymous', new Date(asOf).toISOString())), ...overrides, customerId: base?.customerId ?? 'anonymous' } as Profile;
    const contactHistory = base ? await store.contactHistory(base.customerId) : [];
    const decision = await kernel.decide({ decisionId: newDecisionId(asOf).replace('dec_', 'sim_'), profile, catalog: store.catalog(), contactHistory, context, at: asOf });
    return { decision, known: base !== null };
  }

  #holds(meta: DecisionMeta, profile: Pick<Profile, 'version' | 'materialVersion'>): boolean {
    return (
      stalenessReason(meta, {
        at: this.#now(),
        profile,
        catalogVersion: this.options.store.catalog().version,
        configFingerprint: this.options.kernel.configFingerprint,
        minAgeMs: this.#minAgeMs,
      }) === null
    );
  }

  #remember(customerId: string, { meta, channelBytes }: ServedDecision, fresh?: ChannelDecision): CurrentDecision {
    // A view pins the whole payload it was cut from: share it only with a store that keeps that payload anyway.
    const current = toCurrent(meta, this.options.store.keepsPayloadBytes === true ? channelBytes : Buffer.from(channelBytes), fresh);
    this.#cache.set(customerId, current);
    return current;
  }

  async #computeAndStore(profile: Profile, context: DecisionContext, expected: string | null, contacts?: readonly ContactRecord[]): Promise<CurrentDecision> {
    const { store, kernel } = this.options;
    const at = this.#now();
    const catalog = store.catalog();
    const contactHistory = contacts ?? (await store.contactHistory(profile.customerId));
    const decision = await kernel.decide({ decisionId: newDecisionId(at), profile, catalog, contactHistory, context, at });
    const stored: StoredDecision = {
      decision,
      meta: {
        decisionId: decision.decisionId,
        customerId: profile.customerId,
        profileVersion: profile.version,
        catalogVersion: catalog.version,
        configFingerprint: kernel.configFingerprint,
        issuedAtMs: at,
        validUntilMs: Date.parse(decision.validUntil),
      },
      replay: { profile, contactHistory, context },
    };
    const encoded = encodeStoredDecision(stored);
    const record = { decisionId: decision.decisionId, payload: encoded.payload };
    const ttl = Math.max(1, Math.ceil((stored.meta.validUntilMs - at) / 1000));
    const commit = (expectedId: string | null) =>
      store.commitDecision
        ? store.commitDecision(profile.customerId, record, expectedId, ttl, this.#retention)
        : store.putCurrentDecision(profile.customerId, record, expectedId, ttl).then(async (put) => {
            if (put.ok) await store.saveDecision(record, profile.customerId, this.#retention);
            return put;
          });
    let put = await commit(expected);
    // The decision expected expired in between (nothing is current now): claim the empty place
    // rather than serve a decision no other instance would find.
    if (!put.ok && !put.current && expected !== null) put = await commit(null);
    if (!put.ok && put.current) return this.#remember(profile.customerId, readServedDecision(put.current.payload));
    return this.#remember(profile.customerId, { meta: stored.meta, channelBytes: encoded.channelBytes }, encoded.channel);
  }

  /** Unknown identifiers: a non-personalised decision, no profile created, nothing stored. */
  async anonymous(context: DecisionContext, degraded: Decision['degraded'] = []): Promise<CurrentDecision> {
    const at = this.#now();
    const profile = createEmptyProfile('anonymous', new Date(at).toISOString());
    const computed = await this.options.kernel.decide({ decisionId: newDecisionId(at), profile, catalog: this.options.store.catalog(), contactHistory: [], context, at });
    const decision = degraded.length > 0 ? { ...computed, degraded: [...degraded, ...computed.degraded] } : computed;
    const meta = { decisionId: decision.decisionId, customerId: decision.customerId, profileVersion: 0, catalogVersion: this.options.store.catalog().version, configFingerprint: this.options.kernel.configFingerprint, issuedAtMs: at, validUntilMs: Date.parse(decision.validUntil) };
    const channel = forChannels(decision);
    return toCurrent(meta, Buffer.from(JSON.stringify(channel), 'utf8'), channel);
  }
}
