/**
 * Distances on the Earth as a sphere of the mean radius, as Elasticsearch's `arc` distance computes them,
 * so that both search adapters agree on who is within a radius.
 */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

const radians = (degrees: number) => (degrees * Math.PI) / 180;
const degrees = (radians: number) => (radians * 180) / Math.PI;

/** Great-circle distance in km (haversine). */
export function distanceKm(
  from: { readonly latitude: number; readonly longitude: number },
  to: { readonly latitude: number; readonly longitude: number },
): number {
  const dLatitude = radians(to.latitude - from.latitude);
  const dLongitude = radians(to.longitude - from.longitude);
  const a =
    Math.sin(dLatitude / 2) ** 2 +
    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLongitude / 2) ** 2;
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface BoundingBox {
  readonly minLatitude: number;
  readonly maxLatitude: number;
  readonly minLongitude: number;
  readonly maxLongitude: number;
}

/**
 * The smallest latitude/longitude box holding the circle, for an index to narrow the rows before the exact
 * distance is computed; null when the circle covers a pole or crosses the 180th meridian, where no single
 * box does (the exact distance alone decides there).
 */
export function boundingBox(
  centre: { readonly latitude: number; readonly longitude: number },
  radiusKm: number,
): BoundingBox | null {
  const angular = radiusKm / EARTH_MEAN_RADIUS_KM;
  const minLatitude = centre.latitude - degrees(angular);
  const maxLatitude = centre.latitude + degrees(angular);
  if (minLatitude <= -90 || maxLatitude >= 90) return null;
  // The widest longitude of a spherical circle (not at its centre's latitude, but the bound holds there).
  const dLongitude = degrees(Math.asin(Math.sin(angular) / Math.cos(radians(centre.latitude))));
  const minLongitude = centre.longitude - dLongitude;
  const maxLongitude = centre.longitude + dLongitude;
  if (minLongitude < -180 || maxLongitude > 180) return null;
  return { minLatitude, maxLatitude, minLongitude, maxLongitude };
}
