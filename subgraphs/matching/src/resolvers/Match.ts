import { badUserInput, type LoaderRegistry } from '@talentgraph/platform';
import { HIGHEST_SCORE, LOWEST_SCORE, isScoreBound } from '../domain/match.ts';
import { MatchSchema } from '../entities/Match.ts';
import type { MatchResolvers } from '../generated/resolvers-types.ts';

export const Match: MatchResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.byId(MatchSchema).load(reference.id),
};

interface MatchesArguments {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly minScore?: number | null;
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
  if (minScore != null && !isScoreBound(minScore)) {
    throw badUserInput(
      `"minScore" must be an integer from ${LOWEST_SCORE} to ${HIGHEST_SCORE}, got ${minScore}`,
      'minScore',
    );
  }
  return loaders
    .pageOfChildren(MatchSchema, {
      parentProperty: parent,
      where: minScore != null ? { score: { $gte: minScore } } : {},
      orderBy: { score: 'desc', id: 'asc' },
      page: { first, after },
    })
    .load(parentId);
}
