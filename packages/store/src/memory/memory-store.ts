import type { CatalogView, Offer, Product, Store } from '@omnikernel/sdk';
import { createCatalogView, EMPTY_CATALOG, upsertInto } from '../catalog/catalog-view.ts';
import type { CatalogData } from '../catalog/catalog-view.ts';
import type { NormalizeOptions } from '../identity/normalize.ts';
import { lookupKeys, prepareEvents, profileIdentityHashes } from '../ingest/prepare.ts';
import { insertByTime } from '../projection/lists.ts';
import { toContact } from '../ingest/to-contact.ts';
import type { ChangeNotice, CustomerStore } from '../store.ts';
import { ingestInMemory } from './memory-ingest.ts';
import type { KeptRecord } from './kept-record.ts';
import { createMemoryPluginState } from './memory-plugin-state.ts';
import type { PluginStateData } from './memory-plugin-state.ts';
import { canonical, createMemoryState, erase, isSeen, markSeen, slotOf } from './memory-state.ts';

/** Options of the in-memory store. Every one has a default. */
export interface MemoryStoreOptions extends NormalizeOptions {
  /** The clock (epoch ms), injected by tests. Default `Date.now`. */
  readonly now?: () => number;
  /** How long applied event and outcome ids are remembered (idempotency). Default 7 days. */
  readonly idempotencySeconds?: number;
  /** Raw events kept per customer for export. Default 200. */
  readonly maxEventsPerCustomer?: number;
  /** Contact-history records kept per customer. Default 1000. */
  readonly maxContactsPerCustomer?: number;
  /**
   * Past decisions kept by id for replay and explanation, at most (oldest dropped first, as well
   * as on expiry). Bounds an embedded gateway's memory however long it runs. Default 100 000.
   */
  readonly maxKeptDecisions?: number;
}

export const DEFAULT_IDEMPOTENCY_SECONDS = 7 * 24 * 3600;

