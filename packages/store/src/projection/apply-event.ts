import type { CustomerEvent, IdentifierType, Profile } from '@omnikernel/sdk';
import { identifierEntries } from '../identity/normalize.ts';
import { applyConversation, applyEmailClicked, applyEmailOpened, applyPageView, applyProductView, applyStoreVisitRecord } from './apply-activity.ts';
import { applyAbandon, applyCart, applyPurchase } from './apply-commerce.ts';
import { applyConsentUpdated, applyIdentify } from './apply-consent.ts';
import { applyLocale, applyLocation, applyPurchasePlace, applyStorePlace } from './apply-place.ts';
import type { ApplyContext, Draft, Step, StoredProfile } from './draft.ts';
import { insertByTime } from './lists.ts';
import { LIMITS } from './limits.ts';
import { deriveSegments, sameList } from './segments.ts';
import { earliest, latest, utc } from './time.ts';

/** What an event does to a profile: the new profile, and whether the change renews the current decision. */
export interface ApplyResult {
  readonly profile: StoredProfile;
  readonly material: boolean;
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
  const before = profile as StoredProfile;
  const at = utc(event.occurredAt);
  const d: Draft = { ...before };
  const first = before.eventCount === 0;
  d.firstSeen = first ? at : earliest(before.firstSeen, at);
  d.lastSeen = first ? at : latest(before.lastSeen, at);
  d.eventCount = before.eventCount + 1;
  d.channelCounts = { ...before.channelCounts, [event.channel]: (before.channelCounts[event.channel] ?? 0) + 1 };
  d.typeCounts = { ...before.typeCounts, [event.type]: (before.typeCounts[event.type] ?? 0) + 1 };
  d.identifiers = addIdentifiers(before.identifiers, event);
  d.recentEvents = insertByTime(before.recentEvents, { id: event.id, type: event.type, channel: event.channel, at }, LIMITS.recentEvents);

  let material = false;
  for (const step of STEPS[event.type] ?? []) material = step(d, event, at, ctx, before) || material;
  material = applyLocale(d, event, at, ctx, before) || material;

  const segments = deriveSegments(d);
  if (!sameList(segments, before.segments)) {
    d.segments = segments;
    material = true;
  }
  d.version = before.version + 1;
  if (material) d.materialVersion = d.version;
  return { profile: d, material };
}

function addIdentifiers(current: Profile['identifiers'], event: CustomerEvent): Profile['identifiers'] {
  let out: Partial<Record<IdentifierType, readonly string[]>> | undefined;
  for (const [type, value] of identifierEntries(event.identifiers)) {
    const list = (out ?? current)[type] ?? [];
    if (list.includes(value)) continue;
    out ??= { ...current };
    out[type] = [...list, value];
  }
  return out ?? current;
}
