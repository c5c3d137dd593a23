import type { TimeWindow } from '@omnikernel/sdk';
import { formatClock } from './local-time.ts';
import type { OpenNow } from './opening-hours.ts';
import type { StoreMatch } from './place.ts';

/** `350 m`, `1.2 km`, `12 km`: what a person reads on a phone. */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.max(10, Math.round(km * 100) * 10)} m`;
  return km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}

/** "Our Madrid Gran Vía store is 350 m away and open until 21:00" (or "You are in our … store"). */
export function storeReason(match: StoreMatch, open: OpenNow | null): string {
  const until = open?.close ? ` and open until ${open.close}` : '';
  if (match.inside) return `You are in our ${match.store.name} store${open?.close ? `, open until ${open.close}` : ''}`;
  if (Number.isNaN(match.km)) return `Our ${match.store.name} store is open${open?.close ? ` until ${open.close}` : ''}`;
  return `Our ${match.store.name} store is ${formatDistance(match.km)} away${until}`;
}

/** "Valid for lunch until 16:00" / "Valid until 02:00": the end on the customer's clock. */
export function windowReason(window: TimeWindow, end: number): string {
  return window.label ? `Valid for ${window.label} until ${formatClock(end)}` : `Valid until ${formatClock(end)}`;
}
