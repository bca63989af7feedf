import { eventStatusAt } from '../domain/event.ts';
import { EventSchema } from '../entities/Event.ts';
import type { EventResolvers } from '../generated/resolvers-types.ts';

export const Event: EventResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.byId(EventSchema).load(reference.id),

  organizer: (event) => (event.organizerId == null ? null : { id: event.organizerId }),

  organization: (event) => (event.organizationId == null ? null : { id: event.organizationId }),

  // A place is known to the precision of a country at least; a city alone would be ambiguous.
  location: (event) =>
    event.countryCode == null ? null : { city: event.city, countryCode: event.countryCode },

  status: (event, _args, context) => eventStatusAt(event, context.now),
};
