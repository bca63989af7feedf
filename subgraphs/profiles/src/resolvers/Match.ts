import { isUuid } from '@talentgraph/platform';
import { ProfileSchema } from '../entities/Profile.ts';
import type { MatchResolvers } from '../generated/resolvers-types.ts';
import { readableProfile } from '../visibility/readable-profiles.ts';

/**
 * `Match.profile`: the matching subgraph owns matches and names their profile (`profileId`, kept out of
 * the public API); this subgraph resolves the profile with the reading rule of every path, so that a
 * profile the caller may not read is a null field — not an unresolved entity, which the gateway would
 * show as an empty profile or an error.
 */
export const Match: MatchResolvers = {
  // The gateway sends the id and the required profileId; a forged reference without a valid one has none.
  __resolveReference: (reference) =>
    isUuid(reference.id) && typeof reference.profileId === 'string'
      ? { id: reference.id, profileId: reference.profileId }
      : null,

  profile: async ({ profileId }, _args, context) =>
    readableProfile(context, await context.loaders.byId(ProfileSchema).load(profileId)),
};
