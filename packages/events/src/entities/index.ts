import { HandledEventSchema } from './HandledEvent.ts';
import { OutboxEventSchema } from './OutboxEvent.ts';

/** Add to a subgraph's entities (then generate a migration) to record and consume events. */
export const eventEntities = [OutboxEventSchema, HandledEventSchema];

export { HandledEventSchema, OutboxEventSchema };
export type { HandledEvent } from './HandledEvent.ts';
export type { OutboxEvent } from './OutboxEvent.ts';
