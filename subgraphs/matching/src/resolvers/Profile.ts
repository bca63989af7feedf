import { isUuid } from '@talentgraph/platform';
import { seesProfileMatches } from '../domain/access.ts';
import { ProfileSnapshotSchema } from '../entities/ProfileSnapshot.ts';
import type { ProfileResolvers } from '../generated/resolvers-types.ts';
import { checkMatchesArguments, pageOfMatches } from './Match.ts';

export const Profile: ProfileResolvers = {
  // Any profile id is answered, even one the read model has not received yet: it just has no matches.
  __resolveReference: (reference) => (isUuid(reference.id) ? { id: reference.id } : null),

  // A profile the read model does not know has no matches: nothing to hide, an empty page for anyone.
  matches: async (profile, args, { loaders, viewer }) => {
    checkMatchesArguments(args);
    const known = await loaders.byId(ProfileSnapshotSchema).load(profile.id);
    if (known && !seesProfileMatches(viewer, known)) return null;
    return pageOfMatches('profile', profile.id, args, loaders);
  },
};
