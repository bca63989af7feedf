import { describe, expect, it } from 'vitest';
import { EMAIL_TEMPLATES } from '../../src/email/templates/index.ts';
import { renderEmail } from '../../src/email/templates/layout.ts';
import { NOTIFICATION_TYPES } from '../../src/notifications/notification-rules.ts';
import {
  DATA_MAX_BYTES,
  InvalidNotificationError,
  NOTIFICATION_TEMPLATES,
  formatInstant,
  renderNotification,
} from '../../src/notifications/templates.ts';

describe('notification templates', () => {
  it('exist in English and French for every type', () => {
    expect(Object.keys(NOTIFICATION_TEMPLATES).sort()).toEqual([...NOTIFICATION_TYPES].sort());
    for (const template of Object.values(NOTIFICATION_TEMPLATES)) {
      expect(typeof template.EN).toBe('function');
      expect(typeof template.FR).toBe('function');
    }
  });

  const EXAMPLES = {
    ORGANIZATION_INVITATION: {
      params: { organizationName: 'Acme Robotics', inviterName: 'Claire', role: 'RECRUITER' },
      EN: 'Claire invites you to join Acme Robotics',
      FR: 'Claire vous invite à rejoindre Acme Robotics',
    },
    PROFILE_DECISION: {
      params: { decision: 'VALIDATED' },
      EN: 'Your profile is validated',
      FR: 'Votre profil est validé',
    },
    NEW_COMMENT_ON_MY_POST: {
      params: { commenterName: 'Léa', postTitle: 'Rust jobs in Lyon', postId: 'p-1' },
      EN: 'Léa commented on your post',
      FR: 'Léa a commenté votre publication',
    },
    MENTION: {
      params: { authorName: 'Omar', place: 'Data Engineers FR' },
      EN: 'Omar mentioned you',
      FR: 'Omar vous a mentionné',
    },
    MATCH_FOUND: {
      params: { offerTitle: 'Backend developer', organizationName: 'Acme Robotics', score: 87.4 },
      EN: 'New match: Backend developer',
      FR: 'Nouvelle correspondance : Backend developer',
    },
    EVENT_REMINDER: {
      params: { eventTitle: 'Job fair', startsAt: '2026-11-24T14:00:00Z' },
      EN: 'Reminder: Job fair',
      FR: 'Rappel : Job fair',
    },
    SYSTEM: {
      params: {
        title: { EN: 'Maintenance tonight', FR: 'Maintenance ce soir' },
        body: { EN: 'From 22:00 to 23:00 UTC.', FR: 'De 22 h à 23 h UTC.' },
      },
      EN: 'Maintenance tonight',
      FR: 'Maintenance ce soir',
    },
  } as const;

  it('write the title in the recipient’s language for every type', () => {
    for (const type of NOTIFICATION_TYPES) {
      const example = EXAMPLES[type];
      expect(renderNotification(type, example.params, 'EN').title, type).toBe(example.EN);
      expect(renderNotification(type, example.params, 'FR').title, type).toBe(example.FR);
    }
  });

  it('write bodies from the parameters, with each language’s typography', () => {
    expect(
      renderNotification(
        'NEW_COMMENT_ON_MY_POST',
        { commenterName: 'Léa', postTitle: 'Rust jobs', excerpt: '  Great   post!\n' },
        'FR',
      ).body,
    ).toBe('Léa a commenté « Rust jobs » : « Great post! »');
    expect(
      renderNotification('NEW_COMMENT_ON_MY_POST', { commenterName: 'Léa', postTitle: 'Rust jobs' }, 'EN')
        .body,
    ).toBe('Léa commented on “Rust jobs”.');
    expect(renderNotification('MATCH_FOUND', EXAMPLES.MATCH_FOUND.params, 'FR').body).toBe(
      'Backend developer chez Acme Robotics correspond à votre profil (87 % d’adéquation).',
    );
    expect(
      renderNotification('PROFILE_DECISION', { decision: 'REJECTED', reason: 'No experience listed' }, 'EN')
        .body,
    ).toBe(
      'Your profile was reviewed and not validated. Reason: No experience listed. Update it and submit it again.',
    );
    expect(
      renderNotification('PROFILE_DECISION', { decision: 'REJECTED', reason: 'Pas de CV !' }, 'FR').body,
    ).toBe(
      'Votre profil a été examiné et n’a pas été validé. Motif : Pas de CV ! Modifiez-le puis soumettez-le à nouveau.',
    );
    expect(renderNotification('EVENT_REMINDER', EXAMPLES.EVENT_REMINDER.params, 'FR').body).toBe(
      'Job fair commence le 24 novembre 2026 à 14:00 UTC.',
    );
    expect(
      renderNotification('ORGANIZATION_INVITATION', EXAMPLES.ORGANIZATION_INVITATION.params, 'EN'),
    ).toMatchObject({
      body: expect.stringContaining('as a recruiter'),
      actionLabel: 'See Acme Robotics',
    });
  });

  it('explain the reasons of a profile rejection in the recipient’s language, with the comment', () => {
    const params = {
      decision: 'REJECTED',
      reasons: ['INCOMPLETE_PROFILE', 'CONTACT_DETAILS_IN_TEXT'],
      reason: 'Remove the phone number from the summary',
    };
    expect(renderNotification('PROFILE_DECISION', params, 'EN').body).toBe(
      'Your profile was reviewed and not validated. Reasons: parts recruiters need are missing or too thin; ' +
        'contact details are written in the text (they are shared only when a recruiter unlocks your profile). ' +
        'Comment: Remove the phone number from the summary. Update it and submit it again.',
    );
    expect(renderNotification('PROFILE_DECISION', params, 'FR').body).toBe(
      'Votre profil a été examiné et n’a pas été validé. Motifs : des éléments dont les recruteurs ont besoin ' +
        'manquent ou sont trop succincts ; des coordonnées figurent dans le texte (elles ne sont communiquées ' +
        'qu’au recruteur qui débloque votre profil). Commentaire : Remove the phone number from the summary. ' +
        'Modifiez-le puis soumettez-le à nouveau.',
    );
  });

  it('keep every parameter as data, ids the template does not use included', () => {
    expect(
      renderNotification('NEW_COMMENT_ON_MY_POST', EXAMPLES.NEW_COMMENT_ON_MY_POST.params, 'EN').data,
    ).toEqual({ commenterName: 'Léa', postTitle: 'Rust jobs in Lyon', postId: 'p-1' });
  });

  it('cut long texts instead of failing', () => {
    const long = 'x'.repeat(500);
    const rendered = renderNotification('MENTION', { authorName: long, place: long, excerpt: long }, 'EN');
    expect(rendered.title.length).toBeLessThanOrEqual(200);
    expect(rendered.title.endsWith('…')).toBe(true);
    expect(rendered.body).toContain(`“${'x'.repeat(139)}…”`);
  });

  it('refuse parameters that do not fit the type, naming the field', () => {
    const refusals: [Parameters<typeof renderNotification>[0], unknown, string][] = [
      [
        'ORGANIZATION_INVITATION',
        { organizationName: 'Acme', inviterName: 'Claire', role: 'OWNER' },
        'params.role',
      ],
      ['MENTION', { authorName: '   ', place: 'x' }, 'params.authorName'],
      ['MATCH_FOUND', { offerTitle: 'a', organizationName: 'b', score: 120 }, 'params.score'],
      ['EVENT_REMINDER', { eventTitle: 'a', startsAt: 'tomorrow' }, 'params.startsAt'],
      ['SYSTEM', { title: { EN: 'a' }, body: { EN: 'b', FR: 'c' } }, 'params.FR'],
      ['PROFILE_DECISION', ['VALIDATED'], 'params'],
      ['PROFILE_DECISION', { decision: 'REJECTED', reasons: ['TOO_SHORT'] }, 'params.reasons'],
      ['PROFILE_DECISION', { decision: 'REJECTED', reasons: 'OTHER' }, 'params.reasons'],
      ['PROFILE_DECISION', { decision: 'VALIDATED', note: 'x'.repeat(DATA_MAX_BYTES) }, 'params'],
    ];
    for (const [type, params, field] of refusals) {
      expect(() => renderNotification(type, params, 'EN'), field).toThrow(InvalidNotificationError);
      try {
        renderNotification(type, params, 'EN');
      } catch (error) {
        expect((error as InvalidNotificationError).field, `${type} ${field}`).toBe(field);
      }
    }
  });

  it('format instants in UTC, in the recipient’s language', () => {
    expect(formatInstant('2026-11-24T09:05:00.000Z', 'EN')).toBe('24 November 2026 at 09:05 UTC');
    expect(formatInstant('2026-11-24T09:05:00.000Z', 'FR')).toBe('24 novembre 2026 à 09:05 UTC');
  });
});

describe('the notification e-mail', () => {
  it('frames the notification in the recipient’s language, with the settings link', () => {
    const variables = {
      displayName: 'Zoé',
      title: 'Votre profil est validé',
      body: 'Votre profil a été examiné et validé <b>!</b>',
      actionLabel: 'Voir mon profil',
      link: 'https://app.example/profile',
      settingsLink: 'https://app.example/settings/notifications',
    };
    const rendered = renderEmail('FR', EMAIL_TEMPLATES.NOTIFICATION.FR(variables));
    expect(rendered.subject).toBe('Votre profil est validé');
    expect(rendered.text).toContain('Bonjour Zoé,');
    expect(rendered.text).toContain('Voir mon profil: https://app.example/profile');
    expect(rendered.text).toContain('Pour le modifier : https://app.example/settings/notifications');
    expect(rendered.html).toContain('validé &lt;b&gt;!&lt;/b&gt;');
    const english = renderEmail('EN', EMAIL_TEMPLATES.NOTIFICATION.EN({ ...variables, displayName: 'Ada' }));
    expect(english.text).toContain('Hello Ada,');
    expect(english.text).toContain('To change it: https://app.example/settings/notifications');
  });
});
