import { describe, expect, it } from 'vitest';
import { startForTests } from '@talentgraph/testing';
import { profiles } from '@talentgraph/demo-data';
import { countSelects, newPerson, request, startProfilesWorld } from './support/world.ts';

/** A list of full profiles costs one query per table, however many profiles it holds (no N+1). */
const world = startForTests(startProfilesWorld);

const validated = profiles.filter((profile) => profile.status === 'VALIDATED');
const moderator = newPerson({ roles: ['MODERATOR'] });

const FULL_PROFILES = `query ($first: Int) {
  profiles(first: $first) {
    edges { node {
      headline location { coordinates { latitude } } salaryExpectation { period } jobPreferences { sectors discoverable }
      skills { skill { id name category { name } } level yearsOfExperience }
      languages { code level }
      experiences { title current skills { name } }
      education { institution level }
      certifications { name expired }
      completion { percent items { item done } }
      lastReview { outcome reviewer { id } assessment { score } }
      onboarding { currentStep }
      consultant { organization { id } } mentor { expertise rating }
    } }
  }
}`;

describe('batching', () => {
  it('reads a page of full profiles in a constant number of queries', async () => {
    const selectsFor = (first: number) =>
      countSelects(world, async () => {
        const response = await request<{ profiles: { edges: unknown[] } }>(world, moderator, FULL_PROFILES, {
          first,
        });
        expect(response.errors).toBeUndefined();
        expect(response.data!.profiles.edges).toHaveLength(first);
      });
    const forOne = await selectsFor(1);
    const forAll = await selectsFor(validated.length);
    // The page and its total, then one query per child table: skills, languages, experiences, education,
    // certifications, reviews. Completion is computed from the rows the other fields loaded.
    expect(forOne).toBe(8);
    expect(forAll).toBe(forOne);
  });
});
