import type { EntityManager } from '@talentgraph/platform';
import { OfferSnapshotSchema } from '../entities/OfferSnapshot.ts';
import { ProfileSnapshotSchema } from '../entities/ProfileSnapshot.ts';

/**
 * users.AccountDeleted: the read model's copy of the person's profile goes, and with it (foreign key)
 * every match of that profile, whatever its status.
 */
export async function eraseMatchingAccount(userId: string, em: EntityManager): Promise<void> {
  await em.nativeDelete(ProfileSnapshotSchema, { userId });
}

/** users.OrganizationDeleted: its offers were deleted with it; so are their copies and their matches. */
export async function eraseMatchingOrganization(organizationId: string, em: EntityManager): Promise<void> {
  await em.nativeDelete(OfferSnapshotSchema, { organizationId });
}
