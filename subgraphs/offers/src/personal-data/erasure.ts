import type { EntityManager } from '@talentgraph/platform';
import { OfferSchema } from '../entities/Offer.ts';

/**
 * users.AccountDeleted: an offer belongs to its organization, so the offers the person wrote stay,
 * without author. (Applications and saved offers do not exist yet; when they do, they are the
 * person's and go with the account.)
 */
export async function eraseOffersAccount(userId: string, em: EntityManager): Promise<void> {
  await em.nativeUpdate(OfferSchema, { authorId: userId }, { authorId: null });
}

/** users.OrganizationDeleted: the organization is gone with its only member, and its offers with it. */
export async function eraseOffersOrganization(organizationId: string, em: EntityManager): Promise<void> {
  await em.nativeDelete(OfferSchema, { organizationId });
}
