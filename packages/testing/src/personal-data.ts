import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import type { EventEnvelope } from '@talentgraph/events';
import { erasureGroupOf } from '@talentgraph/platform';
import { queryDatabase } from './database.ts';
import { deliverEvent } from './events.ts';
import type { GraphQLResponse } from './graphql-client.ts';
import { testUser } from './tokens.ts';
import { request, type TestWorld } from './world.ts';

/**
 * Asks the world's subgraph directly, as the gateway does, for its section (`section`) of the export of
 * `subjectId`'s data, on behalf of `viewer` (anonymous when null).
 */
export function requestExportSection(
  world: Pick<TestWorld, 'subgraph' | 'issuer'>,
  section: string,
  viewer: Viewer | null,
  subjectId: string,
): Promise<GraphQLResponse<{ _entities: Record<string, Record<string, unknown>>[] }>> {
  return request(
    world,
    viewer,
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on PersonalDataExport { subjectId ${section} } }
    }`,
    { representations: [{ __typename: 'PersonalDataExport', id: randomUUID(), subjectId }] },
  );
}

/**
 * Asks for `subjectId`'s export section as everyone but the person (see exportIntruders): each is refused
 * with its code and gets nothing of `secret`, a text of the person's data.
 */
export async function expectExportRefusedToOthers(
  world: Pick<TestWorld, 'subgraph' | 'issuer'>,
  section: string,
  subjectId: string,
  secret: string,
): Promise<void> {
  for (const [viewer, code] of exportIntruders()) {
    const response = await requestExportSection(world, section, viewer, subjectId);
    expect(response.errors?.map((error) => error.extensions?.['code'])).toEqual([code]);
    expect(JSON.stringify(response)).not.toContain(secret);
  }
}

/** Hands `event` to the erasure consumer group of the world's subgraph, once (see deliverEvent). */
export function deliverToErasure(
  world: Pick<TestWorld, 'subgraph' | 'definition'>,
  event: EventEnvelope,
): Promise<void> {
  return deliverEvent(world.subgraph, world.definition, erasureGroupOf(world.definition.name), event);
}

/** Callers refused a person's export section, with the code each gets: anyone but the person. */
export function exportIntruders(): readonly (readonly [Viewer | null, 'FORBIDDEN' | 'UNAUTHENTICATED'])[] {
  const partner: Viewer = {
    kind: 'PARTNER',
    apiKeyId: randomUUID(),
    organizationId: randomUUID(),
    roles: ['PARTNER'],
  };
  return [
    [testUser(randomUUID()), 'FORBIDDEN'],
    [partner, 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ];
}

/** An event about `userId` waiting in a subgraph's outbox, not yet published (its erasure must wait). */
export async function recordWaitingEventAbout(databaseUrl: string, userId: string): Promise<void> {
  await queryDatabase(
    databaseUrl,
    `insert into event_outbox (event_id, type, envelope, recorded_at, published_at)
     values ($1, 'test.AboutSomeone', $2, now(), null)`,
    [randomUUID(), JSON.stringify({ actor: { kind: 'USER', id: userId } })],
  );
}

/** Waits until the relay published every row of a subgraph's outbox. */
export async function outboxPublished(databaseUrl: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    (await queryDatabase(databaseUrl, 'select 1 from event_outbox where published_at is null')).length > 0
  ) {
    if (Date.now() > deadline) throw new Error(`the outbox was not published within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
