import { exportSection, type EntityManager } from '@talentgraph/platform';
import { MatchSchema } from '../entities/Match.ts';
import { ProfileSnapshotSchema } from '../entities/ProfileSnapshot.ts';

/**
 * The matching section of a person's export: the copy of their profile that matching scores (as it
 * received it from the profiles service), and every match of it with its explained score.
 */
export async function matchingSectionOf(em: EntityManager, userId: string): Promise<Record<string, unknown>> {
  const snapshots = await em.find(ProfileSnapshotSchema, { userId }, { orderBy: { id: 'asc' } });
  const matches =
    snapshots.length === 0
      ? []
      : await em.find(
          MatchSchema,
          { profile: { $in: snapshots.map((snapshot) => snapshot.id) } },
          { orderBy: { score: 'desc', id: 'asc' } },
        );
  return exportSection({
    profiles: snapshots.map((snapshot) => ({
      profileId: snapshot.id,
      kind: snapshot.kind,
      status: snapshot.status,
      skills: snapshot.skills,
      languages: snapshot.languages,
      yearsOfExperience: snapshot.yearsOfExperience,
      city: snapshot.city,
      countryCode: snapshot.countryCode,
      remotePreference: snapshot.remotePreference,
      desiredContractTypes: snapshot.desiredContractTypes,
      receivedAt: snapshot.syncedAt,
      matches: matches
        .filter((match) => match.profile.id === snapshot.id)
        .map((match) => ({
          id: match.id,
          offerId: match.offer.id,
          score: match.score,
          criteria: match.criteria,
          status: match.status,
          computedAt: match.computedAt,
        })),
    })),
  });
}
