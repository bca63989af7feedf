import type { ProfileState } from './profile-state.ts';
import { violation, type Violation } from './violations.ts';

/**
 * What a profile must hold before a moderator is asked to review it: enough for a recruiter (or a
 * mentee) to judge it. Each missing part is reported on its own, with the profile field concerned.
 */
export function submissionViolations(state: ProfileState): Violation[] {
  const missing: [field: string, message: string][] = [];
  if (state.headline === null) missing.push(['headline', 'a headline']);
  if (state.summary === null) missing.push(['summary', 'a summary']);
  if (state.location === null) missing.push(['location', 'a location (at least a country)']);
  if (state.remotePreference === null) missing.push(['remotePreference', 'a remote preference']);
  if (state.yearsOfExperience === null) missing.push(['yearsOfExperience', 'years of experience']);
  if (state.skills.length === 0) missing.push(['skills', 'at least one skill']);
  if (state.languages.length === 0) missing.push(['languages', 'at least one language']);
  if (state.kind === 'CANDIDATE' && state.preferences.desiredContractTypes.length === 0) {
    missing.push(['preferences.desiredContractTypes', 'at least one desired contract type']);
  }
  if (state.kind === 'CONSULTANT') {
    if (state.consultant?.dailyRate == null) missing.push(['consultant.dailyRate', 'a daily rate']);
    if (state.consultant?.availability == null)
      missing.push(['consultant.availability', 'an availability status']);
  }
  if (state.kind === 'MENTOR' && (state.mentor?.expertise.length ?? 0) === 0) {
    missing.push(['mentor.expertise', 'at least one area of expertise']);
  }
  return missing.map(([field, what]) =>
    violation(field, 'PROFILE_INCOMPLETE', `a profile is submitted for review with ${what}`),
  );
}
