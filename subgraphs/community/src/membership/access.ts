import { LockMode } from '@mikro-orm/core';
import { forbidden, type Viewer } from '@talentgraph/auth';
import { isUuid, type EntityManager } from '@talentgraph/platform';
import type { CommunityActor } from '../domain/permissions.ts';
import { CommunityMemberSchema, type CommunityMember } from '../entities/CommunityMember.ts';

/** A person taking part in communities; partner keys read public content but never join, post or moderate. */
export type Person = Extract<Viewer, { kind: 'USER' }>;

export function personOf(viewer: Viewer | null): Person {
  if (viewer?.kind !== 'USER' || !isUuid(viewer.userId)) {
    throw forbidden('Only a signed-in person takes part in communities; partner keys only read.');
  }
  return viewer;
}

/**
 * The person as one community sees them: platform roles from their verified token, membership from the
 * database (never from the token: a member removed a minute ago may still hold a token). With `lock`,
 * the membership row is share-locked until the transaction ends, so that a concurrent removal waits for
 * what the member is doing (a post being published) instead of letting it land after they are out.
 */
export async function actorIn(
  tx: EntityManager,
  person: Person,
  communityId: string,
  options: { readonly lock?: boolean } = {},
): Promise<CommunityActor & { readonly membership: CommunityMember | null }> {
  const membership = await tx.findOne(
    CommunityMemberSchema,
    { community: communityId, userId: person.userId },
    options.lock ? { lockMode: LockMode.PESSIMISTIC_READ } : {},
  );
  return { roles: person.roles, membership };
}
