import type { ProfileState } from './profile-state.ts';

/** The parts of a profile an edit can change, as events and the key-field rule name them. */
export const PROFILE_PARTS = [
  'headline',
  'summary',
  'location',
  'remotePreference',
  'yearsOfExperience',
  'availableFrom',
  'preferences',
  'consultant',
  'mentor',
  'experiences',
  'education',
  'certifications',
  'skills',
  'languages',
] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number];

/**
 * KEY fields are what a moderator vouches for when validating a profile: who the person says they are
 * and what they claim to have done and to master. Changing any of them on a VALIDATED profile sends it
 * back to SUBMITTED, so that recruiters never see unreviewed claims under a validation:
 *
 * - headline and summary (free text shown to recruiters: the policy on content applies),
 * - years of experience, experiences, education and certifications (the career claims),
 * - skills and languages (what matching and search rank on),
 * - a mentor's expertise and years of mentoring (what mentees choose on).
 *
 * Everything else keeps the profile VALIDATED: location, remote preference, availability, job
 * preferences (titles, contract types, salary, sectors, mobility, discoverability…), a consultant's daily
 * rate and availability, a mentor's hourly rate. These are the person's situation and wishes, which change
 * often and which no moderator can check.
 */
export const KEY_PARTS: readonly ProfilePart[] = [
  'headline',
  'summary',
  'yearsOfExperience',
  'experiences',
  'education',
  'certifications',
  'skills',
  'languages',
];

const byId = <Entry extends { readonly id: string }>(entries: readonly Entry[]) =>
  [...entries].sort((entry, other) => entry.id.localeCompare(other.id));

/** The value of each part as compared; entry lists compare regardless of the order they were read in. */
function partValue(state: ProfileState, part: ProfilePart): unknown {
  switch (part) {
    case 'experiences':
    case 'education':
    case 'certifications':
      return byId<{ readonly id: string }>(state[part]);
    case 'mentor':
      return state.mentor && { ...state.mentor, ratingAverage: null, ratingCount: 0 };
    default:
      return state[part];
  }
}

/** The parts of the profile that differ between two states of it, in PROFILE_PARTS order. */
export function changedParts(before: ProfileState, after: ProfileState): ProfilePart[] {
  return PROFILE_PARTS.filter(
    (part) => JSON.stringify(partValue(before, part)) !== JSON.stringify(partValue(after, part)),
  );
}

/** Whether a mentor's vouched-for details (expertise, years of mentoring) differ. */
function mentorClaimsChanged(before: ProfileState, after: ProfileState): boolean {
  const claims = (state: ProfileState) =>
    JSON.stringify(state.mentor && [state.mentor.expertise, state.mentor.mentoringYears]);
  return claims(before) !== claims(after);
}

/** Whether the edit from `before` to `after` touches a KEY field (see KEY_PARTS). */
export function touchesKeyFields(before: ProfileState, after: ProfileState): boolean {
  return (
    changedParts(before, after).some((part) => KEY_PARTS.includes(part)) || mentorClaimsChanged(before, after)
  );
}
