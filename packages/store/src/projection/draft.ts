import type { CatalogView, CustomerEvent, LineItem, Profile } from '@omnikernel/sdk';
import { insertInto } from './lists.ts';
import { compareTime } from './time.ts';

/**
 * A profile as the store keeps it. `consentUpdatedAt` (per purpose, ISO) lets a late, older
 * consent event lose against a newer one: consent must never flip back by arrival order.
 */
export interface StoredProfile extends Profile {
  readonly consentUpdatedAt?: Readonly<Record<string, string>>;
}

/**
 * A profile being built by one `applyEvents` call: a shallow copy of the stored profile. Nested
 * values (lists, maps) still belong to the stored profile until `Change.own` copies them; after
 * that, later events of the same call change the copy in place (copy-on-write, once per call).
 */
export type Draft = { -readonly [K in keyof StoredProfile]: StoredProfile[K] };

/**
 * A shallow copy of a stored profile as a draft. A literal of every field rather than a spread:
 * profiles come in many hidden classes (fields set in different orders by different events), so
 * V8's spread falls back to its generic copy (~0.8 µs here against ~0.2 µs), and every draft made
 * this way shares one hidden class, which keeps the projection's property reads monomorphic. The
 * type makes a field added to `Profile` a compile error here until it is copied. A field this
 * version does not know (written by a newer one) is not carried: the Redis store writes only
 * changed fields, so what Redis holds of it stays as it is.
 */
export function draftOf(p: StoredProfile): Draft {
  const draft: Omit<Draft, 'consentUpdatedAt'> = {
    customerId: p.customerId,
    version: p.version,
    materialVersion: p.materialVersion,
    identifiers: p.identifiers,
    aliases: p.aliases,
    consent: p.consent,
    firstSeen: p.firstSeen,
    lastSeen: p.lastSeen,
    eventCount: p.eventCount,
    channelCounts: p.channelCounts,
    typeCounts: p.typeCounts,
    visits: p.visits,
    recentlyViewed: p.recentlyViewed,
    purchases: p.purchases,
    conversations: p.conversations,
    cart: p.cart,
    abandonedCart: p.abandonedCart,
    categoryAffinity: p.categoryAffinity,
    location: p.location,
    lastStoreId: p.lastStoreId,
    timezone: p.timezone,
    country: p.country,
    lifetimeValue: p.lifetimeValue,
    orderCount: p.orderCount,
    emailOpens: p.emailOpens,
    emailClicks: p.emailClicks,
    segments: p.segments,
    traits: p.traits,
    recentEvents: p.recentEvents,
  };
  // Only when present: a stored profile without it must not gain the key (equality, encoding).
  if (p.consentUpdatedAt !== undefined) (draft as Draft).consentUpdatedAt = p.consentUpdatedAt;
  return draft as Draft;
}

/** What the projection may read besides the event: the catalog (categories, store coordinates). */
export interface ApplyContext {
  readonly catalog?: CatalogView;
}

/** What the profile was just before the event being applied (the draft already moved on). */
export interface Prior {
  readonly eventCount: number;
  readonly lastSeen: string;
  /** Epoch ms of the last time the customer was known in a store; only when the event names a `storeId`. */
  readonly storeAt: number;
}

/** One event as a step sees it. */
export interface Change {
  readonly event: CustomerEvent;
  /** `occurredAt` in UTC ISO form, and as epoch ms. */
  readonly at: string;
  readonly atMs: number;
  readonly ctx: ApplyContext;
  readonly prior: Prior;
  readonly own: Own;
}

/** One step of the projection: updates the draft, says whether the change is material. */
export type Step = (draft: Draft, change: Change) => boolean;

/**
 * Copy-on-write for a draft's nested values: the first write of a call copies, later ones reuse
 * the copy. Stored profiles are shared with readers (caches, decisions in flight) and may be
 * frozen, so nothing reachable from one is ever changed in place.
 */
export class Own {
  // A handful of values per draft: a list scan beats a Set.
  readonly #mine: object[] = [];

  list<T>(value: readonly T[]): T[] {
    if (this.#mine.includes(value)) return value as T[];
    const copy = value.slice();
    this.#mine.push(copy);
    return copy;
  }

  /**
   * `insertInto(this.list(value), item, max)`, the list returned. An item newest of all (nearly
   * every event) on a list not yet copied is placed while copying: one array, no shift.
   */
  insert<T extends { readonly at: string }>(value: readonly T[], item: T, max: number): T[] {
    const head = value[0];
    if (max < 1 || this.#mine.includes(value) || (head !== undefined && compareTime(head.at, item.at) > 0)) {
      const list = this.list(value);
      insertInto(list, item, max);
      return list;
    }
    const copy = [item];
    for (let i = 0, n = Math.min(value.length, max - 1); i < n; i++) copy.push(value[i] as T);
    this.#mine.push(copy);
    return copy;
  }

  record<T>(value: Readonly<Record<string, T>>): Record<string, T> {
    if (this.#mine.includes(value)) return value as Record<string, T>;
    const copy = { ...value };
    this.#mine.push(copy);
    return copy;
  }
}

export function str(props: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = props[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function num(props: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const v = props[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function strings(props: Readonly<Record<string, unknown>>, key: string): string[] {
  const v = props[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/** Line items, keeping only well-formed ones (the schema has checked them at the edge). */
export function lineItems(props: Readonly<Record<string, unknown>>, key = 'items'): LineItem[] | undefined {
  const v = props[key];
  if (!Array.isArray(v)) return undefined;
  const out: LineItem[] = [];
  for (const item of v) {
    if (typeof item !== 'object' || item === null) continue;
    const { productId, quantity, price } = item as Record<string, unknown>;
    if (typeof productId !== 'string' || typeof quantity !== 'number' || typeof price !== 'number') continue;
    out.push({ productId, quantity, price });
  }
  return out;
}

/** The catalog category of a product, if the catalog knows it. */
export function categoryOf(ctx: ApplyContext, productId: string): string | undefined {
  return ctx.catalog?.product(productId)?.category;
}