/**
 * The in-memory store: the embedded default, and the reference the Redis store is tested
 * against (both pass `runStoreContract`). One process, no persistence.
 *
 * @example
 * const store = createMemoryStore({ defaultRegion: 'ES' });
 * await store.ingest([{ id: 'e1', type: 'page_viewed', channel: 'web', occurredAt: new Date().toISOString(),
 *   identifiers: { deviceId: 'd-1' }, properties: {} }]);
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): CustomerStore {
  const now = options.now ?? Date.now;
  const bounds = { maxEvents: options.maxEventsPerCustomer ?? 200, maxContacts: options.maxContactsPerCustomer ?? 1000 };
  const retentionMs = (options.idempotencySeconds ?? DEFAULT_IDEMPOTENCY_SECONDS) * 1000;
  const maxKept = options.maxKeptDecisions ?? 100_000;
  const normalize: NormalizeOptions = options.defaultRegion === undefined ? {} : { defaultRegion: options.defaultRegion };
  const state = createMemoryState();
  const pluginData: PluginStateData = new Map();
  const listeners = new Set<(notice: ChangeNotice) => void>();
  let catalogData: CatalogData = EMPTY_CATALOG;
  let catalogView: CatalogView = createCatalogView(catalogData, 0);

  const emit = (notices: readonly ChangeNotice[]) => {
    for (const notice of notices) for (const listener of listeners) listener(notice);
  };
  const upsert = async (kind: keyof CatalogData, items: readonly { readonly id: string }[]) => {
    catalogData = upsertInto(catalogData, kind, items);
    catalogView = createCatalogView(catalogData, catalogView.version + 1);
    emit([{ kind: 'catalog' }]);
    return items.length;
  };
  /** The current decision of a customer as kept (bytes), while it has not expired. */
  const liveRecord = (id: string): KeptRecord | null => {
    const held = state.slots.get(canonical(state, id))?.decision;
    return held && held.expiresAt > now() ? held.record : null;
  };

  return {
    kind: 'memory',
    async resolve(identifiers) {
      for (const key of lookupKeys(identifiers, normalize)) {
        const id = state.identity.get(key);
        if (id !== undefined) return canonical(state, id);
      }
      return null;
    },
    async ingest(events) {
      const prepared = prepareEvents(events, normalize);
      const { results, notices } = ingestInMemory(state, prepared, { now: now(), catalog: catalogView, bounds, retentionMs });
      emit(notices);
      return results;
    },
    async getProfile(customerId) {
      return state.slots.get(canonical(state, customerId))?.profile ?? null;
    },
    async profileVersions(customerId) {
      if (canonical(state, customerId) !== customerId) return null;
      const profile = state.slots.get(customerId)?.profile;
      return profile ? { version: profile.version, materialVersion: profile.materialVersion } : null;
    },
    async deleteProfile(customerId, opts = {}) {
      const id = canonical(state, customerId);
      const profile = state.slots.get(id)?.profile;
      if (!profile) return false;
      if (opts.suppress === true) for (const h of profileIdentityHashes(profile.identifiers)) state.suppressed.add(h);
      erase(state, id);
      emit([{ kind: 'profile', customerId: id, material: true, reason: 'erased' }]);
      return true;
    },
    async exportProfile(customerId) {
      const slot = state.slots.get(canonical(state, customerId));
      if (!slot?.profile) return null;
      const current = liveRecord(customerId)?.decisionId ?? null;
      // A copy: ingestion keeps the slot's event list up to date in place.
      return { profile: slot.profile, contactHistory: slot.contacts, currentDecisionId: current, events: slot.events.slice() };
    },

    catalog: () => catalogView,
    keepsPayloadBytes: true,
    upsertProducts: (products: readonly Product[]) => upsert('products', products),
    upsertStores: (stores: readonly Store[]) => upsert('stores', stores),
    upsertOffers: (offers: readonly Offer[]) => upsert('offers', offers),
    async refreshCatalog() {
      return catalogView;
    },

    async getCurrentDecision(customerId) {
      return liveRecord(customerId);
    },
    async currentDecisionId(customerId) {
      return liveRecord(customerId)?.decisionId ?? null;
    },
    async putCurrentDecision(customerId, record, expectedDecisionId, ttlSeconds) {
      if ((liveRecord(customerId)?.decisionId ?? null) !== expectedDecisionId) return { ok: false, current: liveRecord(customerId) };
      const id = canonical(state, customerId);
      slotOf(state, id).decision = { record: { decisionId: record.decisionId, payload: record.payload }, expiresAt: now() + ttlSeconds * 1000 };
      emit([{ kind: 'decision', customerId: id }]);
      return { ok: true };
    },
    async saveDecision(record, customerId, retentionSeconds) {
      const id = canonical(state, customerId);
      state.decisions.set(record.decisionId, { record: { decisionId: record.decisionId, payload: record.payload }, customerId: id, expiresAt: now() + retentionSeconds * 1000 });
      slotOf(state, id).decisionIds.add(record.decisionId);
      // Maps iterate in insertion order: the first entries are the oldest decisions.
      for (const [oldId, kept] of state.decisions) {
        if (state.decisions.size <= maxKept && kept.expiresAt > now()) break;
        state.decisions.delete(oldId);
        state.slots.get(kept.customerId)?.decisionIds.delete(oldId);
      }
    },
    async commitDecision(customerId, record, expectedDecisionId, ttlSeconds, retentionSeconds) {
      const put = await this.putCurrentDecision(customerId, record, expectedDecisionId, ttlSeconds);
      if (put.ok) await this.saveDecision(record, customerId, retentionSeconds);
      return put;
    },
    async decisionInputs(customerId) {
      return { currentDecisionId: liveRecord(customerId)?.decisionId ?? null, contactHistory: state.slots.get(canonical(state, customerId))?.contacts ?? [] };
    },
    async getDecision(decisionId) {
      const kept = state.decisions.get(decisionId);
      if (kept === undefined || kept.expiresAt <= now()) return null;
      return kept.record;
    },

    async recordOutcome(outcome, opts) {
      const id = canonical(state, outcome.customerId);
      const slot = slotOf(state, id);
      const t = now();
      if (isSeen(slot, `o:${outcome.id}`, t)) return 'duplicate';
      markSeen(slot, `o:${outcome.id}`, t + retentionMs, t);
      slot.contacts = insertByTime(slot.contacts, toContact(outcome), bounds.maxContacts);
      if (opts.material && slot.profile) {
        const version = slot.profile.version + 1;
        slot.profile = { ...slot.profile, version, materialVersion: version };
      }
      emit([{ kind: 'profile', customerId: id, material: opts.material }]);
      return 'accepted';
    },
    async contactHistory(customerId) {
      return state.slots.get(canonical(state, customerId))?.contacts ?? [];
    },

    pluginState: (pluginName) => createMemoryPluginState(pluginData, pluginName),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    health: () => 'ok',
    stats: () => ({
      // Everything is "cached" in memory: entries are the customers held.
      entries: state.slots.size,
      customers: state.slots.size,
      identities: state.identity.size,
      decisions: state.decisions.size,
      suppressed: state.suppressed.size,
    }),
    async close() {
      listeners.clear();
    },
  };
}
