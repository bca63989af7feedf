import { requireDataSubject } from '@talentgraph/platform';
import type { PersonalDataExportResolvers } from '../generated/resolvers-types.ts';
import { profilesSectionOf } from '../personal-data/export.ts';

/** This service's section of an export, for the person themselves only (users' exportMyData). */
export const PersonalDataExport: PersonalDataExportResolvers = {
  __resolveReference: (reference, { viewer }) => ({
    id: reference.id,
    subjectId: requireDataSubject(viewer, reference.subjectId),
  }),

  profiles: (exported, _args, { em }) => profilesSectionOf(em, exported.subjectId),
};
