import type { TimeWindow } from '@omnikernel/sdk';
import { describe, expect, it } from 'vitest';
import { activeWindow, nextWindowStart } from './time-windows.ts';

const friNight: TimeWindow = { days: ['fri'], start: '22:00', end: '02:00', label: 'late night' };
const lunch: TimeWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '13:00', end: '16:00', label: 'lunch' };
const at = (isoString: string) => Date.parse(isoString);
const iso = (ms: number | null | undefined) => (ms == null ? ms : new Date(ms).toISOString());

describe('time windows', () => {
  it('holds a window crossing midnight on the night it starts, in the customer\'s zone', () => {
    // Friday 16 January 2026, 23:00 in New York (EST, UTC−5) = Saturday 04:00Z.
    expect(iso(activeWindow([friNight], at('2026-01-17T04:00:00Z'), 'America/New_York')?.endsAt)).toBe('2026-01-17T07:00:00.000Z');
    // Saturday 01:30 in New York still belongs to Friday's window; it ends at 02:00 local = 07:00Z.
    const late = activeWindow([friNight], at('2026-01-17T06:30:00Z'), 'America/New_York');
    expect(iso(late?.endsAt)).toBe('2026-01-17T07:00:00.000Z');
    expect(late?.end).toBe(120);
    // The same instant in Madrid is Saturday 07:30: outside.
    expect(activeWindow([friNight], at('2026-01-17T06:30:00Z'), 'Europe/Madrid')).toBeNull();
    // Saturday 23:00 in New York: the window is for Fridays only.
    expect(activeWindow([friNight], at('2026-01-18T04:00:00Z'), 'America/New_York')).toBeNull();
  });

  it('ends a window at the end time (exclusive) and starts it at the start (inclusive)', () => {
    expect(iso(activeWindow([lunch], at('2026-03-18T12:00:00Z'), 'Europe/Madrid')?.endsAt)).toBe('2026-03-18T15:00:00.000Z');
    expect(activeWindow([lunch], at('2026-03-18T15:00:00Z'), 'Europe/Madrid')).toBeNull();
    expect(activeWindow([lunch], at('2026-03-18T11:59:59Z'), 'Europe/Madrid')).toBeNull();
  });

  it('keeps the window that lasts longest when several hold', () => {
    const long: TimeWindow = { start: '12:00', end: '18:00' };
    expect(activeWindow([lunch, long], at('2026-03-18T12:30:00Z'), 'Europe/Madrid')?.window).toBe(long);
  });

  it('finds the next start, across days and weekends', () => {
    // Wednesday 18 March, 17:00 in Madrid: next lunch is Thursday 13:00 CET = 12:00Z.
    expect(iso(nextWindowStart([lunch], at('2026-03-18T16:00:00Z'), 'Europe/Madrid', 7))).toBe('2026-03-19T12:00:00.000Z');
    // Saturday 23:00 in New York: next Friday 22:00 EST = Saturday 03:00Z.
    expect(iso(nextWindowStart([friNight], at('2026-01-18T04:00:00Z'), 'America/New_York', 7))).toBe('2026-01-24T03:00:00.000Z');
    expect(nextWindowStart([friNight], at('2026-01-18T04:00:00Z'), 'America/New_York', 2)).toBeNull();
  });

  it('ignores malformed windows', () => {
    expect(activeWindow([{ start: '1pm', end: '16:00' }], at('2026-03-18T12:30:00Z'), 'Europe/Madrid')).toBeNull();
  });
});
