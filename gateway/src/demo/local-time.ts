import type { Weekday } from '@omnikernel/sdk';
import { DAY } from './history-writer.ts';
import { utcOffsetMs } from './zones.ts';

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The local weekday at an instant. */
export function localWeekday(at: number, timeZone: string): Weekday {
  return WEEKDAYS[new Date(at + utcOffsetMs(timeZone, at)).getUTCDay()] as Weekday;
}

/** Local hours since local midnight (fractional) at an instant. */
export function localHourOfDay(at: number, timeZone: string): number {
  const local = at + utcOffsetMs(timeZone, at);
  return (((local % DAY) + DAY) % DAY) / 3_600_000;
}

/**
 * The instant at local `hh:mm` in `timeZone`, on the local date `daysAgo` days before `anchor`.
 * Exact across daylight-saving changes.
 */
export function localInstant(anchor: number, daysAgo: number, time: string, timeZone: string): number {
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const ref = anchor - daysAgo * DAY;
  const localRef = ref + utcOffsetMs(timeZone, ref);
  const wallUtc = Math.floor(localRef / DAY) * DAY + (hh * 60 + mm) * 60_000;
  const guess = wallUtc - utcOffsetMs(timeZone, ref);
  return wallUtc - utcOffsetMs(timeZone, guess);
}

/** The first local weekday (Mon–Fri) at or before `daysAgo` days before the anchor. */
export function weekdayDaysAgo(anchor: number, daysAgo: number, timeZone: string): number {
  let d = daysAgo;
  for (;;) {
    const day = localWeekday(anchor - d * DAY, timeZone);
    if (day !== 'sat' && day !== 'sun') return d;
    d++;
  }
}
