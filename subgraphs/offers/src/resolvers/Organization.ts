import { badUserInput, isUuid } from '@talentgraph/platform';
import { PUBLIC_STATUSES, isPublicStatus } from '../domain/visibility.ts';
import { OfferSchema } from '../entities/Offer.ts';
import type { OrganizationResolvers } from '../generated/resolvers-types.ts';
import { NEWEST_FIRST, whereEffectiveStatusIn } from '../queries/offer-filters.ts';

export const Organization: OrganizationResolvers = {
  // The users subgraph owns organizations; this one only needs the id to list their offers.
  __resolveReference: (reference) => (isUuid(reference.id) ? { id: reference.id } : null),

  offers: (organization, { first, after, status }, context) => {
    if (status && !isPublicStatus(status)) {
      throw badUserInput(
        `Drafts are not public: "status" must be one of ${PUBLIC_STATUSES.join(', ')}`,
        'status',
      );
    }
    return context.loaders
      .pageOfChildren(OfferSchema, {
        parentProperty: 'organizationId',
        where: whereEffectiveStatusIn(status ? [status] : PUBLIC_STATUSES, context.now),
        orderBy: NEWEST_FIRST,
        page: { first, after },
      })
      .load(organization.id);
  },
};
