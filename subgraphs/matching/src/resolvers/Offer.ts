import type { OfferResolvers } from '../generated/resolvers-types.ts';
import { isUuid } from '@talentgraph/platform';
import { pageOfMatches } from './Match.ts';

export const Offer: OfferResolvers = {
  // Any offer id is answered, even one the read model has not received yet: it just has no matches.
  __resolveReference: (reference) => (isUuid(reference.id) ? { id: reference.id } : null),

  matches: (offer, args, { loaders }) => pageOfMatches('offer', offer.id, args, loaders),
};
