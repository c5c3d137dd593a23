import type { Channel, CustomerEvent, EventType, Identifiers, Product } from '@omnikernel/sdk';
import type { Rng } from './random.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Identifiers of a customer, whichever of them a channel knows. */
export interface CustomerIds {
  readonly customerId: string;
  readonly email: string;
  readonly phone: string;
  readonly deviceId: string;
  readonly loyaltyId: string;
  readonly crmId: string;
}

/**
 * What each channel typically knows: the web a device cookie (and the e-mail at checkout), the app its
 * device and the logged-in customer id, the store the loyalty card, the contact center the caller's number
 * and the CRM record, e-mail the address. The first `identify` event links them all.
 */
export function identifiersFor(c: CustomerIds, channel: Channel, checkout = false): Identifiers {
  switch (channel) {
    case 'web':
      return checkout ? { deviceId: c.deviceId, email: c.email } : { deviceId: c.deviceId };
    case 'app':
      return { deviceId: c.deviceId, customerId: c.customerId };
    case 'store':
      return { loyaltyId: c.loyaltyId };
    case 'contact_center':
      return { phone: c.phone, crmId: c.crmId };
    case 'email':
      return { email: c.email };
    default:
      return { customerId: c.customerId };
  }
}

/**
 * `identifiersFor`, with one shared object per channel: the events of a customer on one channel
 * share their identifiers object (fewer allocations for tens of thousands of events).
 */
export function identifierCache(c: CustomerIds): (channel: Channel, checkout?: boolean) => Identifiers {
  const cache = new Map<string, Identifiers>();
  return (channel, checkout = false) => {
    const key = checkout ? `${channel}+` : channel;
    let ids = cache.get(key);
    if (!ids) {
      ids = identifiersFor(c, channel, checkout);
      cache.set(key, ids);
    }
    return ids;
  };
}

/** Every identifier of a customer (for `identify`). */
export function allIdentifiers(c: CustomerIds): Identifiers {
  return {
    customerId: c.customerId,
    email: c.email,
    phone: c.phone,
    deviceId: c.deviceId,
    loyaltyId: c.loyaltyId,
    crmId: c.crmId,
  };
}

export interface LineItem {
  readonly productId: string;
  readonly quantity: number;
  readonly price: number;
}

/** Line items at catalog prices. */
export function lineItems(products: readonly Product[], quantities?: readonly number[]): LineItem[] {
  return products.map((p, i) => ({ productId: p.id, quantity: quantities?.[i] ?? 1, price: p.price }));
}

/** Sum of quantity × price, rounded to cents. */
export function orderTotal(items: readonly LineItem[]): number {
  let cents = 0;
  for (const item of items) cents += Math.round(item.price * 100) * item.quantity;
  return cents / 100;
}

/** A point `km` away from `center` in a random (or given) direction. */
export function pointNear(center: { lat: number; lon: number }, km: number, rng: Rng): { lat: number; lon: number } {
  const bearing = rng.next() * 2 * Math.PI;
  const dLat = (km * Math.cos(bearing)) / 111.32;
  const dLon = (km * Math.sin(bearing)) / (111.32 * Math.cos((center.lat * Math.PI) / 180));
  return { lat: round(center.lat + dLat, 5), lon: round(center.lon + dLon, 5) };
}

export function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** The events of one or more customers with their times in ms, in the same order. */
export interface TimedEvents {
  readonly times: number[];
  readonly events: CustomerEvent[];
}

const dayPrefixes = new Map<number, string>();
const secondSuffixes: (string | undefined)[] = new Array<string | undefined>(86_400).fill(undefined);

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `Date#toISOString` for whole seconds, built from a cached day prefix and a cached time-of-day suffix:
 * faster than `toISOString` and each result is one small string node over two shared ones.
 */
export function isoString(at: number): string {
  if (at % 1000 !== 0) return new Date(at).toISOString();
  const day = Math.floor(at / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const second = (at - day * DAY) / 1000;
  let suffix = secondSuffixes[second];
  if (suffix === undefined) {
    const h = Math.floor(second / 3600);
    const m = Math.floor((second % 3600) / 60);
    suffix = `${two(h)}:${two(m)}:${two(second % 60)}.000Z`;
    secondSuffixes[second] = suffix;
  }
  return prefix + suffix;
}

const sequenceNumbers: string[] = [];

/** `1` → `001` (cached). */
function sequence(n: number): string {
  let text = sequenceNumbers[n];
  if (text === undefined) {
    text = String(n).padStart(3, '0');
    sequenceNumbers[n] = text;
  }
  return text;
}

interface MutableEvent {
  id: string;
  type: EventType;
  channel: Channel;
  occurredAt: string;
  identifiers: Identifiers;
  properties: Record<string, unknown>;
}

/**
 * Collects one customer's events; `finish` orders them by time and numbers them
 * `demo-<customerId>-<nnn>`, so ids are deterministic and grow with time.
 */
export class HistoryWriter {
  private readonly times: number[] = [];
  private readonly events: MutableEvent[] = [];
  private orders = 0;

  constructor(
    readonly customerId: string,
    /** No event is later than this (ms). */
    readonly latest: number,
  ) {}

  /** Records an event at `at`, in whole seconds, clamped to `latest`; returns its time. */
  emit(type: EventType, channel: Channel, at: number, identifiers: Identifiers, properties: Record<string, unknown>): number {
    const time = Math.floor(Math.min(at, this.latest) / 1000) * 1000;
    this.times.push(time);
    this.events.push({ id: '', type, channel, occurredAt: '', identifiers, properties });
    return time;
  }

  /** A fresh order id for this customer. */
  nextOrderId(): string {
    this.orders++;
    return `ord-${this.customerId}-${String(this.orders).padStart(3, '0')}`;
  }

  get size(): number {
    return this.events.length;
  }

  /** The events in time order (ties in the order emitted), with ids and ISO times. */
  finish(): TimedEvents {
    const { times, events } = this;
    const order = times.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
    const outTimes: number[] = new Array(order.length);
    const outEvents: CustomerEvent[] = new Array(order.length);
    const idPrefix = `demo-${this.customerId}-`;
    for (let i = 0; i < order.length; i++) {
      const k = order[i] as number;
      const e = events[k] as MutableEvent;
      const at = times[k] as number;
      e.id = idPrefix + sequence(i + 1);
      e.occurredAt = isoString(at);
      outTimes[i] = at;
      outEvents[i] = e;
    }
    return { times: outTimes, events: outEvents };
  }
}

/**
 * Merges several customers' timed events into one list sorted by time; equal times keep the order of
 * `lists` (and of each list), so the result is deterministic.
 */
export function mergeByTime(lists: readonly TimedEvents[]): CustomerEvent[] {
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const l of lists) {
    n += l.times.length;
    for (const t of l.times) {
      if (t < min) min = t;
      if (t > max) max = t;
    }
  }
  const all: CustomerEvent[] = new Array(n);
  const times = new Float64Array(n);
  let k = 0;
  for (const l of lists) {
    for (let i = 0; i < l.times.length; i++, k++) {
      all[k] = l.events[i] as CustomerEvent;
      times[k] = l.times[i] as number;
    }
  }
  if (n === 0) return all;
  // One numeric key per event, (time - min) × 2^bits + position: a native typed-array sort, no comparator.
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** bits;
  if ((max - min + 1) * scale < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = ((times[i] as number) - min) * scale + i;
    keys.sort();
    const out: CustomerEvent[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = all[(keys[i] as number) % scale] as CustomerEvent;
    return out;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  return order.map((i) => all[i] as CustomerEvent);
}
