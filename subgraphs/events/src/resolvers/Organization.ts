import { EventSchema } from '../entities/Event.ts';
import type { OrganizationResolvers } from '../generated/resolvers-types.ts';

/** An organization as this subgraph knows it: an id owned by the users subgraph. */
export interface OrganizationReference {
  readonly id: string;
}

export const Organization: OrganizationResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),

  events: (organization, { first, after }, context) =>
    context.loaders
      .pageOfChildren(EventSchema, {
        parentProperty: 'organizationId',
        where: { endsAt: { $gt: context.now } },
        orderBy: { startsAt: 'asc', id: 'asc' },
        page: { first, after },
      })
      .load(organization.id),
};
