import type { EntityManager } from '@talentgraph/platform';
import { DocumentUploadSchema } from '../entities/DocumentUpload.ts';
import { ProfileSchema } from '../entities/Profile.ts';
import { ProfileDocumentSchema } from '../entities/ProfileDocument.ts';
import { ProfileReviewSchema } from '../entities/ProfileReview.ts';
import { ProfileUnlockSchema } from '../entities/ProfileUnlock.ts';
import { releaseReviewsOfErasedReviewer } from '../review/workflow.ts';

/**
 * users.AccountDeleted: the person's profile goes, and with it (foreign keys) everything of it: skills,
 * languages, experiences, education, certifications, onboarding drafts, the reviews of it, its documents,
 * its search document and the organizations' unlocks of it. A new table that belongs to a profile is
 * erased by a cascading foreign key to `profiles`; a column that names a person another way needs its own
 * line here (and in export.ts when what it records is the person's own). Such columns keep their row
 * without the person's id: the reviews a
 * moderator made (those left open go back to the queue), the documents and upload URLs a consultant's
 * firm admin made for the consultant (the upload URLs they asked for and did not use go), the unlocks a
 * recruiter made (their organization's).
 */
export async function eraseProfilesAccount(userId: string, em: EntityManager): Promise<void> {
  await em.nativeDelete(ProfileSchema, { userId });
  await releaseReviewsOfErasedReviewer(em, userId, new Date());
  await em.nativeUpdate(ProfileReviewSchema, { reviewerId: userId }, { reviewerId: null });
  await em.nativeUpdate(ProfileDocumentSchema, { uploadedBy: userId }, { uploadedBy: null });
  await em.nativeDelete(DocumentUploadSchema, { requestedBy: userId, usedAt: null });
  await em.nativeUpdate(DocumentUploadSchema, { requestedBy: userId }, { requestedBy: null });
  await em.nativeUpdate(ProfileUnlockSchema, { unlockedBy: userId }, { unlockedBy: null });
}

/** users.OrganizationDeleted: the profiles the organization unlocked are no longer unlocked for anyone. */
export async function eraseProfilesOrganization(organizationId: string, em: EntityManager): Promise<void> {
  await em.nativeDelete(ProfileUnlockSchema, { organizationId });
}
