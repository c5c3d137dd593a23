/**
 * UTC offsets of the demo's five time zones, from their daylight-saving rules (EU since 1996, US since
 * 2007, Mexico City without DST since 2022). Computed, not read from the platform's time-zone database,
 * so the demo data is identical on every Node version and fast to generate.
 */
const HOUR = 3_600_000;

type Rule = 'eu' | 'us' | 'none';

const ZONES: Readonly<Record<string, { readonly base: number; readonly rule: Rule }>> = {
  'Europe/Madrid': { base: 1, rule: 'eu' },
  'Europe/Paris': { base: 1, rule: 'eu' },
  'Europe/London': { base: 0, rule: 'eu' },
  'America/New_York': { base: -5, rule: 'us' },
  'America/Mexico_City': { base: -6, rule: 'none' },
};

/** The UTC instant of the n-th (1-based; 0 = last) Sunday of a month, plus `hourUtc` hours. */
function sunday(year: number, month: number, n: number, hourUtc: number): number {
  if (n === 0) {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay()) + hourUtc * HOUR;
  }
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const day = 1 + ((7 - first) % 7) + (n - 1) * 7;
  return Date.UTC(year, month, day) + hourUtc * HOUR;
}

const dstCache: Record<'eu' | 'us', Map<number, readonly [number, number]>> = { eu: new Map(), us: new Map() };

function dstRange(rule: 'eu' | 'us', year: number): readonly [number, number] {
  let range = dstCache[rule].get(year);
  if (!range) {
    range =
      rule === 'eu'
        ? [sunday(year, 2, 0, 1), sunday(year, 9, 0, 1)] // last Sunday of March/October, 01:00 UTC
        : [sunday(year, 2, 2, 7), sunday(year, 10, 1, 6)]; // 2nd Sunday of March 02:00 EST, 1st Sunday of November 02:00 EDT
    dstCache[rule].set(year, range);
  }
  return range;
}

/** The UTC year of an instant, without allocating a Date. */
function utcYear(at: number): number {
  let year = 1970 + Math.floor(at / 31_556_952_000);
  if (at < Date.UTC(year, 0, 1)) year--;
  else if (at >= Date.UTC(year + 1, 0, 1)) year++;
  return year;
}

/** Whether the zone is one the demo knows. */
export function isKnownZone(timeZone: string): boolean {
  return timeZone in ZONES;
}

/** The zone's offset from UTC at an instant, in ms. */
export function utcOffsetMs(timeZone: string, at: number): number {
  const zone = ZONES[timeZone];
  if (!zone) throw new Error(`demo data has no offset rules for ${timeZone}`);
  if (zone.rule === 'none') return zone.base * HOUR;
  const [start, end] = dstRange(zone.rule, utcYear(at));
  return (zone.base + (at >= start && at < end ? 1 : 0)) * HOUR;
}
