/** Milliseconds since the epoch of an ISO instant (any offset). */
export function ms(iso: string): number {
  return Date.parse(iso);
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
 * (formatting a Date costs more than the parse); the check admits only fields that round-trip.
 */
export function instant(iso: string): Instant {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return { at: iso, ms: t };
  return { at: roundTrips(iso) ? iso : new Date(t).toISOString(), ms: t };
}

/** True when `new Date(Date.parse(iso)).toISOString() === iso`, without formatting. */
function roundTrips(iso: string): boolean {
  if (iso.length !== 24 || !CANONICAL.test(iso)) return false;
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  // Days past the 28th may not exist in that month (Date.parse rolls them over): format those.
  return month >= 1 && month <= 12 && day >= 1 && day <= 28 && twoDigits(iso, 11) < 24 && twoDigits(iso, 14) < 60 && twoDigits(iso, 17) < 60;
}

function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
}

// `toISOString()` output (`2026-03-02T09:00:00.000Z`) sorts as text in time order, which is far
// cheaper than parsing: the projection compares stored instants on every event.
const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Negative when `a` is before `b`, 0 when equal, positive after. */
export function compareTime(a: string, b: string): number {
  if (a.length === 24 && b.length === 24 && CANONICAL.test(a) && CANONICAL.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return ms(a) - ms(b);
}

/** The later of two instants (as given). */
export function latest(a: string, b: string): string {
  return compareTime(b, a) > 0 ? b : a;
}

/** The earlier of two instants (as given). */
export function earliest(a: string, b: string): string {
  return compareTime(b, a) < 0 ? b : a;
}
