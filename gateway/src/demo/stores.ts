import type { Store, Weekday } from '@omnikernel/sdk';

type Hours = NonNullable<Store['openingHours']>;

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

function hours(weekday: [string, string], saturday: [string, string], sunday?: [string, string]): Hours {
  const out: Partial<Record<Weekday, { open: string; close: string }[]>> = {};
  for (const day of WEEKDAYS) out[day] = [{ open: weekday[0], close: weekday[1] }];
  out.sat = [{ open: saturday[0], close: saturday[1] }];
  if (sunday) out.sun = [{ open: sunday[0], close: sunday[1] }];
  return out;
}

/** Store ids, in a fixed order. */
export const STORE_IDS = [
  'madrid-gran-via',
  'barcelona-passeig-de-gracia',
  'london-oxford-street',
  'paris-rivoli',
  'mexico-city-polanco',
  'new-york-soho',
] as const;

export type StoreId = (typeof STORE_IDS)[number];

/** The six stores of the demo retailer, in real cities with real coordinates and time zones. */
export function createStores(): Store[] {
  return [
    {
      id: 'madrid-gran-via',
      name: 'Madrid Gran Vía',
      city: 'Madrid',
      country: 'ES',
      lat: 40.4203,
      lon: -3.7058,
      timezone: 'Europe/Madrid',
      openingHours: hours(['10:00', '21:00'], ['10:00', '21:30'], ['11:00', '19:00']),
    },
    {
      id: 'barcelona-passeig-de-gracia',
      name: 'Barcelona Passeig de Gràcia',
      city: 'Barcelona',
      country: 'ES',
      lat: 41.3917,
      lon: 2.1649,
      timezone: 'Europe/Madrid',
      openingHours: hours(['10:00', '21:00'], ['10:00', '21:00'], ['12:00', '20:00']),
    },
    {
      id: 'london-oxford-street',
      name: 'London Oxford Street',
      city: 'London',
      country: 'GB',
      lat: 51.5154,
      lon: -0.141,
      timezone: 'Europe/London',
      // Sunday trading: six hours.
      openingHours: hours(['10:00', '21:00'], ['09:30', '21:00'], ['12:00', '18:00']),
    },
    {
      id: 'paris-rivoli',
      name: 'Paris Rivoli',
      city: 'Paris',
      country: 'FR',
      lat: 48.8606,
      lon: 2.3376,
      timezone: 'Europe/Paris',
      openingHours: hours(['10:00', '20:30'], ['10:00', '20:30'], ['11:00', '19:00']),
    },
    {
      id: 'mexico-city-polanco',
      name: 'Mexico City Polanco',
      city: 'Mexico City',
      country: 'MX',
      lat: 19.4326,
      lon: -99.191,
      timezone: 'America/Mexico_City',
      openingHours: hours(['11:00', '21:00'], ['11:00', '21:00'], ['11:00', '19:00']),
    },
    {
      id: 'new-york-soho',
      name: 'New York SoHo',
      city: 'New York',
      country: 'US',
      lat: 40.7233,
      lon: -74.003,
      timezone: 'America/New_York',
      openingHours: hours(['10:00', '21:00'], ['10:00', '21:00'], ['11:00', '19:00']),
    },
  ];
}
