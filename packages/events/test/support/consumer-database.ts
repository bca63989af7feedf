import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { createOrm, type MikroORM } from '@talentgraph/platform';
import { createTestDatabase, queryDatabase, type TestDatabase } from '@talentgraph/testing';
import { eventEntities } from '../../src/index.ts';

/** What a consumer's handler writes in tests: one row per application of an event. */
export const AppliedEffectSchema = defineEntity({
  name: 'AppliedEffect',
  tableName: 'applied_effects',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    eventId: p.uuid(),
    note: p.string(),
  },
});

export interface ConsumerDatabase {
  readonly orm: MikroORM;
  readonly url: string;
  /** How many times each event id was applied. */
  appliedCounts(): Promise<Map<string, number>>;
  handledEventIds(group: string): Promise<string[]>;
  close(): Promise<void>;
}

/** A consuming service's own database: the event tables plus applied_effects. */
export async function createConsumerDatabase(label: string): Promise<ConsumerDatabase> {
  const database: TestDatabase = await createTestDatabase(label);
  const orm = await createOrm({
    databaseUrl: database.url,
    entities: [...eventEntities, AppliedEffectSchema],
    migrations: [],
  });
  await orm.schema.create();
  return {
    orm,
    url: database.url,
    async appliedCounts() {
      const rows = await queryDatabase<{ event_id: string; applied: number }>(
        database.url,
        'select event_id, count(*)::integer as applied from applied_effects group by event_id',
      );
      return new Map(rows.map((row) => [row.event_id, row.applied]));
    },
    async handledEventIds(group) {
      const rows = await queryDatabase<{ event_id: string }>(
        database.url,
        'select event_id from handled_events where consumer_group = $1 order by event_id',
        [group],
      );
      return rows.map((row) => row.event_id);
    },
    async close() {
      await orm.close();
      await database.drop();
    },
  };
}
