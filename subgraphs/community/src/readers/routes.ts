import express, { type ErrorRequestHandler, type Express, type Response } from 'express';
import type { EntityManager, SubgraphServices } from '@talentgraph/platform';
import type { CommunityVisibility } from '../domain/community.ts';
import { readersAmong } from '../domain/visibility.ts';
import { parseReadersRequest, type ReadTarget } from './readers-request.ts';

export const COMMUNITY_READERS_PATH = '/internal/community-readers';

/**
 * Authorization of subscription events, for the gateway: which of these subscribers may read this
 * community's posts (or this post's comments) right now. One call per event, however many subscribers,
 * answered with one SQL query: the community's visibility and which of the given people are members at
 * this instant, so a member removed a second ago is no longer a reader.
 *
 *   POST { "communityId" | "postId": id, "viewers": [{ "userId": id, "roles": [platform roles] }] }
 *   200  { "visibility": "PUBLIC" | "PRIVATE", "readers": [ids, in the order given, each once] }
 *   400 / 404 / 413  { "error": { "code", "message" } }
 *
 * The roles are the platform roles the gateway verified in each subscriber's token (the platform's
 * MODERATORs and ADMINs read every community). The route trusts its caller to pass them, and it tells
 * who belongs to a private community: it is for the service network only, like the other /internal
 * routes, never to be exposed through a public load balancer. The visibility lets the gateway decide
 * for subscribers who are not signed-in people (anonymous, partner keys): public communities only.
 */
export function mountReaderRoutes(app: Express, services: SubgraphServices): void {
  app.post(COMMUNITY_READERS_PATH, express.json({ limit: '1mb' }), (request, response, next) => {
    (async () => {
      response.set('cache-control', 'no-store');
      const parsed = parseReadersRequest(request.body);
      if (!parsed.valid) {
        refuse(response, 400, 'BAD_REQUEST', parsed.message);
        return;
      }
      const { target, viewers } = parsed.request;
      const audience = await membersAmong(
        services.orm.em.fork(),
        target,
        viewers.map((viewer) => viewer.userId),
      );
      if (audience === null) {
        refuse(
          response,
          404,
          'NOT_FOUND',
          `No ${target.kind === 'COMMUNITY' ? 'community' : 'post'} has this id.`,
        );
        return;
      }
      response.json({
        visibility: audience.visibility,
        readers: readersAmong(audience, viewers, audience.memberIds),
      });
    })().catch(next);
  });
  app.use(COMMUNITY_READERS_PATH, unreadableBody);
}

function refuse(response: Response, status: number, code: string, message: string): void {
  response.status(status).json({ error: { code, message } });
}

/** Errors of the JSON body parser as JSON answers rather than Express's HTML page. */
const unreadableBody: ErrorRequestHandler = (error: { type?: string }, _request, response, next) => {
  if (error.type === 'entity.parse.failed') {
    refuse(response, 400, 'BAD_REQUEST', 'The body is not valid JSON.');
  } else if (error.type === 'entity.too.large') {
    refuse(response, 413, 'PAYLOAD_TOO_LARGE', 'The body is larger than 1 MB: send fewer viewers per call.');
  } else {
    next(error);
  }
};

/**
 * The visibility of the target's community, and which of `userIds` belong to it now; null when there is
 * no such community or post. One statement, served by the (community_id, user_id) unique index.
 */
async function membersAmong(
  em: EntityManager,
  target: ReadTarget,
  userIds: readonly string[],
): Promise<{ visibility: CommunityVisibility; memberIds: ReadonlySet<string> } | null> {
  const community =
    target.kind === 'COMMUNITY'
      ? 'communities as community'
      : 'posts as post join communities as community on community.id = post.community_id';
  const targetColumn = target.kind === 'COMMUNITY' ? 'community.id' : 'post.id';
  // Every id was checked to be a UUID, so the array literal cannot carry anything else.
  const ids = `{${userIds.join(',')}}`;
  const [row] = await em.getConnection().execute<{ visibility: CommunityVisibility; member_ids: string[] }[]>(
    `select community.visibility,
       array(select member.user_id::text from community_members as member
             where member.community_id = community.id and member.user_id = any(?::uuid[])) as member_ids
     from ${community}
     where ${targetColumn} = ?`,
    [ids, target.id],
  );
  return row ? { visibility: row.visibility, memberIds: new Set(row.member_ids) } : null;
}
