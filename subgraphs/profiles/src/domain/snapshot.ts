import { completionOf } from './completion.ts';
import type { ProfileState } from './profile-state.ts';

/**
 * The matchable facts of a profile, as every `profiles.*` event carries them (payload `profile`), so that
 * a read model (matching, search) rebuilds a profile from any single event: the latest `revision` wins.
 * Free texts other than the headline (summary, descriptions) and the career details stay in this subgraph.
 * Version 1 of the payload; a breaking change bumps the events' version.
 */
export function profileSnapshot(state: ProfileState) {
  const { preferences } = state;
  return {
    profileId: state.id,
    userId: state.userId,
    kind: state.kind,
    status: state.status,
    revision: state.revision,
    completion: completionOf(state).percent,
    headline: state.headline,
    location: state.location && { ...state.location },
    remotePreference: state.remotePreference,
    yearsOfExperience: state.yearsOfExperience,
    availableFrom: state.availableFrom,
    desiredTitles: [...preferences.desiredTitles],
    desiredContractTypes: [...preferences.desiredContractTypes],
    salaryExpectation: preferences.salaryExpectation && { ...preferences.salaryExpectation },
    sectors: [...preferences.sectors],
    companySizes: [...preferences.companySizes],
    willingToRelocate: preferences.willingToRelocate,
    relocationCountries: [...preferences.relocationCountries],
    workAuthorizations: [...preferences.workAuthorizations],
    jobSearchStatus: preferences.jobSearchStatus,
    discoverable: preferences.discoverable,
    hiddenFromOrganizationIds: [...preferences.hiddenFromOrganizationIds],
    skills: state.skills.map((skill) => ({ ...skill })),
    languages: state.languages.map((language) => ({ ...language })),
    consultant: state.consultant && {
      organizationId: state.consultant.organizationId,
      dailyRate: state.consultant.dailyRate && { ...state.consultant.dailyRate },
      availability: state.consultant.availability,
    },
    mentor: state.mentor && {
      expertise: [...state.mentor.expertise],
      mentoringYears: state.mentor.mentoringYears,
      hourlyRate: state.mentor.hourlyRate && { ...state.mentor.hourlyRate },
    },
  };
}

export type ProfileSnapshot = ReturnType<typeof profileSnapshot>;
