import { randomUUID } from 'node:crypto';
import type { Viewer } from '@talentgraph/auth';
import { rows, startTestWorld, testUser, type GraphQLResponse, type TestWorld } from '@talentgraph/testing';
import type { CommunityMemberRole, CommunityVisibility } from '../../src/domain/community.ts';
import { communitySubgraph } from '../../src/subgraph.ts';

export { countSelects, request, rows } from '@talentgraph/testing';

/** The community subgraph on its own seeded database (see startTestWorld). */
export function startCommunityWorld(): Promise<TestWorld> {
  return startTestWorld(communitySubgraph);
}

/** Every row of every table of the subgraph, to check that a refused mutation wrote nothing at all. */
export async function everything(world: TestWorld): Promise<Record<string, unknown[]>> {
  const tables = ['communities', 'community_members', 'posts', 'comments'];
  const entries = await Promise.all(
    tables.map(async (table) => [table, await rows(world, `select * from ${table} order by id`)] as const),
  );
  return Object.fromEntries(entries);
}

/** A signed-in person who belongs to nothing yet. */
export function newPerson(roles: Extract<Viewer, { kind: 'USER' }>['roles'] = ['CANDIDATE']): Viewer & {
  kind: 'USER';
} {
  return testUser(randomUUID(), { roles }) as Viewer & { kind: 'USER' };
}

export const idOf = (viewer: Viewer) => (viewer as { userId: string }).userId;

/**
 * A community of the test's own, so tests that change memberships, posts and comments do not depend on
 * each other: its OWNER, plus people with the given roles.
 */
export async function newCommunity(
  world: TestWorld,
  visibility: CommunityVisibility,
  members: readonly (readonly [Viewer, CommunityMemberRole])[] = [],
): Promise<{ id: string; owner: Viewer & { kind: 'USER' } }> {
  const id = randomUUID();
  const owner = newPerson();
  const slug = `test-${id.slice(0, 8)}`;
  await rows(
    world,
    `insert into communities (id, slug, name, description, visibility, created_by_id, created_at, updated_at)
     values ($1, $2, $3, 'A community of the tests.', $4, $5, now(), now())`,
    [id, slug, `Test ${slug}`, visibility, idOf(owner)],
  );
  for (const [person, role] of [[owner, 'OWNER'] as const, ...members]) {
    await rows(
      world,
      `insert into community_members (id, community_id, user_id, role, joined_at) values ($1, $2, $3, $4, now())`,
      [randomUUID(), id, idOf(person), role],
    );
  }
  return { id, owner };
}

/** A post written straight into the database, dated `createdAt` (now by default). */
export async function newPost(
  world: TestWorld,
  communityId: string,
  author: Viewer,
  options: { createdAt?: Date; title?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const at = options.createdAt ?? new Date();
  await rows(
    world,
    `insert into posts (id, community_id, author_id, title, body, created_at, updated_at)
     values ($1, $2, $3, $4, 'A body.', $5, $5)`,
    [id, communityId, idOf(author), options.title ?? 'A post of the tests', at],
  );
  return id;
}

/** A comment written straight into the database (depth computed from the parent). */
export async function newComment(
  world: TestWorld,
  postId: string,
  author: Viewer,
  options: { parentId?: string | null; createdAt?: Date; body?: string } = {},
): Promise<string> {
  const id = randomUUID();
  await rows(
    world,
    `insert into comments (id, post_id, parent_id, author_id, body, depth, created_at)
     values ($1, $2, $3, $4, $5, coalesce((select depth + 1 from comments where id = $3), 1), $6)`,
    [
      id,
      postId,
      options.parentId ?? null,
      idOf(author),
      options.body ?? 'A comment.',
      options.createdAt ?? new Date(),
    ],
  );
  return id;
}

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export type UserErrorOf = { code: string; message: string; field: string[] | null };

export const errorCodes = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);
