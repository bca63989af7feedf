import { isUuid } from '@talentgraph/platform';
import { seesOfferMatches } from '../domain/access.ts';
import { OfferSnapshotSchema } from '../entities/OfferSnapshot.ts';
import type { OfferResolvers } from '../generated/resolvers-types.ts';
import { checkMatchesArguments, pageOfMatches } from './Match.ts';

export const Offer: OfferResolvers = {
  // Any offer id is answered, even one the read model has not received yet: it just has no matches.
  __resolveReference: (reference) => (isUuid(reference.id) ? { id: reference.id } : null),

  // An offer the read model does not know has no matches: nothing to hide, an empty page for anyone.
  matches: async (offer, args, { loaders, viewer }) => {
    checkMatchesArguments(args);
    const known = await loaders.byId(OfferSnapshotSchema).load(offer.id);
    if (known && !seesOfferMatches(viewer, known)) return null;
    return pageOfMatches('offer', offer.id, args, loaders);
  },
};
