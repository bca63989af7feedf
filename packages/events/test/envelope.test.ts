import { describe, expect, it } from 'vitest';
import {
  createEvent,
  InvalidEventError,
  MAX_PAYLOAD_BYTES,
  parseEvent,
  type NewEvent,
} from '../src/envelope.ts';

const valid: NewEvent<{ postId: string; tags: string[] }> = {
  type: 'community.PostAdded',
  version: 1,
  aggregate: { type: 'Post', id: 'post-1' },
  payload: { postId: 'post-1', tags: ['rust', 'jobs'] },
  actor: { kind: 'USER', id: 'user-1' },
  correlationId: 'request-1',
  occurredAt: new Date('2026-11-23T09:00:00Z'),
};

function invalidField(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return (error as InvalidEventError).field;
  }
  throw new Error('expected an InvalidEventError');
}

describe('createEvent', () => {
  it('builds the envelope with a fresh UUID and an ISO timestamp', () => {
    const event = createEvent(valid);
    expect(event).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      type: 'community.PostAdded',
      version: 1,
      occurredAt: '2026-11-23T09:00:00.000Z',
      actor: { kind: 'USER', id: 'user-1' },
      aggregate: { type: 'Post', id: 'post-1' },
      payload: { postId: 'post-1', tags: ['rust', 'jobs'] },
      correlationId: 'request-1',
    });
    expect(createEvent(valid).id).not.toBe(event.id);
  });

  it('defaults to now, no actor and no correlation id', () => {
    const before = Date.now();
    const event = createEvent({
      type: 'users.UserRegistered',
      version: 2,
      aggregate: { type: 'User', id: 'u' },
      payload: {},
    });
    expect(Date.parse(event.occurredAt)).toBeGreaterThanOrEqual(before);
    expect(event).toMatchObject({ actor: null, correlationId: null, version: 2, payload: {} });
  });

  it('copies the payload, so changing the original afterwards changes nothing', () => {
    const payload = { postId: 'post-1', tags: ['rust'] };
    const event = createEvent({ ...valid, payload });
    payload.tags.push('changed');
    expect(event.payload.tags).toEqual(['rust']);
  });

  it('accepts a SYSTEM actor without id and partners with one', () => {
    expect(createEvent({ ...valid, actor: { kind: 'SYSTEM', id: null } }).actor).toEqual({
      kind: 'SYSTEM',
      id: null,
    });
    expect(createEvent({ ...valid, actor: { kind: 'PARTNER', id: 'key-1' } }).actor).toEqual({
      kind: 'PARTNER',
      id: 'key-1',
    });
  });

  it.each([
    ['type', { type: 'PostAdded' }],
    ['type', { type: 'community.postAdded' }],
    ['type', { type: 'Community.PostAdded' }],
    ['type', { type: `community.${'A'.repeat(120)}` }],
    ['version', { version: 0 }],
    ['version', { version: 1.5 }],
    ['version', { version: '1' }],
    ['aggregate', { aggregate: null }],
    ['aggregate.type', { aggregate: { type: 'post', id: 'p' } }],
    ['aggregate.id', { aggregate: { type: 'Post', id: '' } }],
    ['aggregate.id', { aggregate: { type: 'Post', id: 42 } }],
    ['actor.kind', { actor: { kind: 'ROBOT', id: 'r' } }],
    ['actor.id', { actor: { kind: 'USER', id: null } }],
    ['actor.id', { actor: { kind: 'PARTNER', id: '   ' } }],
    ['correlationId', { correlationId: '' }],
    ['correlationId', { correlationId: 'x'.repeat(201) }],
    ['occurredAt', { occurredAt: new Date('not a date') }],
    ['payload', { payload: null }],
    ['payload', { payload: ['a list'] }],
    ['payload', { payload: new Map() }],
    ['payload.when', { payload: { when: new Date() } }],
    ['payload.count', { payload: { count: Number.NaN } }],
    ['payload.count', { payload: { count: 10n } }],
    ['payload.missing', { payload: { missing: undefined } }],
    ['payload.nested.list[1]', { payload: { nested: { list: [1, () => 2] } } }],
  ])('rejects a bad %s', (field, change) => {
    expect(invalidField(() => createEvent({ ...valid, ...change } as NewEvent<object>))).toBe(field);
  });

  it('rejects a payload that refers back to itself, and one too large', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(invalidField(() => createEvent({ ...valid, payload: circular }))).toBe('payload.self');
    const huge = { text: 'x'.repeat(MAX_PAYLOAD_BYTES) };
    expect(invalidField(() => createEvent({ ...valid, payload: huge }))).toBe('payload');
  });

  it('names the field and the expectation in the message', () => {
    expect(() => createEvent({ ...valid, type: 'nope' })).toThrow(
      'Invalid event type: must look like "community.PostAdded" (subgraph, dot, PascalCase name), got "nope"',
    );
  });
});

describe('parseEvent', () => {
  it('reads back what createEvent built, after a trip through JSON', () => {
    const event = createEvent(valid);
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('drops fields it does not know (written by a newer producer)', () => {
    const event = createEvent(valid);
    expect(parseEvent({ ...event, priority: 'high' })).toEqual(event);
  });

  it.each([
    ['envelope', () => 'a string'],
    ['id', (event: object) => ({ ...event, id: 'not-a-uuid' })],
    ['occurredAt', (event: object) => ({ ...event, occurredAt: '2026-11-23 09:00' })],
    ['occurredAt', (event: object) => ({ ...event, occurredAt: '2026-13-45T09:00:00.000Z' })],
    ['type', (event: object) => ({ ...event, type: undefined })],
    ['payload', (event: object) => ({ ...event, payload: 'text' })],
  ])('rejects a bad %s', (field, corrupt) => {
    expect(invalidField(() => parseEvent(corrupt(createEvent(valid))))).toBe(field);
  });
});
