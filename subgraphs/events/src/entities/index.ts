import { EventSchema } from './Event.ts';

export const entities = [EventSchema];
