import { isTimeZone } from '@omnikernel/sdk';
import { z } from 'zod';


/** Options of the geo-time-offers plugin. */
export const geoTimeOffersOptionsSchema = z.object({
  /** The timezone when neither the request, the profile nor a nearby store gives one. */
  defaultTimezone: z.string().refine(isTimeZone, { message: 'not an IANA timezone Intl knows (e.g. Europe/Madrid)' }).default('Europe/London'),
  /** Propensity of an eligible offer before distance counts. */
  baseScore: z.number().min(0).max(1).default(0.35),
  /** Added to the score in proportion to closeness: at the store's door the full amount, at the fence's edge nothing. */
  proximityBoost: z.number().min(0).max(1).default(0.45),
  /** The radius of an offer tied to stores that gives none (km). */
  defaultRadiusKm: z.number().positive().default(1),
  /**
   * Ignore a profile location older than this (minutes). Unset: the last known location counts,
   * however old (the request's location always counts and overrides it).
   */
  maxLocationAgeMinutes: z.number().positive().optional(),
  /** How far ahead to look for the next time window that will make an offer eligible (days). */
  lookAheadDays: z.number().int().min(0).max(14).default(7),
});

/** Parsed options of the geo-time-offers plugin. */
export type GeoTimeOffersOptions = z.output<typeof geoTimeOffersOptionsSchema>;
