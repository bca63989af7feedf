import type {
  ConsultantDetailsResolvers,
  JobPreferencesResolvers,
  MentorDetailsResolvers,
  ProfileLocationResolvers,
  ProfileReviewResolvers,
  SalaryExpectationResolvers,
} from '../generated/resolvers-types.ts';

export const ProfileLocation: ProfileLocationResolvers = {
  coordinates: ({ latitude, longitude }) =>
    latitude === null || longitude === null ? null : { latitude, longitude },
};

export const SalaryExpectation: SalaryExpectationResolvers = {
  minimum: ({ minimum, currency }) => ({ amount: minimum, currency }),
  maximum: ({ maximum, currency }) => (maximum === null ? null : { amount: maximum, currency }),
};

export const JobPreferences: JobPreferencesResolvers = {
  sectors: ({ preferences }) => [...preferences.sectors],
  companySizes: ({ preferences }) => [...preferences.companySizes],
  willingToRelocate: ({ preferences }) => preferences.willingToRelocate,
  relocationCountries: ({ preferences }) => [...preferences.relocationCountries],
  maxCommuteMinutes: ({ preferences }) => preferences.maxCommuteMinutes,
  travelWillingness: ({ preferences }) => preferences.travelWillingness,
  noticePeriodWeeks: ({ preferences }) => preferences.noticePeriodWeeks,
  workAuthorizations: ({ preferences }) => [...preferences.workAuthorizations],
  jobSearchStatus: ({ preferences }) => preferences.jobSearchStatus,
  discoverable: (parent) => (parent.private ? parent.preferences.discoverable : null),
  hiddenFromOrganizations: (parent) =>
    parent.private ? parent.preferences.hiddenFromOrganizationIds.map((id) => ({ id })) : null,
};

export const ConsultantDetails: ConsultantDetailsResolvers = {
  organization: ({ organizationId }) => ({ id: organizationId }),
};

export const MentorDetails: MentorDetailsResolvers = {
  expertise: ({ expertise }) => [...expertise],
  rating: ({ ratingAverage }) => ratingAverage,
};

export const ProfileReview: ProfileReviewResolvers = {
  reviewer: (review) => (review.reviewerId == null ? null : { id: review.reviewerId }),
  endedAt: (review) => review.endedAt ?? null,
  outcome: (review) => review.outcome ?? null,
  reasons: (review) => review.reasons as never,
  comment: (review) => review.comment ?? null,
  assessment: (review) => review.assessment ?? null,
};
