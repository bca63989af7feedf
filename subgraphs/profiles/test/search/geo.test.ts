import { describe, expect, it } from 'vitest';
import { boundingBox, distanceKm } from '../../src/search/geo.ts';

const LYON = { latitude: 45.764, longitude: 4.8357 };
const PARIS = { latitude: 48.8566, longitude: 2.3522 };

/** A linear congruential generator: the same points on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('distances', () => {
  it('are great-circle distances on the mean Earth radius', () => {
    expect(distanceKm(LYON, PARIS)).toBeCloseTo(391.5, 0);
    expect(distanceKm(LYON, LYON)).toBe(0);
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(
      20_015.1,
      0,
    );
  });
});

describe('the bounding box of a circle', () => {
  it('holds every point of the circle, here and far north', () => {
    const next = seededRandom(7);
    for (const centre of [
      LYON,
      { latitude: 69.6496, longitude: 18.956 },
      { latitude: -33.87, longitude: 151.21 },
    ]) {
      for (const radiusKm of [1, 50, 500]) {
        const box = boundingBox(centre, radiusKm)!;
        for (let sample = 0; sample < 500; sample += 1) {
          const point = {
            latitude: centre.latitude + (next() - 0.5) * 12,
            longitude: centre.longitude + (next() - 0.5) * 24,
          };
          if (distanceKm(centre, point) > radiusKm) continue;
          expect(point.latitude).toBeGreaterThanOrEqual(box.minLatitude);
          expect(point.latitude).toBeLessThanOrEqual(box.maxLatitude);
          expect(point.longitude).toBeGreaterThanOrEqual(box.minLongitude);
          expect(point.longitude).toBeLessThanOrEqual(box.maxLongitude);
        }
      }
    }
  });

  it('is tight: about 0.45° of latitude for 50 km', () => {
    const box = boundingBox(LYON, 50)!;
    expect(box.maxLatitude - box.minLatitude).toBeCloseTo(0.9, 2);
    expect(box.maxLongitude - box.minLongitude).toBeCloseTo(1.29, 1);
  });

  it('is none around a pole or across the 180th meridian, where no single box holds the circle', () => {
    expect(boundingBox({ latitude: 89.9, longitude: 0 }, 50)).toBeNull();
    expect(boundingBox({ latitude: 0, longitude: 179.9 }, 50)).toBeNull();
  });
});
