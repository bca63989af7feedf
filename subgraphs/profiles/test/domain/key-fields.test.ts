import { describe, expect, it } from 'vitest';
import { KEY_PARTS, PROFILE_PARTS, changedParts, touchesKeyFields } from '../../src/domain/key-fields.ts';
import type { ProfileState } from '../../src/domain/profile-state.ts';
import { fullState } from './states.ts';

const before = fullState('CANDIDATE');
const edit = (change: Partial<ProfileState>, from: ProfileState = before) => ({ ...from, ...change });

describe('which edits send a validated profile back to review', () => {
  it.each<[string, Partial<ProfileState>]>([
    ['the headline', { headline: 'Staff engineer' }],
    ['the summary', { summary: 'Something else entirely, long enough to be a summary of a career.' }],
    ['the years of experience', { yearsOfExperience: 6 }],
    ['an experience', { experiences: [{ ...before.experiences[0]!, title: 'CTO' }] }],
    ['the education', { education: [] }],
    [
      'a certification',
      {
        certifications: [
          {
            id: 'c',
            name: 'CKA',
            issuer: 'CNCF',
            issuedOn: '2024-01-01',
            expiresOn: null,
            credentialId: null,
            credentialUrl: null,
          },
        ],
      },
    ],
    ['a skill level', { skills: [{ ...before.skills[0]!, level: 'BEGINNER' }, ...before.skills.slice(1)] }],
    ['the skill ranking', { skills: [...before.skills].reverse() }],
    ['the languages', { languages: [{ code: 'fr', level: 'C1' }] }],
  ])('%s: yes', (_what, change) => {
    expect(touchesKeyFields(before, edit(change))).toBe(true);
  });

  it.each<[string, Partial<ProfileState>]>([
    ['the location', { location: { city: 'Paris', countryCode: 'FR', latitude: null, longitude: null } }],
    ['the remote preference', { remotePreference: 'REMOTE' }],
    ['the availability', { availableFrom: '2027-06-01' }],
    [
      'the job preferences',
      { preferences: { ...before.preferences, discoverable: false, desiredTitles: [] } },
    ],
  ])('%s: no', (_what, change) => {
    expect(touchesKeyFields(before, edit(change))).toBe(false);
  });

  it("counts a mentor's expertise and years, not their rate nor their rating", () => {
    const mentor = fullState('MENTOR');
    const withMentor = (change: Partial<NonNullable<ProfileState['mentor']>>) =>
      edit({ mentor: { ...mentor.mentor!, ...change } }, mentor);
    expect(touchesKeyFields(mentor, withMentor({ expertise: ['Negotiation'] }))).toBe(true);
    expect(touchesKeyFields(mentor, withMentor({ mentoringYears: 9 }))).toBe(true);
    expect(touchesKeyFields(mentor, withMentor({ hourlyRate: { amount: 80, currency: 'EUR' } }))).toBe(false);
    expect(touchesKeyFields(mentor, withMentor({ ratingAverage: 3.1, ratingCount: 7 }))).toBe(false);
    expect(changedParts(mentor, withMentor({ ratingAverage: 3.1, ratingCount: 7 }))).toEqual([]);
  });

  it("does not count a consultant's rate and availability", () => {
    const consultant = fullState('CONSULTANT');
    const after = edit({ consultant: { ...consultant.consultant!, availability: 'ON_MISSION' } }, consultant);
    expect(changedParts(consultant, after)).toEqual(['consultant']);
    expect(touchesKeyFields(consultant, after)).toBe(false);
  });

  it('compares entries whatever order they were read in', () => {
    const two = edit({ experiences: [before.experiences[0]!, { ...before.experiences[0]!, id: 'second' }] });
    expect(changedParts(two, edit({ experiences: [...two.experiences].reverse() }, two))).toEqual([]);
  });

  it('names the changed parts in a stable order, key parts among them', () => {
    expect(
      changedParts(before, edit({ languages: [], headline: 'X y z', remotePreference: 'ONSITE' })),
    ).toEqual(['headline', 'remotePreference', 'languages']);
    expect(KEY_PARTS.every((part) => PROFILE_PARTS.includes(part))).toBe(true);
  });
});
