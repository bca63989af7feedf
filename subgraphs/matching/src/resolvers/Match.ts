import { badUserInput, type LoaderRegistry, type SubgraphContext } from '@talentgraph/platform';
import { seesMatch } from '../domain/access.ts';
import { HIGHEST_SCORE, LOWEST_SCORE, isScoreBound } from '../domain/match.ts';
import { MatchSchema, type Match as MatchEntity } from '../entities/Match.ts';
import { OfferSnapshotSchema } from '../entities/OfferSnapshot.ts';
import { ProfileSnapshotSchema } from '../entities/ProfileSnapshot.ts';
import type { MatchResolvers } from '../generated/resolvers-types.ts';

/**
 * A match when the request's viewer may see it (domain/access.ts), otherwise null as for an unknown id;
 * the offers and profiles of every match of the request are read in one query each.
 */
export async function visibleMatch(
  { loaders, viewer }: SubgraphContext,
  match: MatchEntity | null,
): Promise<MatchEntity | null> {
  if (match === null) return null;
  const [offer, profile] = await Promise.all([
    loaders.byId(OfferSnapshotSchema).load(match.offer.id),
    loaders.byId(ProfileSnapshotSchema).load(match.profile.id),
  ]);
  return offer && profile && seesMatch(viewer, { offer, profile }) ? match : null;
}

export const Match: MatchResolvers = {
  __resolveReference: async (reference, context) =>
    visibleMatch(context, await context.loaders.byId(MatchSchema).load(reference.id)),

  profileId: (match) => match.profile.id,
};

export interface MatchesArguments {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly minScore?: number | null;
}

/** Refuses a score filter no score can meet, before anything is read. */
export function checkMatchesArguments({ minScore }: MatchesArguments): void {
  if (minScore != null && !isScoreBound(minScore)) {
    throw badUserInput(
      `"minScore" must be an integer from ${LOWEST_SCORE} to ${HIGHEST_SCORE}, got ${minScore}`,
      'minScore',
    );
  }
}

/**
 * The matches of one profile or one offer, best score first. Loaded through `pageOfChildren`, so listing
 * the matches of N offers (or profiles) in one request costs one query.
 */
export function pageOfMatches(
  parent: 'profile' | 'offer',
  parentId: string,
  { first, after, minScore }: MatchesArguments,
  loaders: LoaderRegistry,
) {
  return loaders
    .pageOfChildren(MatchSchema, {
      parentProperty: parent,
      where: minScore != null ? { score: { $gte: minScore } } : {},
      orderBy: { score: 'desc', id: 'asc' },
      page: { first, after },
    })
    .load(parentId);
}
