import type { EntityManager } from '@talentgraph/platform';
import { ProfileSchema } from '../entities/Profile.ts';

/**
 * users.AccountDeleted: the person's profile goes, and with it (foreign keys) everything of it: skills,
 * languages, experiences, education, certifications, onboarding drafts and the reviews of it. A new
 * table that belongs to a profile is erased by a cascading foreign key to `profiles`; one that names
 * people another way (e.g. a reviewer) needs its own line here and in export.ts.
 */
export async function eraseProfilesAccount(userId: string, em: EntityManager): Promise<void> {
  await em.nativeDelete(ProfileSchema, { userId });
}
