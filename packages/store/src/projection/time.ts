/** Milliseconds since the epoch of an ISO instant (any offset). */
export function ms(iso: string): number {
  const t = canonicalMs(iso);
  return Number.isNaN(t) ? Date.parse(iso) : t;
}

/**
 * Epoch ms of text in `toISOString()` form (`2026-03-02T09:00:00.000Z`), read digit by digit, or
 * NaN for anything else (then `Date.parse` decides). Stored instants are all in this form, and
 * ingestion reads several per event (first and last seen, list entries, affinities): `Date.parse`
 * (~2× the cost of this) was ~3% of an embedded ingestion's CPU. Only dates that exist pass (the
 * rest, which `Date.parse` may roll over or reject, go to it).
 */
function canonicalMs(iso: string): number {
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84) return NaN;
  if (iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58 || iso.charCodeAt(19) !== 46) return NaN;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  const second = digits(iso, 17, 2);
  const millis = digits(iso, 20, 3);
  // NaN (a non-digit) fails every comparison below.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59 && millis >= 0)) return NaN;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
}

/** 28 to 31 (NaN for a month that is not one). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`): cheaper than Date.UTC's call. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The decimal number of `length` digits at `at`, or NaN when one of them is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
}

/** The same instant as a UTC ISO string, so stored times compare and sort alike. */
export function utc(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString();
}

/** An instant as the projection keeps it: UTC ISO text and epoch ms. */
export interface Instant {
  readonly at: string;
  readonly ms: number;
}

/**
 * `utc(iso)` and `ms(iso)` from one parse. Text already in `toISOString()` form is kept as is
 * (formatting a Date costs more than the parse); whatever `canonicalMs` refuses is not in that form
 * or names no real instant, so it is formatted.
 */
export function instant(iso: string): Instant {
  const fast = canonicalMs(iso);
  // What canonicalMs reads round-trips through toISOString (only dates that exist pass).
  if (!Number.isNaN(fast)) return { at: iso, ms: fast };
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return { at: iso, ms: t };
  return { at: new Date(t).toISOString(), ms: t };
}

// `toISOString()` output (`2026-03-02T09:00:00.000Z`) sorts as text in time order, which is far
// cheaper than parsing: the projection compares stored instants on every event.
const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Negative when `a` is before `b`, 0 when equal, positive after. */
export function compareTime(a: string, b: string): number {
  if (a.length === 24 && b.length === 24 && CANONICAL.test(a) && CANONICAL.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a === b ? 0 : ms(a) - ms(b);
}

/** The later of two instants (as given). */
export function latest(a: string, b: string): string {
  return compareTime(b, a) > 0 ? b : a;
}

/** The earlier of two instants (as given). */
export function earliest(a: string, b: string): string {
  return compareTime(b, a) < 0 ? b : a;
}
