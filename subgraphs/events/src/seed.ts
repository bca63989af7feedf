import { events } from '@talentgraph/demo-data';
import type { EntityManager } from '@talentgraph/platform';
import { EventSchema } from './entities/Event.ts';

export async function seedDemoData(em: EntityManager): Promise<void> {
  for (const { startsAt, endsAt, ...event } of events) {
    em.create(EventSchema, { ...event, startsAt: new Date(startsAt), endsAt: new Date(endsAt) });
  }
  await em.flush();
}
