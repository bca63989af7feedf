import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { createEvent, type EventEnvelope } from '@talentgraph/events';
import {
  ACCOUNT_DELETED,
  ORGANIZATION_DELETED,
  exportSection,
  personalDataErasureHandlers,
  requireDataSubject,
} from '../src/index.ts';
import type { EntityManager } from '../src/orm.ts';

const subject = '0f8fad5b-d9cb-469f-a165-70867728950e';
const person = (userId: string): Viewer => ({
  kind: 'USER',
  userId,
  roles: ['CANDIDATE'],
  memberships: [],
  sessionId: 's',
});

describe('requireDataSubject', () => {
  it('answers the subject id to the subject only', () => {
    expect(requireDataSubject(person(subject), subject)).toBe(subject);
  });

  it('refuses anyone else: another person or a partner key FORBIDDEN, nobody UNAUTHENTICATED', () => {
    const partner: Viewer = { kind: 'PARTNER', apiKeyId: 'k', organizationId: subject, roles: ['PARTNER'] };
    expect(() => requireDataSubject(person('someone-else'), subject)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
    expect(() => requireDataSubject(partner, subject)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
    expect(() => requireDataSubject(null, subject)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
  });
});

describe('exportSection', () => {
  it('is plain JSON: dates as ISO strings, undefined left out, nulls kept', () => {
    expect(
      exportSection({ at: new Date('2026-11-23T08:30:00.000Z'), gone: undefined, none: null, list: [1] }),
    ).toEqual({ at: '2026-11-23T08:30:00.000Z', none: null, list: [1] });
  });
});

describe('personalDataErasureHandlers', () => {
  const untouchable = new Proxy({} as EntityManager, {
    get: () => {
      throw new Error('the database must not be reached');
    },
  });

  it('handles account deletions always, organization deletions only when the subgraph erases them', () => {
    expect(Object.keys(personalDataErasureHandlers({}))).toEqual([ACCOUNT_DELETED]);
    expect(Object.keys(personalDataErasureHandlers({ eraseOrganization: async () => {} }))).toEqual([
      ACCOUNT_DELETED,
      ORGANIZATION_DELETED,
    ]);
  });

  it('dead-letters at once an event whose payload has no valid id, before touching the database', async () => {
    const handlers = personalDataErasureHandlers({ eraseOrganization: async () => {} });
    for (const [type, payload] of [
      [ACCOUNT_DELETED, { userId: 'not-a-uuid' }],
      [ORGANIZATION_DELETED, {}],
    ] as const) {
      const event = createEvent({ type, version: 1, aggregate: { type: 'User', id: 'x' }, payload });
      await expect(
        handlers[type]!.handle(event as EventEnvelope as never, untouchable, {
          attempt: 1,
          signal: new AbortController().signal,
        }),
      ).rejects.toMatchObject({ name: 'NonRetryableEventError' });
    }
  });
});
