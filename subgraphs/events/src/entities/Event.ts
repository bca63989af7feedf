import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { EVENT_FORMATS, EVENT_KINDS, MAX_CAPACITY, MIN_CAPACITY } from '../domain/event.ts';

export const EventSchema = defineEntity({
  name: 'Event',
  tableName: 'events',
  indexes: [
    // Listings walk events by start time (keyset on startsAt, id), per organization or across all.
    { properties: ['startsAt', 'id'] },
    { properties: ['organizationId', 'startsAt', 'id'] },
  ],
  checks: [
    { name: 'events_schedule_check', expression: 'ends_at > starts_at' },
    // Written as PostgreSQL prints it back, so that generating migrations sees no false difference.
    {
      name: 'events_capacity_check',
      expression: `((capacity >= ${MIN_CAPACITY}) AND (capacity <= ${MAX_CAPACITY}))`,
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    kind: p.enum(EVENT_KINDS),
    title: p.string().length(200),
    description: p.text(),
    /**
     * User id in the users subgraph; another database, so no foreign key. Null once the organizer erased
     * their account and the event, run on behalf of an organization, stays with it (personal-data/).
     */
    organizerId: p.uuid().nullable().index(),
    /** Organization id in the users subgraph, when the event is run on behalf of one. */
    organizationId: p.uuid().nullable(),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    /** IANA name, so that local times stay right across daylight-saving changes. */
    timeZone: p.string().length(64),
    format: p.enum(EVENT_FORMATS),
    venue: p.string().length(200).nullable(),
    city: p.string().length(120).nullable(),
    countryCode: p.string().length(2).nullable(),
    onlineUrl: p.text().nullable(),
    capacity: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Event = InferEntity<typeof EventSchema>;
