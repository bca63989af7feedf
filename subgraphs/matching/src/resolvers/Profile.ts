import type { ProfileResolvers } from '../generated/resolvers-types.ts';
import { isUuid } from '@talentgraph/platform';
import { pageOfMatches } from './Match.ts';

export const Profile: ProfileResolvers = {
  // Any profile id is answered, even one the read model has not received yet: it just has no matches.
  __resolveReference: (reference) => (isUuid(reference.id) ? { id: reference.id } : null),

  matches: (profile, args, { loaders }) => pageOfMatches('profile', profile.id, args, loaders),
};
