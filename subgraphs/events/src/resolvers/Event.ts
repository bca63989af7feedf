import { eventStatusAt } from '../domain/event.ts';
import { EventSchema } from '../entities/Event.ts';
import type { EventResolvers } from '../generated/resolvers-types.ts';
import { requestTime } from './request-time.ts';

export const Event: EventResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.byId(EventSchema).load(reference.id),

  organizer: (event) => ({ id: event.organizerId }),

  organization: (event) => (event.organizationId == null ? null : { id: event.organizationId }),

  location: (event) => (event.city == null ? null : { city: event.city, countryCode: event.countryCode }),

  status: (event, _args, context) => eventStatusAt(event, requestTime(context)),
};
