import { describe, expect, it } from 'vitest';
import { checkName, checkOptionalText, slugStem, uniqueSlug } from '../../src/organizations/details.ts';
import { isValidSlug } from '../../src/domain/organization.ts';
import {
  INVITATION_TTL_DAYS,
  invitationExpiry,
  invitationState,
} from '../../src/organizations/invitation-rules.ts';

describe('organization names', () => {
  it('trims and collapses whitespace', () => {
    expect(checkName('  Acme   Robotics ')).toEqual({ name: 'Acme Robotics' });
  });

  it.each([['A'], [' '], ['x'.repeat(161)], ['!!!'], ['— —']])('refuses %j', (name) => {
    expect(checkName(name)).toMatchObject({ code: 'INVALID_NAME', field: 'name' });
  });

  it('treats blank optional text as none and refuses text over the limit', () => {
    const options = { field: 'city', maxLength: 5, code: 'INVALID_CITY' };
    expect(checkOptionalText('  ', options)).toEqual({ value: null });
    expect(checkOptionalText(null, options)).toEqual({ value: null });
    expect(checkOptionalText(' Lyon ', options)).toEqual({ value: 'Lyon' });
    expect(checkOptionalText('Marseille', options)).toMatchObject({ code: 'INVALID_CITY' });
  });
});

describe('unique slugs', () => {
  it('uses the plain slug when it is free, else the smallest free number', () => {
    expect(uniqueSlug('Acme Robotics', new Set())).toBe('acme-robotics');
    expect(uniqueSlug('Acme Robotics', new Set(['acme-robotics']))).toBe('acme-robotics-2');
    expect(
      uniqueSlug('Acme Robotics', new Set(['acme-robotics', 'acme-robotics-2', 'acme-robotics-4'])),
    ).toBe('acme-robotics-3');
  });

  it('keeps numbered slugs within 80 characters, valid, and starting with the lookup stem', () => {
    const name =
      'Compagnie Générale des Établissements de Formation Professionnelle du Grand Ouest Atlantique';
    const taken = new Set<string>();
    for (let index = 0; index < 12; index += 1) {
      const slug = uniqueSlug(name, taken);
      expect(slug.length).toBeLessThanOrEqual(80);
      expect(isValidSlug(slug)).toBe(true);
      expect(slug.startsWith(slugStem(name))).toBe(true);
      expect(taken.has(slug)).toBe(false);
      taken.add(slug);
    }
  });
});

describe('invitation rules', () => {
  const now = new Date('2026-11-23T08:00:00Z');

  it('expires a week after sending', () => {
    expect(INVITATION_TTL_DAYS).toBe(7);
    expect(invitationExpiry(now)).toEqual(new Date('2026-11-30T08:00:00Z'));
  });

  it('is pending until accepted, revoked or past its expiry, accepted winning over the rest', () => {
    const expiresAt = invitationExpiry(now);
    expect(invitationState({ expiresAt }, now)).toBe('PENDING');
    expect(invitationState({ expiresAt }, expiresAt)).toBe('EXPIRED');
    expect(invitationState({ expiresAt, revokedAt: now }, now)).toBe('REVOKED');
    expect(invitationState({ expiresAt, acceptedAt: now, revokedAt: now }, expiresAt)).toBe('ACCEPTED');
  });
});
