/** Milliseconds since the epoch of an ISO instant (any offset). */
export function ms(iso: string): number {
  return Date.parse(iso);
}

/** The same instant as a UTC ISO string, so stored times compare and sort alike. */
export function utc(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString();
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
