import type { Store } from '@omnikernel/sdk';
import { fixtureCatalog } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { openNow } from './opening-hours.ts';

const catalog = fixtureCatalog();
const barcelona = catalog.store('s-barcelona')!;
const at = (isoString: string) => Date.parse(isoString);

describe('openNow', () => {
  it('tells when a store open now closes, on its own clock', () => {
    expect(openNow(catalog.store('s-madrid')!, at('2026-03-18T12:30:00Z'))).toEqual({ closesAt: at('2026-03-18T20:00:00Z'), close: '21:00' });
  });

  it('is closed between split hours and on days without hours', () => {
    // Saturday 21 March 2026, 15:00 in Barcelona: closed for lunch (10–14, 16–21).
    expect(openNow(barcelona, at('2026-03-21T14:00:00Z'))).toBeNull();
    expect(openNow(barcelona, at('2026-03-21T15:30:00Z'))?.close).toBe('21:00');
    expect(openNow(barcelona, at('2026-03-22T11:00:00Z'))).toBeNull(); // Sunday
  });

  it('keeps a slot past midnight open into the next day, and a store without hours always open', () => {
    const bar: Store = { id: 'b', name: 'Bar', lat: 0, lon: 0, timezone: 'Europe/London', openingHours: { fri: [{ open: '18:00', close: '02:00' }] } };
    expect(openNow(bar, at('2026-03-21T01:00:00Z'))).toEqual({ closesAt: at('2026-03-21T02:00:00Z'), close: '02:00' }); // Sat 01:00
    expect(openNow(bar, at('2026-03-21T03:00:00Z'))).toBeNull();
    expect(openNow({ ...bar, openingHours: undefined }, 0)).toEqual({ closesAt: null, close: null });
  });
});
