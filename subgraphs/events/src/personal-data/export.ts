import { exportSection, type EntityManager } from '@talentgraph/platform';
import { EventSchema } from '../entities/Event.ts';

/** The events section of a person's export: the events they organize, as they described them. */
export async function eventsSectionOf(em: EntityManager, userId: string): Promise<Record<string, unknown>> {
  const organized = await em.find(
    EventSchema,
    { organizerId: userId },
    { orderBy: { startsAt: 'asc', id: 'asc' } },
  );
  return exportSection({
    eventsOrganized: organized.map((event) => ({
      id: event.id,
      kind: event.kind,
      title: event.title,
      description: event.description,
      organizationId: event.organizationId,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      format: event.format,
      venue: event.venue,
      city: event.city,
      countryCode: event.countryCode,
      onlineUrl: event.onlineUrl,
      capacity: event.capacity,
      createdAt: event.createdAt,
      updatedAt: event.updatedAt,
    })),
  });
}
