import { forbidden, unauthenticated } from '@talentgraph/auth';
import type { Connection, SubgraphContext } from '@talentgraph/platform';
import { GraphQLError } from 'graphql';
import { searchingOrganization } from '../unlocks/unlock-rules.ts';
import type { SearchHit } from './profile-search-index.ts';
import { textArrayLiteral } from './postgres-search-sql.ts';
import { MAX_RESULT_WINDOW, checkSearch, cursorAt, type SearchInput } from './search-request.ts';
import { searchIndexFor } from './search-services.ts';
import { canonicalSkillId } from './skill-names.ts';

/** A hit as the GraphQL resolvers receive it. */
export interface SearchHitNode {
  readonly hit: SearchHit;
  /** Whether the searching organization unlocked the profile. */
  readonly unlocked: boolean;
  /** The profile's id, known to the server only once the organization unlocked it. */
  readonly unlockedProfileId: string | null;
}

export interface RecruiterSearchArguments extends SearchInput {
  readonly organizationId?: string | null;
}

/** Refuses a search whose arguments break the rules, with every problem (`extensions.problems`). */
function badSearch(problems: readonly { code: string; message: string; field: string }[]): GraphQLError {
  const [first] = problems;
  return new GraphQLError(`${first!.field}: ${first!.message}`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      argumentName: first!.field.split('.')[0],
      problems: problems.map(({ code, message, field }) => ({ code, message, field: field.split('.') })),
    },
  });
}

/** Which of the hits the organization unlocked, and their profiles' ids: one query for the page. */
async function unlockedAmong(
  context: SubgraphContext,
  organizationId: string,
  hitIds: readonly string[],
): Promise<Map<string, string>> {
  if (hitIds.length === 0) return new Map();
  const rows = await context.em.getConnection().execute<{ hit_id: string; profile_id: string }[]>(
    `select d.hit_id, d.profile_id from profile_search_documents d
     join profile_unlocks u on u.profile_id = d.profile_id and u.organization_id = ?
     where d.hit_id = any(?::uuid[])`,
    [organizationId, textArrayLiteral(hitIds)],
  );
  return new Map(rows.map((row) => [row.hit_id, row.profile_id]));
}

/**
 * searchProfiles: who may search and for which organization (unlocks/unlock-rules.ts), the arguments
 * checked (search-request.ts), the search through the port (PostgreSQL or Elasticsearch), and the page as
 * a connection whose cursors continue this very search.
 */
export async function searchProfiles(
  context: SubgraphContext,
  args: RecruiterSearchArguments,
): Promise<Connection<SearchHitNode>> {
  const choice = searchingOrganization(context.viewer, args.organizationId?.toLowerCase() ?? null);
  if (!choice.ok) {
    if (choice.code === 'UNAUTHENTICATED') throw unauthenticated(choice.message);
    if (choice.code === 'ORGANIZATION_REQUIRED') {
      throw badSearch([{ code: choice.code, message: choice.message, field: 'organizationId' }]);
    }
    throw forbidden(choice.message);
  }
  const checked = checkSearch(args, canonicalSkillId);
  if (!checked.ok) throw badSearch(checked.violations);
  const search = checked.value;
  const results = await searchIndexFor(context.em).search({
    text: search.text,
    filters: search.filters,
    sort: search.sort,
    organizationId: choice.organizationId,
    offset: search.offset,
    limit: search.limit,
  });
  const unlocked = await unlockedAmong(
    context,
    choice.organizationId,
    results.hits.map((hit) => hit.hitId),
  );
  const edges = results.hits.map((hit, position) => ({
    cursor: cursorAt(search.fingerprint, search.offset + position),
    node: { hit, unlocked: unlocked.has(hit.hitId), unlockedProfileId: unlocked.get(hit.hitId) ?? null },
  }));
  const reachable = Math.min(results.totalCount, MAX_RESULT_WINDOW);
  return {
    edges,
    pageInfo: {
      hasNextPage: search.offset + edges.length < reachable,
      hasPreviousPage: search.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: results.totalCount,
  };
}
