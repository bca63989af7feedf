import type { SubgraphContext } from '@talentgraph/platform';
import { amountFromStored } from '../domain/salary.ts';
import { canSee, effectiveStatus } from '../domain/visibility.ts';
import { OfferSchema, type Offer as OfferEntity } from '../entities/Offer.ts';
import type { OfferResolvers } from '../generated/resolvers-types.ts';

/**
 * An offer by id as the request's viewer may see it: null when unknown or hidden (another organization's
 * draft), so that a hidden offer cannot be told apart from a missing one.
 */
export async function findVisibleOffer(id: string, context: SubgraphContext): Promise<OfferEntity | null> {
  const offer = await context.loaders.byId(OfferSchema).load(id);
  return offer && canSee(offer, context.viewer, context.now) ? offer : null;
}

export const Offer: OfferResolvers = {
  __resolveReference: (reference, context) => findVisibleOffer(reference.id, context),

  organization: (offer) => ({ id: offer.organizationId }),

  author: (offer) => (offer.authorId ? { id: offer.authorId } : null),

  location: (offer) => (offer.countryCode ? { city: offer.city, countryCode: offer.countryCode } : null),

  salary: ({ salaryMinimum, salaryMaximum, salaryCurrency, salaryPeriod }) => {
    if (salaryMinimum == null || salaryMaximum == null || salaryCurrency == null || salaryPeriod == null) {
      return null;
    }
    return {
      minimum: { amount: amountFromStored(salaryMinimum), currency: salaryCurrency },
      maximum: { amount: amountFromStored(salaryMaximum), currency: salaryCurrency },
      period: salaryPeriod,
    };
  },

  status: (offer, _args, context) => effectiveStatus(offer, context.now),
};
