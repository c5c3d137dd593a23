import { IDENTIFIER_TYPES } from '@omnikernel/sdk';
import type { CustomerEvent, Profile } from '@omnikernel/sdk';
import { applyConversation, applyEmailClicked, applyEmailOpened, applyPageView, applyProductView, applyStoreVisitRecord } from './apply-activity.ts';
import { applyAbandon, applyCart, applyPurchase } from './apply-commerce.ts';
import { applyConsentUpdated, applyIdentify } from './apply-consent.ts';
import { applyLocale, applyLocation, applyPurchasePlace, applyStorePlace, latestStoreAt } from './apply-place.ts';
import { draftOf, Own, str } from './draft.ts';
import type { ApplyContext, Draft, Step, StoredProfile } from './draft.ts';
import { LIMITS } from './limits.ts';
import { deriveSegments, sameList } from './segments.ts';
import { compareTime, instant } from './time.ts';
import type { Instant } from './time.ts';

/** What an event does to a profile: the new profile, and whether the change renews the current decision. */
export interface ApplyResult {
  readonly profile: StoredProfile;
  readonly material: boolean;
}

/** What a run of events does to a profile: the profile after the last, and each event's materiality. */
export interface ApplyManyResult {
  readonly profile: StoredProfile;
  readonly material: readonly boolean[];
}

const STEPS: Readonly<Record<string, readonly Step[]>> = {
  page_viewed: [applyPageView],
  product_viewed: [applyProductView],
  cart_updated: [applyCart],
  cart_abandoned: [applyAbandon],
  purchase: [applyPurchase, applyPurchasePlace],
  store_visit: [applyStoreVisitRecord, applyStorePlace],
  location: [applyLocation],
  call: [applyConversation],
  chat: [applyConversation],
  email_opened: [applyEmailOpened],
  email_clicked: [applyEmailClicked],
  consent_updated: [applyConsentUpdated],
  identify: [applyIdentify],
};

/**
 * The projection: a pure function from a profile and one event to the next profile. Both stores
 * run it (Redis inside a compare-and-set on `version`), so it must not read the clock or mutate
 * its input. Events may arrive out of order: "latest" logic uses `occurredAt`, never arrival.
 * The event's identifiers must already be normalised (the stores do it).
 *
 * `version` grows by one per event; `materialVersion` follows it when the event is material:
 * a purchase, a cart change or abandonment, consent, identify changing consent or segments,
 * a location or store visit that changes the last store or moves > 1 km, a call or chat about
 * products, a new timezone or country, or anything that changes the segments.
 *
 * @example
 * const { profile, material } = applyEvent(createEmptyProfile('c_1', at), purchaseEvent, { catalog });
 */
export function applyEvent(profile: Profile, event: CustomerEvent, ctx: ApplyContext = {}): ApplyResult {
  const { profile: next, material } = applyEvents(profile, [event], ctx);
  return { profile: next, material: material[0] === true };
}

/**
 * `applyEvent` over several events of one customer, in order, on one draft: each list or map an
 * event changes is copied once per call rather than once per event. Gives the same profile as
 * applying the events one by one. `instants` (optional) are the events' `occurredAt`, already parsed.
 *
 * @example
 * const { profile, material } = applyEvents(stored, [view, purchase], { catalog });
 */
export function applyEvents(profile: Profile, events: readonly CustomerEvent[], ctx: ApplyContext = {}, instants?: readonly Instant[]): ApplyManyResult {
  const draft = new ProfileDraft(profile, ctx);
  const material = events.map((event, i) => draft.apply(event, instants?.[i]));
  return { profile: draft.profile, material };
}

/**
 * A profile under construction for one store call: events are applied to it one by one, in
 * place, and `profile` is the result so far. The profile it starts from is never changed. The
 * draft must not be changed once published (stored, cached or handed out): take a new one.
 */
export class ProfileDraft {
  readonly #draft: Draft;
  readonly #own = new Own();
  readonly #ctx: ApplyContext;

  constructor(profile: Profile, ctx: ApplyContext = {}) {
    this.#draft = draftOf(profile as StoredProfile);
    this.#ctx = ctx;
  }

  get profile(): StoredProfile {
    return this.#draft;
  }

  /** Applies one event; true when it is material. `when` is its `occurredAt`, if already parsed. */
  apply(event: CustomerEvent, when: Instant = instant(event.occurredAt)): boolean {
    return applyOne(this.#draft, event, when, this.#ctx, this.#own);
  }
}

function applyOne(d: Draft, event: CustomerEvent, when: Instant, ctx: ApplyContext, own: Own): boolean {
  const { at, ms: atMs } = when;
  const storeId = str(event.properties, 'storeId');
  const prior = { eventCount: d.eventCount, lastSeen: d.lastSeen, storeAt: storeId === undefined ? Number.NEGATIVE_INFINITY : latestStoreAt(d) };
  const segmentsBefore = d.segments;
  // What the derived segments are made of: unchanged (most events), they cannot change.
  const { traits, lifetimeValue, orderCount, abandonedCart } = d;
  const first = d.eventCount === 0;
  if (first || compareTime(at, d.firstSeen) < 0) d.firstSeen = at;
  if (first || compareTime(at, d.lastSeen) > 0) d.lastSeen = at;
  d.eventCount += 1;
  const channels = (d.channelCounts = own.record(d.channelCounts));
  channels[event.channel] = (channels[event.channel] ?? 0) + 1;
  const types = (d.typeCounts = own.record(d.typeCounts));
  types[event.type] = (types[event.type] ?? 0) + 1;
  addIdentifiers(d, event, own);
  d.recentEvents = own.insert(d.recentEvents, { id: event.id, type: event.type, channel: event.channel, at }, LIMITS.recentEvents);

  const change = { event, at, atMs, ctx, prior, own };
  let material = false;
  for (const step of STEPS[event.type] ?? []) material = step(d, change) || material;
  material = applyLocale(d, change) || material;

  if (first || d.traits !== traits || d.lifetimeValue !== lifetimeValue || d.orderCount !== orderCount || d.abandonedCart !== abandonedCart) {
    const segments = deriveSegments(d);
    if (!sameList(segments, segmentsBefore)) {
      d.segments = segments;
      material = true;
    }
  }
  d.version += 1;
  if (material) d.materialVersion = d.version;
  return material;
}

function addIdentifiers(d: Draft, event: CustomerEvent, own: Own): void {
  for (const type of IDENTIFIER_TYPES) {
    const value = event.identifiers[type];
    if (value === undefined) continue;
    const list = d.identifiers[type] ?? [];
    if (list.includes(value)) continue;
    const identifiers = (d.identifiers = own.record(d.identifiers as Record<string, readonly string[]>));
    identifiers[type] = [...list, value];
  }
}
