const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance in kilometres (haversine, mean Earth radius).
 *
 * @example
 * distanceKm({ lat: 40.4168, lon: -3.7038 }, { lat: 41.3874, lon: 2.1686 }); // ≈ 505 (Madrid–Barcelona)
 */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
