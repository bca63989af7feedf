import { organizations, users } from '@talentgraph/demo-data';
import { hashPassword } from '@talentgraph/auth';
import type { EntityManager } from '@talentgraph/platform';
import { MembershipSchema } from './entities/Membership.ts';
import { OrganizationSchema } from './entities/Organization.ts';
import { UserSchema } from './entities/User.ts';

/** Password of every demo account (README): public, so the demo accounts are for local use only. */
export const DEMO_PASSWORD = 'talentgraph-demo-2026';

export async function seedDemoData(em: EntityManager): Promise<void> {
  // One hash for all: they share a public password anyway, and each hash costs a third of a second.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seededAt = new Date();
  for (const organization of organizations) {
    em.create(OrganizationSchema, organization);
  }
  for (const { membership, roles, ...account } of users) {
    em.create(UserSchema, { ...account, roles: [...roles], passwordHash, emailVerifiedAt: seededAt });
    if (membership) {
      em.create(MembershipSchema, {
        user: account.id,
        organization: membership.organizationId,
        role: membership.role,
      });
    }
  }
  await em.flush();
}
