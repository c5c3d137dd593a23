import type { Store, Weekday } from '@omnikernel/sdk';
import { instantOf, localTime, parseClock } from './local-time.ts';

/** A store open now: when it closes (ms) and the closing time on its clock (`HH:MM`); `closesAt` null: never closes. */
export interface OpenNow {
  readonly closesAt: number | null;
  readonly close: string | null;
}

const PREVIOUS: Readonly<Record<Weekday, Weekday>> = { mon: 'sun', tue: 'mon', wed: 'tue', thu: 'wed', fri: 'thu', sat: 'fri', sun: 'sat' };

/**
 * Whether the store is open at `now` on its own clock, and until when; null when closed.
 * No `openingHours` means always open; a day absent is closed; a slot whose close is not after
 * its open runs past midnight (a bar open 18:00–02:00).
 */
export function openNow(store: Store, now: number): OpenNow | null {
  const hours = store.openingHours;
  if (!hours) return { closesAt: null, close: null };
  const local = localTime(now, store.timezone);
  let best: OpenNow | null = null;
  const consider = (minutes: number, close: string) => {
    const closesAt = instantOf(local, minutes, store.timezone);
    if (closesAt > now && (best === null || closesAt > (best.closesAt ?? 0))) best = { closesAt, close };
  };
  for (const slot of hours[local.weekday] ?? []) {
    const open = parseClock(slot.open);
    const close = parseClock(slot.close);
    if (Number.isNaN(open) || Number.isNaN(close)) continue;
    if (open < close && local.minutes >= open && local.minutes < close) consider(close, slot.close);
    if (open >= close && local.minutes >= open) consider(close + 1440, slot.close);
  }
  for (const slot of hours[PREVIOUS[local.weekday]] ?? []) {
    const open = parseClock(slot.open);
    const close = parseClock(slot.close);
    if (!Number.isNaN(open) && !Number.isNaN(close) && open >= close && local.minutes < close) consider(close, slot.close);
  }
  return best;
}
