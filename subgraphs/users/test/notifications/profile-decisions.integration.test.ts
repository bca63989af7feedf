import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEvent } from '@talentgraph/events';
import { deliverEvent, rows, startForTests } from '@talentgraph/testing';
import { NOTIFICATIONS_GROUP } from '../../src/notifications/event-handlers.ts';
import { usersSubgraph } from '../../src/subgraph.ts';
import { signUp, startOrganizationsWorld, type Person } from '../support/organizations.ts';

/**
 * A moderator's decision on a profile (profiles subgraph events) reaches its owner as a notification in
 * their language, once however often the event is delivered.
 */
const world = startForTests(startOrganizationsWorld);

const notificationsOf = (person: Person) =>
  rows<{
    type: string;
    title: string;
    body: string;
    link: string | null;
    data: Record<string, unknown>;
  }>(
    world,
    'select type, title, body, link, data from notifications where recipient_id = $1 order by created_at, id',
    [person.id],
  );

function decision(
  type: 'profiles.ProfileValidated' | 'profiles.ProfileRejected',
  person: Person,
  details = {},
) {
  const profileId = randomUUID();
  return createEvent({
    type,
    version: 1,
    aggregate: { type: 'Profile', id: profileId },
    payload: {
      profileId,
      userId: person.id,
      reviewId: randomUUID(),
      reviewerId: randomUUID(),
      decidedAt: new Date().toISOString(),
      reasons: [],
      comment: null,
      profile: { profileId, status: type === 'profiles.ProfileValidated' ? 'VALIDATED' : 'REJECTED' },
      ...details,
    },
    actor: { kind: 'USER', id: randomUUID() },
  });
}

describe('profile decisions', () => {
  it('tells the owner their profile is validated, once even when the event comes twice', async () => {
    const person = await signUp(world, { locale: 'EN' });
    const event = decision('profiles.ProfileValidated', person);
    await deliverEvent(world.subgraph, usersSubgraph, NOTIFICATIONS_GROUP, event);
    await deliverEvent(world.subgraph, usersSubgraph, NOTIFICATIONS_GROUP, event);
    expect(await notificationsOf(person)).toEqual([
      {
        type: 'PROFILE_DECISION',
        title: 'Your profile is validated',
        body: 'Your profile was reviewed and validated: recruiters can now find it.',
        link: '/profile',
        data: expect.objectContaining({ decision: 'VALIDATED', profileId: event.payload['profileId'] }),
      },
    ]);
  });

  it('tells the owner of a rejected profile why, in French for a French speaker', async () => {
    const person = await signUp(world, { locale: 'FR' });
    await deliverEvent(
      world.subgraph,
      usersSubgraph,
      NOTIFICATIONS_GROUP,
      decision('profiles.ProfileRejected', person, {
        reasons: ['UNVERIFIABLE_EXPERIENCE'],
        comment: 'Les dates de 2019 se chevauchent',
      }),
    );
    expect(await notificationsOf(person)).toEqual([
      expect.objectContaining({
        type: 'PROFILE_DECISION',
        title: 'Votre profil doit être complété',
        body:
          'Votre profil a été examiné et n’a pas été validé. Motifs : certaines expériences sont incohérentes ' +
          'ou peu plausibles. Commentaire : Les dates de 2019 se chevauchent. Modifiez-le puis soumettez-le à nouveau.',
      }),
    ]);
  });
});
