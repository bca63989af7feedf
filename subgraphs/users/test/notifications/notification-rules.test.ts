import { describe, expect, it } from 'vitest';
import {
  NOTIFICATION_TYPES,
  NOTIFICATION_TYPE_RULES,
  deliveryChannels,
  isAppPath,
  isIdempotencyKey,
  preferenceProblems,
  resolvePreferences,
} from '../../src/notifications/notification-rules.ts';

describe('notification preferences', () => {
  it('list every type, with the documented defaults where the person chose nothing', () => {
    expect(resolvePreferences([])).toEqual([
      { type: 'ORGANIZATION_INVITATION', inApp: true, email: false, emailOffered: false },
      { type: 'PROFILE_DECISION', inApp: true, email: true, emailOffered: true },
      { type: 'NEW_COMMENT_ON_MY_POST', inApp: true, email: false, emailOffered: true },
      { type: 'MENTION', inApp: true, email: true, emailOffered: true },
      { type: 'MATCH_FOUND', inApp: true, email: false, emailOffered: true },
      { type: 'EVENT_REMINDER', inApp: true, email: true, emailOffered: true },
      { type: 'SYSTEM', inApp: true, email: true, emailOffered: true },
    ]);
  });

  it('take the person’s choice for the types they set, both channels off included', () => {
    const resolved = resolvePreferences([
      { type: 'MATCH_FOUND', inApp: true, email: true },
      { type: 'MENTION', inApp: false, email: false },
    ]);
    expect(resolved.find((preference) => preference.type === 'MATCH_FOUND')).toMatchObject({
      inApp: true,
      email: true,
    });
    expect(resolved.find((preference) => preference.type === 'MENTION')).toMatchObject({
      inApp: false,
      email: false,
    });
    expect(resolved).toHaveLength(NOTIFICATION_TYPES.length);
  });

  it('never e-mail a type whose e-mail channel is not offered, whatever is stored', () => {
    const [invitation] = resolvePreferences([{ type: 'ORGANIZATION_INVITATION', inApp: true, email: true }]);
    expect(invitation).toMatchObject({ email: false, emailOffered: false });
    expect(NOTIFICATION_TYPE_RULES.ORGANIZATION_INVITATION.emailOffered).toBe(false);
  });

  it('refuse a type given twice and e-mail where it is not offered, naming the entry', () => {
    expect(
      preferenceProblems([
        { type: 'MENTION', inApp: true, email: false },
        { type: 'ORGANIZATION_INVITATION', inApp: true, email: true },
        { type: 'MENTION', inApp: false, email: false },
      ]),
    ).toEqual([
      expect.objectContaining({
        code: 'EMAIL_NOT_OFFERED',
        field: ['input', 'preferences', '1', 'email'],
      }),
      expect.objectContaining({
        code: 'DUPLICATE_NOTIFICATION_TYPE',
        field: ['input', 'preferences', '2', 'type'],
      }),
    ]);
    expect(preferenceProblems([{ type: 'ORGANIZATION_INVITATION', inApp: false, email: false }])).toEqual([]);
    expect(preferenceProblems([])).toEqual([]);
  });
});

describe('delivery channels', () => {
  const active = { emailVerified: true, disabled: false };

  it('follow the preference for an active account with a verified address', () => {
    expect(deliveryChannels({ inApp: true, email: true }, active)).toEqual({ inApp: true, email: true });
    expect(deliveryChannels({ inApp: false, email: false }, active)).toEqual({ inApp: false, email: false });
  });

  it('never e-mail an unverified address nor a disabled account', () => {
    expect(deliveryChannels({ inApp: true, email: true }, { ...active, emailVerified: false })).toEqual({
      inApp: true,
      email: false,
    });
    expect(deliveryChannels({ inApp: true, email: true }, { ...active, disabled: true })).toEqual({
      inApp: true,
      email: false,
    });
  });
});

describe('links and idempotency keys', () => {
  it('accept paths of the web app only', () => {
    expect(isAppPath('/offers/4f9c?tab=details#apply')).toBe(true);
    for (const link of [
      'https://evil.example/offers',
      '//evil.example/x',
      'offers/1',
      '/\\evil.example',
      '/a b',
      '/a\u0000b',
      `/${'x'.repeat(500)}`,
      'javascript:alert(1)',
    ]) {
      expect(isAppPath(link), link).toBe(false);
    }
  });

  it('accept 1 to 200 visible ASCII characters', () => {
    expect(isIdempotencyKey('invitation:4f9c-…'.replace('…', 'x'))).toBe(true);
    expect(isIdempotencyKey('community.PostAdded:0b6f7a4e-1111-4222-8333-944445555666')).toBe(true);
    for (const key of ['', ' ', 'a b', 'é', 'x'.repeat(201)]) expect(isIdempotencyKey(key), key).toBe(false);
  });
});
