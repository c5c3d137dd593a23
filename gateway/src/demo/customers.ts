import { CATEGORIES, type CategoryId } from './catalog.ts';
import { asciiSlug, NAMES_BY_STORE } from './names.ts';
import { createRng, hashString, type Rng } from './random.ts';
import type { StoreId } from './stores.ts';

/** Segments the identify traits carry (`vip` is what the VIP offer targets). */
export type Segment = 'vip' | 'regular' | 'occasional' | 'new';

export interface Consent {
  readonly marketing: boolean;
  readonly email: boolean;
  readonly sms: boolean;
  readonly personalization: boolean;
}

/** Who a demo customer is, and where: what every demo customer has. */
interface DemoIdentity {
  readonly customerId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  /** E.164, as the store keeps it. */
  readonly phone: string;
  readonly deviceId: string;
  readonly loyaltyId: string;
  readonly crmId: string;
  readonly country: string;
  readonly timezone: string;
  readonly homeStoreId: StoreId;
  readonly segment: Segment;
}

/** A demo customer: identity, home and the tastes the history generator follows. */
export interface DemoCustomer extends DemoIdentity {
  readonly usesApp: boolean;
  readonly consent: Consent;
  /** Category preference weights (every category has some weight). */
  readonly categoryWeights: readonly number[];
  /** When the customer first appeared, in days before the anchor. */
  readonly firstSeenDaysAgo: number;
}

/** A featured demo customer: fixed identity, used in the README's curl examples. */
export interface FeaturedCustomer extends DemoIdentity {
  /** The same number as people write it. */
  readonly phoneDisplay: string;
  /** One line: what the customer demonstrates. */
  readonly description: string;
}

/** The three featured customers whose stories the demo tells. */
export const DEMO_CUSTOMERS = {
  lunch: {
    customerId: 'demo-lunch',
    firstName: 'Lucía',
    lastName: 'Martín',
    email: 'lucia.martin@example.com',
    phone: '+34612345678',
    phoneDisplay: '+34 612 345 678',
    deviceId: 'dev-lucia-01',
    loyaltyId: 'L-100001',
    crmId: 'CRM-1000001',
    country: 'ES',
    timezone: 'Europe/Madrid',
    homeStoreId: 'madrid-gran-via',
    segment: 'regular',
    description:
      'Coffee lover in Madrid whose app reported her ~300 m from the Gran Vía store 10 minutes ago: on a weekday between 12:00 and 15:00 Madrid time she gets the lunch-time coffee offer.',
  },
  cart: {
    customerId: 'demo-cart',
    firstName: 'James',
    lastName: 'Carter',
    email: 'james.carter@example.com',
    phone: '+447911123456',
    phoneDisplay: '+44 7911 123456',
    deviceId: 'dev-james-01',
    loyaltyId: 'L-100002',
    crmId: 'CRM-1000002',
    country: 'GB',
    timezone: 'Europe/London',
    homeStoreId: 'london-oxford-street',
    segment: 'regular',
    description:
      'Londoner who viewed the Barista Pro Espresso Machine several times, abandoned it in his cart 2 days ago and called the contact center about it: his next best offer is 10 % off what he left in the cart.',
  },
  store: {
    customerId: 'demo-store',
    firstName: 'Sofía',
    lastName: 'Hernández',
    email: 'sofia.hernandez@example.com',
    phone: '+525512345678',
    phoneDisplay: '+52 55 1234 5678',
    deviceId: 'dev-sofia-01',
    loyaltyId: 'L-100003',
    crmId: 'CRM-1000003',
    country: 'MX',
    timezone: 'America/Mexico_City',
    homeStoreId: 'mexico-city-polanco',
    segment: 'regular',
    description:
      'Shops in person at Mexico City Polanco (a copper kettle, then a cookware set) and browses knives in the app: cross-sell recommendations and the cookware bundle.',
  },
} as const satisfies Record<string, FeaturedCustomer>;

/** Where a home store puts its customers: country, zone, phone numbers and an approximate UTC offset. */
interface Home {
  readonly storeId: StoreId;
  readonly share: number;
  readonly country: string;
  readonly timezone: string;
  readonly phone: (rng: Rng) => string;
}

function digits(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
  return out;
}

/**
 * Mobile ranges libphonenumber-js (max metadata) accepts as valid mobile numbers of the home country
 * (+44 7911 1… and 7… belong to Guernsey, +33 63…/69… are partly unassigned).
 */
