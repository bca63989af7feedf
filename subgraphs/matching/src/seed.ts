import { offers, profiles } from '@talentgraph/demo-data';
import type { EntityManager } from '@talentgraph/platform';
import { suggestMatches } from './domain/match.ts';
import { MatchSchema } from './entities/Match.ts';
import { OfferSnapshotSchema } from './entities/OfferSnapshot.ts';
import { ProfileSnapshotSchema } from './entities/ProfileSnapshot.ts';

/**
 * Fills the read model with the demo profiles and offers (same ids as in their own subgraphs, as domain
 * events will later), then stores the matches the scoring function suggests for them.
 */
export async function seedDemoData(em: EntityManager): Promise<void> {
  for (const profile of profiles) {
    em.create(ProfileSnapshotSchema, {
      id: profile.id,
      userId: profile.userId,
      kind: profile.kind,
      skills: profile.skills.map(({ name, years }) => ({ name, years })),
      yearsOfExperience: profile.yearsOfExperience,
      city: profile.city,
      countryCode: profile.countryCode,
      remotePreference: profile.remotePreference,
      desiredContractTypes: [...profile.desiredContractTypes],
      languages: profile.languages.map(({ code, level }) => ({ code, level })),
      status: profile.status,
    });
  }
  for (const offer of offers) {
    em.create(OfferSnapshotSchema, {
      id: offer.id,
      organizationId: offer.organizationId,
      kind: offer.kind,
      requiredSkills: [...offer.requiredSkills],
      niceToHaveSkills: [...offer.niceToHaveSkills],
      minYearsOfExperience: offer.minYearsOfExperience,
      city: offer.city,
      countryCode: offer.countryCode,
      remotePolicy: offer.remotePolicy,
      contractType: offer.contractType,
      status: offer.status,
    });
  }
  const computedAt = new Date();
  for (const { profile, offer, result } of suggestMatches(profiles, offers)) {
    em.create(MatchSchema, {
      profile: profile.id,
      offer: offer.id,
      score: result.score,
      criteria: [...result.criteria],
      computedAt,
    });
  }
  await em.flush();
}
