import { describe, expect, it } from 'vitest';
import { addDays, formatClock, instantOf, localTime, offsetMs, parseClock } from './local-time.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('local time', () => {
  it('reads the wall clock of a zone', () => {
    expect(localTime(Date.parse('2026-03-18T12:30:00Z'), 'Europe/Madrid')).toEqual({ year: 2026, month: 3, day: 18, weekday: 'wed', minutes: 13 * 60 + 30 });
    expect(localTime(Date.parse('2026-03-18T03:30:00Z'), 'America/Mexico_City')).toMatchObject({ day: 17, weekday: 'tue', minutes: 21 * 60 + 30 });
  });

  it('follows daylight saving time in the offset', () => {
    // Madrid moves from CET to CEST at 01:00Z on 29 March 2026.
    expect(offsetMs(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Madrid')).toBe(3_600_000);
    expect(offsetMs(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Madrid')).toBe(7_200_000);
  });

  it('turns a wall time into an instant on either side of a DST change', () => {
    expect(iso(instantOf({ year: 2026, month: 3, day: 28 }, 16 * 60, 'Europe/Madrid'))).toBe('2026-03-28T15:00:00.000Z');
    expect(iso(instantOf({ year: 2026, month: 3, day: 29 }, 16 * 60, 'Europe/Madrid'))).toBe('2026-03-29T14:00:00.000Z');
    // Minutes past 24:00 are the next day: 01:00 CET on the 29th.
    expect(iso(instantOf({ year: 2026, month: 3, day: 28 }, 24 * 60 + 60, 'Europe/Madrid'))).toBe('2026-03-29T00:00:00.000Z');
  });

  it('moves a wall time in a spring-forward gap forward by the gap, and picks the first of a repeated one', () => {
    // New York skips 02:00–03:00 on 8 March 2026: 02:30 becomes 03:30 EDT.
    expect(iso(instantOf({ year: 2026, month: 3, day: 8 }, 150, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 1 November 2026: the first (EDT).
    expect(iso(instantOf({ year: 2026, month: 11, day: 1 }, 90, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('parses and formats HH:MM and adds days across months', () => {
    expect(parseClock('13:05')).toBe(785);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('25:00')).toBeNaN();
    expect(parseClock('9')).toBeNaN();
    expect(formatClock(785)).toBe('13:05');
    expect(formatClock(1440 + 120)).toBe('02:00');
    expect(addDays({ year: 2026, month: 2, day: 28 }, 1)).toEqual({ year: 2026, month: 3, day: 1 });
  });
});
