import type { EntityManager } from '@talentgraph/platform';
import { EventSchema } from '../entities/Event.ts';
import { organizedEventFate } from './erasure-rules.ts';

/** users.AccountDeleted: the person's own events go, their organizations' events lose their organizer. */
export async function eraseEventsAccount(userId: string, em: EntityManager): Promise<void> {
  const organized = await em.find(EventSchema, { organizerId: userId }, { fields: ['id', 'organizationId'] });
  const deleted = organized
    .filter((event) => organizedEventFate(event) === 'DELETE')
    .map((event) => event.id);
  if (deleted.length > 0) await em.nativeDelete(EventSchema, { id: { $in: deleted } });
  await em.nativeUpdate(EventSchema, { organizerId: userId }, { organizerId: null });
}

/** users.OrganizationDeleted: the organization is gone with its only member, and its events with it. */
export async function eraseEventsOrganization(organizationId: string, em: EntityManager): Promise<void> {
  await em.nativeDelete(EventSchema, { organizationId });
}
