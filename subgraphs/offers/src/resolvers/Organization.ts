import { forbidden, unauthenticated } from '@talentgraph/auth';
import { isUuid } from '@talentgraph/platform';
import { PUBLIC_STATUSES, canReadDraftsOf } from '../domain/visibility.ts';
import { OfferSchema } from '../entities/Offer.ts';
import type { OrganizationResolvers } from '../generated/resolvers-types.ts';
import { LAST_CHANGED_FIRST, NEWEST_FIRST, whereEffectiveStatusIn } from '../queries/offer-filters.ts';

export const Organization: OrganizationResolvers = {
  // The users subgraph owns organizations; this one only needs the id to list their offers.
  __resolveReference: (reference) => (isUuid(reference.id) ? { id: reference.id } : null),

  offers: (organization, { first, after, status }, context) => {
    const drafts = status === 'DRAFT';
    if (drafts && !canReadDraftsOf(organization.id, context.viewer)) {
      if (context.viewer === null) {
        throw unauthenticated('Sign in as a member of the organization to list its drafts.');
      }
      throw forbidden("Only the organization's members, its partner keys and admins list its drafts.");
    }
    return context.loaders
      .pageOfChildren(OfferSchema, {
        parentProperty: 'organizationId',
        where: whereEffectiveStatusIn(status ? [status] : PUBLIC_STATUSES, context.now),
        // Drafts have no publication date yet: the one being worked on comes first.
        orderBy: drafts ? LAST_CHANGED_FIRST : NEWEST_FIRST,
        page: { first, after },
      })
      .load(organization.id);
  },
};
