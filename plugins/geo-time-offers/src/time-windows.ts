import type { TimeWindow, Weekday } from '@omnikernel/sdk';
import { type LocalDate, addDays, instantOf, localTime, parseClock, weekdayOf } from './local-time.ts';

/** A window that holds now, and when it ends. */
export interface ActiveWindow {
  readonly window: TimeWindow;
  /** The instant it ends (ms). */
  readonly endsAt: number;
  /** Its end on the local clock, minutes after midnight. */
  readonly end: number;
}

const PREVIOUS: Readonly<Record<Weekday, Weekday>> = { mon: 'sun', tue: 'mon', wed: 'tue', thu: 'wed', fri: 'thu', sat: 'fri', sun: 'sat' };
const on = (w: TimeWindow, day: Weekday) => !w.days || w.days.length === 0 || w.days.includes(day);

/**
 * The window that holds at `now` in `timeZone` and lasts longest, or null. `end` before (or
 * equal to) `start` crosses midnight, and such a window belongs to the day it starts: a Friday
 * 22:00–02:00 window holds on Saturday at 01:00.
 */
export function activeWindow(windows: readonly TimeWindow[], now: number, timeZone: string): ActiveWindow | null {
  const local = localTime(now, timeZone);
  const today: LocalDate = local;
  let best: ActiveWindow | null = null;
  const consider = (window: TimeWindow, date: LocalDate, endMinutes: number) => {
    const endsAt = instantOf(date, endMinutes, timeZone);
    if (endsAt > now && (best === null || endsAt > best.endsAt)) best = { window, endsAt, end: endMinutes % 1440 };
  };
  for (const w of windows) {
    const start = parseClock(w.start);
    const end = parseClock(w.end);
    if (Number.isNaN(start) || Number.isNaN(end)) continue;
    if (start < end) {
      if (on(w, local.weekday) && local.minutes >= start && local.minutes < end) consider(w, today, end);
    } else {
      if (on(w, local.weekday) && local.minutes >= start) consider(w, today, end + 1440);
      if (on(w, PREVIOUS[local.weekday]) && local.minutes < end) consider(w, today, end);
    }
  }
  return best;
}

/** When the next of the windows starts after `now`, within `days` days; null when none does. */
export function nextWindowStart(windows: readonly TimeWindow[], now: number, timeZone: string, days: number): number | null {
  const today: LocalDate = localTime(now, timeZone);
  let next: number | null = null;
  for (let k = 0; k <= days; k++) {
    const date = addDays(today, k);
    const weekday = weekdayOf(date);
    for (const w of windows) {
      const start = parseClock(w.start);
      if (Number.isNaN(start) || Number.isNaN(parseClock(w.end)) || !on(w, weekday)) continue;
      const at = instantOf(date, start, timeZone);
      if (at > now && (next === null || at < next)) next = at;
    }
    if (next !== null) return next;
  }
  return next;
}
