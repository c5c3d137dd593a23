import { createPairMemo, type Weekday } from '@omnikernel/sdk';

/** A calendar date, without a zone. */
export interface LocalDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

/** An instant as a wall clock in some timezone shows it. */
export interface LocalTime extends LocalDate {
  readonly weekday: Weekday;
  /** Minutes since local midnight, 0–1439. */
  readonly minutes: number;
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
// Building an Intl.DateTimeFormat costs tens of microseconds; formatters are immutable, so one per zone is reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    if (formatters.size >= 256) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone. */
export function isTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

// Every real offset change happens on a quarter hour (UTC), so a zone's offset is one number for
// each 15-minute slice of time: one Intl call per zone and slice instead of one per question.
// Kept by zone, then by slice: no key string is built and hashed per question.
const SLICE_MS = 900_000;
const offsets = createPairMemo<string, number, number>(50_000);

function offsetAt(timeZone: string, start: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(start)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - start;
}

function sliceOffset(ms: number, timeZone: string): number {
  return offsets.get(timeZone, Math.floor(ms / SLICE_MS) * SLICE_MS, offsetAt);
}

function wallClock(ms: number, timeZone: string): { date: LocalDate; hour: number; minute: number; second: number } {
  const wall = new Date(Math.floor(ms / 1000) * 1000 + sliceOffset(ms, timeZone));
  return {
    date: { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() },
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The weekday of a calendar date. */
export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
}

/**
 * What the wall clock in `timeZone` shows at `ms`.
 *
 * @example
 * localTime(Date.parse('2026-03-18T12:30:00Z'), 'Europe/Madrid'); // { …, weekday: 'wed', minutes: 810 } (13:30)
 */
export function localTime(ms: number, timeZone: string): LocalTime {
  // One decision asks about the same instant and zone for each offer and store: the last answer is kept.
  if (ms === last.ms && timeZone === last.zone) return last.time;
  const { date, hour, minute } = wallClock(ms, timeZone);
  const time: LocalTime = Object.freeze({ ...date, weekday: weekdayOf(date), minutes: hour * 60 + minute });
  last = { ms, zone: timeZone, time };
  return time;
}

let last: { readonly ms: number; readonly zone: string; readonly time: LocalTime } = { ms: Number.NaN, zone: '', time: Object.freeze({ year: 0, month: 0, day: 0, weekday: 'sun', minutes: 0 }) };

/** How far the zone's wall clock is ahead of UTC at `ms` (ms; +3,600,000 for CET). */
export function offsetMs(ms: number, timeZone: string): number {
  const { date, hour, minute, second } = wallClock(ms, timeZone);
  return Date.UTC(date.year, date.month - 1, date.day, hour, minute, second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant the wall clock in `timeZone` shows `minutes` after midnight of `date` (minutes may
 * pass 1440: the next day). The offset is taken at the result, so DST changes land right; a wall
 * time in a spring-forward gap moves forward by the gap.
 */
export function instantOf(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const guess = wall - offsetMs(wall, timeZone);
  const settled = wall - offsetMs(guess, timeZone);
  if (settled + offsetMs(settled, timeZone) === wall) return settled;
  // In a gap neither guess shows the wall time: the later one is the wall time moved forward by
  // the gap (as Temporal's 'compatible' disambiguation does).
  return Math.max(guess, settled);
}

/** The calendar date `n` days after `date`. */
export function addDays(date: LocalDate, n: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// Clock strings come from the catalog's windows and opening hours: a handful, each parsed once.
const clocks = new Map<string, number>();

/** `HH:MM` → minutes after midnight (`24:00` is 1440); NaN when malformed. */
export function parseClock(value: string): number {
  let minutes = clocks.get(value);
  if (minutes === undefined) {
    const match = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(value);
    minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
    if (minutes > 1440) minutes = Number.NaN;
    if (clocks.size >= 4096) clocks.clear();
    clocks.set(value, minutes);
  }
  return minutes;
}

/** Minutes after midnight → `HH:MM` (1440 → `24:00`, 1500 → `01:00`). */
export function formatClock(minutes: number): string {
  const m = minutes === 1440 ? 1440 : ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
