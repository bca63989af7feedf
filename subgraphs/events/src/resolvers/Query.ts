import { badUserInput, paginate, requireId } from '@talentgraph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { eventWindowProblem } from '../domain/event.ts';
import { EventSchema, type Event } from '../entities/Event.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';

export const Query: QueryResolvers = {
  event: (_parent, { id }, { loaders }) => loaders.byId(EventSchema).load(requireId(id)),

  events: (_parent, { first, after, from, to, kind, format }, context) => {
    const window = {
      from: from == null ? context.now : new Date(from),
      to: to == null ? null : new Date(to),
    };
    const problem = eventWindowProblem(window);
    if (problem) throw badUserInput(problem.message, problem.argument);
    const where: FilterQuery<Event> = {
      endsAt: { $gt: window.from },
      ...(window.to ? { startsAt: { $lt: window.to } } : {}),
      ...(kind ? { kind } : {}),
      ...(format ? { format } : {}),
    };
    return paginate(context.em, EventSchema, {
      where,
      orderBy: { startsAt: 'asc', id: 'asc' },
      page: { first, after },
    });
  },
};
