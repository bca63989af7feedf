import { organizations, users } from '@talentgraph/demo-data';
import type { EntityManager } from '@talentgraph/platform';
import { MembershipSchema } from './entities/Membership.ts';
import { OrganizationSchema } from './entities/Organization.ts';
import { UserSchema } from './entities/User.ts';

export async function seedDemoData(em: EntityManager): Promise<void> {
  for (const organization of organizations) {
    em.create(OrganizationSchema, organization);
  }
  for (const { membership, roles, ...account } of users) {
    em.create(UserSchema, { ...account, roles: [...roles] });
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
