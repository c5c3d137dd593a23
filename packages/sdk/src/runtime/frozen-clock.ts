import type { Clock } from '../types/context.ts';

/**
 * A clock stopped at one instant: what plugins get instead of the wall clock.
 *
 * @example
 * const clock = createFrozenClock('2026-11-23T12:30:00Z');
 * clock.iso(); // '2026-11-23T12:30:00.000Z'
 */
export function createFrozenClock(at: number | string | Date): Clock {
  const ms = typeof at === 'number' ? at : new Date(at).getTime();
  if (!Number.isFinite(ms)) throw new TypeError(`createFrozenClock: not a valid instant: ${String(at)}`);
  const iso = new Date(ms).toISOString();
  return Object.freeze({ now: () => ms, iso: () => iso });
}