export const HOMES: readonly Home[] = [
  { storeId: 'madrid-gran-via', share: 0.22, country: 'ES', timezone: 'Europe/Madrid', phone: (r) => `+346${digits(r, 8)}` },
  { storeId: 'barcelona-passeig-de-gracia', share: 0.17, country: 'ES', timezone: 'Europe/Madrid', phone: (r) => `+346${digits(r, 8)}` },
  { storeId: 'london-oxford-street', share: 0.18, country: 'GB', timezone: 'Europe/London', phone: (r) => `+447911${r.pick(['0', '2', '8'])}${digits(r, 5)}` },
  { storeId: 'paris-rivoli', share: 0.16, country: 'FR', timezone: 'Europe/Paris', phone: (r) => `+336${r.pick(['0', '1', '2', '4', '5', '6', '7', '8'])}${digits(r, 7)}` },
  { storeId: 'mexico-city-polanco', share: 0.14, country: 'MX', timezone: 'America/Mexico_City', phone: (r) => `+5255${digits(r, 8)}` },
  { storeId: 'new-york-soho', share: 0.13, country: 'US', timezone: 'America/New_York', phone: (r) => `+1212${r.int(2, 9)}${r.int(0, 9)}${r.int(1, 9)}${digits(r, 4)}` },
];

const HOME_BY_STORE: ReadonlyMap<string, Home> = new Map(HOMES.map((h) => [h.storeId, h]));

/** The home of a store id (its country, zone and UTC offset). */
export function homeOf(storeId: string): Home {
  const home = HOME_BY_STORE.get(storeId);
  if (!home) throw new Error(`unknown home store ${storeId}`);
  return home;
}

/** How popular each category is overall (same order as CATEGORIES). */
const CATEGORY_POPULARITY: Readonly<Record<CategoryId, number>> = {
  coffee: 1.5,
  kettles: 1,
  cookware: 1.4,
  knives: 0.9,
  tableware: 1,
  bedding: 1,
  towels: 0.8,
  lamps: 0.8,
  storage: 0.7,
  'small-appliances': 1,
  garden: 0.6,
  kids: 0.6,
};

const SEGMENTS: readonly Segment[] = ['vip', 'regular', 'occasional', 'new'];
const SEGMENT_SHARES = [0.08, 0.5, 0.3, 0.12];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Category weights: one to three favourites and a little of everything else. */
function categoryWeights(rng: Rng): number[] {
  const popularity = CATEGORIES.map((c) => CATEGORY_POPULARITY[c.id]);
  const weights = popularity.map((p) => 0.15 * p);
  const favourites = rng.int(1, 3);
  const strength = [6, 3, 1.5];
  const taken = new Set<number>();
  for (let i = 0; i < favourites; i++) {
    let idx = rng.weighted(
      CATEGORIES.map((_, k) => k),
      popularity,
    );
    while (taken.has(idx)) idx = (idx + 1) % CATEGORIES.length;
    taken.add(idx);
    weights[idx] = (weights[idx] ?? 0) + (strength[i] ?? 1);
  }
  return weights;
}

/** Weights for the featured customers: mostly the given categories. */
export function featuredWeights(favourites: Partial<Record<CategoryId, number>>): number[] {
  return CATEGORIES.map((c) => favourites[c.id] ?? 0.05);
}

/**
 * `count` generated customers (ids `cust-0004` … when the three featured customers take the first numbers).
 * Deterministic for a seed; each customer draws from its own stream, so the n-th customer does not change
 * when the count changes.
 */
export function createCustomers(count: number, seed: number, firstNumber = 4): DemoCustomer[] {
  const usedPhones = new Set<string>(Object.values(DEMO_CUSTOMERS).map((c) => c.phone));
  const customers: DemoCustomer[] = [];
  const homeShares = HOMES.map((h) => h.share);
  for (let i = 0; i < count; i++) {
    const n = firstNumber + i;
    const customerId = `cust-${pad(n, 4)}`;
    const rng = createRng(hashString(`${seed}:customer:${customerId}`));
    const home = rng.weighted(HOMES, homeShares);
    const names = NAMES_BY_STORE[home.storeId];
    if (!names) throw new Error(`no names for ${home.storeId}`);
    const firstName = rng.chance(0.5) ? rng.pick(names.female) : rng.pick(names.male);
    const lastName = rng.pick(names.last);
    let phone = home.phone(rng);
    while (usedPhones.has(phone)) phone = home.phone(rng);
    usedPhones.add(phone);
    const segment = rng.weighted(SEGMENTS, SEGMENT_SHARES);
    const email = rng.chance(0.97);
    customers.push({
      customerId,
      firstName,
      lastName,
      email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}${n}@example.com`,
      phone,
      deviceId: `dev-${(hashString(`${seed}:device:${n}`) >>> 0).toString(16).padStart(8, '0')}${pad(n, 4)}`,
      loyaltyId: `L-${100000 + n}`,
      crmId: `CRM-${1000000 + n}`,
      country: home.country,
      timezone: home.timezone,
      homeStoreId: home.storeId,
      segment,
      usesApp: rng.chance(segment === 'vip' ? 0.8 : 0.55),
      consent: {
        marketing: rng.chance(0.78),
        email,
        sms: rng.chance(0.2),
        personalization: rng.chance(0.93),
      },
      categoryWeights: categoryWeights(rng),
      firstSeenDaysAgo: segment === 'new' ? rng.int(4, 28) : rng.int(45, 179),
    });
  }
  return customers;
}
