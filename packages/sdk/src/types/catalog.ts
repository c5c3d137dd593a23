import type { Channel } from './identifiers.ts';

/** Stock figures. A product without them is not stock-tracked and counts as available. */
export interface Stock {
  /** Units available for online channels (web, app, e-mail, contact center). */
  readonly online?: number;
  /** Units per store id. */
  readonly stores?: Readonly<Record<string, number>>;
}

/** A sellable product. Its price is the only price any channel shows. */
export interface Product {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly price: number;
  /** ISO 4217 code, e.g. `EUR`. */
  readonly currency: string;
  readonly stock?: Stock;
  readonly imageUrl?: string;
  readonly url?: string;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** `HH:MM` in 24-hour local time. */
export type LocalTime = string;

/** Weekdays, as `Intl` short names in English. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A local-time window on some weekdays. `end` before `start` crosses midnight. */
export interface TimeWindow {
  readonly days?: readonly Weekday[];
  readonly start: LocalTime;
  readonly end: LocalTime;
  /** A name people recognise (`lunch`, `weekend morning`), used in reasons. */
  readonly label?: string;
}

/** A physical store. */
export interface Store {
  readonly id: string;
  readonly name: string;
  readonly city?: string;
  readonly country?: string;
  readonly lat: number;
  readonly lon: number;
  /** IANA zone, e.g. `Europe/Madrid`. */
  readonly timezone: string;
  /** Opening hours per weekday; a day absent is closed. No field: always open. */
  readonly openingHours?: Readonly<Partial<Record<Weekday, readonly { open: LocalTime; close: LocalTime }[]>>>;
}

/** Contact policy of an offer, applied across all channels together. */
export interface ContactPolicy {
  /** Shown at most this many times … */
  readonly maxShows?: number;
  /** … within this many days (default 7). */
  readonly perDays?: number;
  /** Not offered again for this many days after `accepted`. */
  readonly suppressDaysAfterAccept?: number;
  /** Not offered again for this many days after `rejected`. */
  readonly suppressDaysAfterReject?: number;
}

/** Who an offer is for. Every present rule must hold. */
export interface OfferEligibility {
  readonly countries?: readonly string[];
  readonly segments?: readonly string[];
  /** Consent purposes that must be granted, e.g. `marketing`. */
  readonly consent?: readonly string[];
  /** Offer only when the customer has an abandoned cart. */
  readonly requiresAbandonedCart?: boolean;
  /** Offer only when the abandoned cart or recent views touch one of these categories. */
  readonly categories?: readonly string[];
  /** Products the offer is for: it is ineligible when all are out of stock. */
  readonly productIds?: readonly string[];
  /** Stores the offer is tied to, and the radius around them (km). */
  readonly storeIds?: readonly string[];
  readonly radiusKm?: number;
  /** Local-time windows in the customer's timezone. */
  readonly timeWindows?: readonly TimeWindow[];
  /** Only while the nearest store is open. */
  readonly whileStoreOpen?: boolean;
  readonly minLifetimeValue?: number;
}

/** An offer the retailer can make. */
export interface Offer {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** Monetary value to the customer (used in ranking), in `currency`. */
  readonly value: number;
  readonly currency?: string;
  /** Channels it may be shown on; absent means every channel. */
  readonly channels?: readonly Channel[];
  readonly eligibility?: OfferEligibility;
  /** ISO instants bounding its validity. */
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly contactPolicy?: ContactPolicy;
  /** Agent script template: `{firstName}`, `{product}`, `{reason}` are filled in. */
  readonly script?: string;
  /** Ranking weight multiplier (default 1). */
  readonly weight?: number;
  /** The offer shown when nothing else is eligible (unknown callers, fallbacks). */
  readonly isDefault?: boolean;
  readonly imageUrl?: string;
  readonly url?: string;
}

/** A read-only view of the catalog at one version. */
export interface CatalogView {
  /** Bumped by every change; part of a decision's inputs. */
  readonly version: number;
  product(id: string): Product | undefined;
  products(): Iterable<Product>;
  productsInCategory(category: string): readonly Product[];
  store(id: string): Store | undefined;
  stores(): Iterable<Store>;
  offer(id: string): Offer | undefined;
  offers(): Iterable<Offer>;
}
