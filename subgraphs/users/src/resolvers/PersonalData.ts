import { requireDataSubject } from '@talentgraph/platform';
import type { MutationResolvers, PersonalDataExportResolvers } from '../generated/resolvers-types.ts';
import { deleteMyAccount } from '../personal-data/account-deletion.ts';
import { PERSONAL_DATA_FORMAT_VERSION, exportMyData } from '../personal-data/data-export.ts';
import { usersSectionOf } from '../personal-data/users-section.ts';
import { personOf } from './Account.ts';

export const personalDataMutations: Pick<MutationResolvers, 'exportMyData' | 'deleteMyAccount'> = {
  exportMyData: async (_parent, _args, { em, viewer, now }) => ({
    export: await exportMyData(em, personOf(viewer), now),
    errors: [],
  }),

  deleteMyAccount: async (_parent, { input }, { em, viewer, now }) => {
    const outcome = await deleteMyAccount(em, personOf(viewer), input, now);
    return outcome.ok
      ? { deletedUserId: outcome.deletedUserId, errors: [] }
      : { deletedUserId: null, errors: outcome.errors };
  },
};

export const PersonalDataExport: PersonalDataExportResolvers = {
  // Reached only when `_entities` is called on this subgraph directly: the export is the person's own.
  __resolveReference: (reference, { viewer, now }) => ({
    id: reference.id,
    subjectId: requireDataSubject(viewer, reference.subjectId),
    formatVersion: PERSONAL_DATA_FORMAT_VERSION,
    generatedAt: now,
  }),

  users: (exported, _args, { em, viewer }) =>
    usersSectionOf(em, requireDataSubject(viewer, exported.subjectId)),
};
