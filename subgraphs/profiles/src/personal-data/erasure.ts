import type { EntityManager } from '@talentgraph/platform';
import { ProfileSchema } from '../entities/Profile.ts';
import { ProfileUnlockSchema } from '../entities/ProfileUnlock.ts';

/**
 * users.AccountDeleted: the person's profile goes, and with it (foreign keys) everything of it: skills,
 * languages, experiences, education, certifications, onboarding drafts, the reviews of it, its search
 * document and the organizations' unlocks of it. A new table that belongs to a profile is erased by a
 * cascading foreign key to `profiles`; one that names people another way (e.g. a reviewer) needs its own
 * line here and in export.ts: the unlocks a recruiter made stay their organization's, without their name.
 */
export async function eraseProfilesAccount(userId: string, em: EntityManager): Promise<void> {
  await em.nativeDelete(ProfileSchema, { userId });
  await em.nativeUpdate(ProfileUnlockSchema, { unlockedBy: userId }, { unlockedBy: null });
}

/** users.OrganizationDeleted: the profiles the organization unlocked are no longer unlocked for anyone. */
export async function eraseProfilesOrganization(organizationId: string, em: EntityManager): Promise<void> {
  await em.nativeDelete(ProfileUnlockSchema, { organizationId });
}
