import { unauthenticated, type Viewer } from '@talentgraph/auth';
import { isUuid, type EntityManager, type LoaderRegistry } from '@talentgraph/platform';
import type { MembershipRole } from '../domain/organization.ts';
import { ApiKeySchema } from '../entities/ApiKey.ts';
import { MembershipSchema } from '../entities/Membership.ts';
import type { OrganizationActor } from './permissions.ts';

const OUTSIDER: OrganizationActor = { kind: 'OUTSIDER' };
const PARTNER: OrganizationActor = { kind: 'PARTNER' };
const PLATFORM_ADMIN: OrganizationActor = { kind: 'PLATFORM_ADMIN' };

const VIEWER_MEMBERSHIPS = Symbol('memberships of the viewer');

/**
 * The caller as one organization sees them. Memberships are read from the database, not from the access
 * token's claims: a member removed a minute ago still holds a token that says otherwise for up to 15
 * minutes, and the users subgraph, which owns memberships, need not trust it. A partner token counts only
 * for its own organization, and only while its key is not revoked. Platform roles (ADMIN) come from the
 * token.
 *
 * With `loaders`, every check of one request shares one query for the viewer's memberships and one for
 * partner keys, however many organizations a response touches.
 */
export async function actorIn(
  em: EntityManager,
  viewer: Viewer | null,
  organizationId: string,
  loaders?: LoaderRegistry,
): Promise<OrganizationActor> {
  if (viewer === null || !isUuid(organizationId)) return OUTSIDER;
  if (viewer.kind === 'PARTNER') {
    if (viewer.organizationId !== organizationId || !isUuid(viewer.apiKeyId)) return OUTSIDER;
    const key = loaders
      ? await loaders.byId(ApiKeySchema).load(viewer.apiKeyId)
      : await em.findOne(ApiKeySchema, { id: viewer.apiKeyId });
    return key !== null && key.revokedAt === null && key.organization.id === organizationId
      ? PARTNER
      : OUTSIDER;
  }
  if (!isUuid(viewer.userId)) return OUTSIDER;
  const role = loaders
    ? (await viewerMemberships(em, loaders).load(viewer.userId)).get(organizationId)
    : (await em.findOne(MembershipSchema, { user: viewer.userId, organization: organizationId }))?.role;
  if (role) return { kind: 'MEMBER', role };
  return viewer.roles.includes('ADMIN') ? PLATFORM_ADMIN : OUTSIDER;
}

function viewerMemberships(em: EntityManager, loaders: LoaderRegistry) {
  return loaders.custom<string, ReadonlyMap<string, MembershipRole>>(VIEWER_MEMBERSHIPS, async (userIds) => {
    const rows = await em.find(MembershipSchema, { user: { $in: [...userIds] } });
    return userIds.map(
      (userId) =>
        new Map(
          rows
            .filter((membership) => membership.user.id === userId)
            .map((membership) => [membership.organization.id, membership.role] as const),
        ),
    );
  });
}

/** The caller of an operation under @authenticated / @hasRole, which already refused anonymous calls. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (viewer === null) throw unauthenticated();
  return viewer;
}
