import express, { type Express, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Viewer } from '@talentgraph/auth';
import { isUuid, type SubgraphServices } from '@talentgraph/platform';
import { actorIn } from '../organizations/access.ts';
import { decideOrganizationAction } from '../organizations/permissions.ts';
import { liveSessionIds } from '../sessions/sessions.ts';
import {
  MAX_AMOUNT_PER_CALL,
  QUOTA_METRICS,
  RELEASABLE_METRICS,
  isQuotaMetric,
  isValidAmount,
  type QuotaMetric,
  type QuotaStatus,
} from './plans.ts';
import { consumeQuota, releaseQuota } from './quota-store.ts';

export const CONSUME_QUOTA_PATH = '/internal/organizations/:organizationId/quotas/:metric/consume';
export const RELEASE_QUOTA_PATH = '/internal/organizations/:organizationId/quotas/:metric/release';

/**
 * Quotas for the other subgraphs, over HTTP: the offers subgraph takes an ACTIVE_OFFERS unit when an
 * offer is published (and gives it back when it closes), the profiles subgraph a PROFILE_UNLOCKS unit
 * when a recruiter unlocks a profile. The caller forwards the access token of the person (or partner key)
 * on whose behalf it acts, so the check is the same as for GraphQL: a member of the organization, or the
 * organization's own partner key. Body `{ "amount": n }`.
 *
 * 200 `{ organizationId, metric, amount, used, limit, remaining, resetsAt }`; 429 with code
 * QUOTA_EXCEEDED (and Retry-After for monthly quotas) when the units are not all available, in which case
 * nothing was taken; 400 / 401 / 403 / 404 with `{ error: { code, message } }` otherwise.
 */
export function mountQuotaRoutes(app: Express, services: SubgraphServices): void {
  const body = express.json({ limit: '1kb' });
  app.post(CONSUME_QUOTA_PATH, body, (request, response, next) => {
    handle(services, 'consume', request, response).catch(next);
  });
  app.post(RELEASE_QUOTA_PATH, body, (request, response, next) => {
    handle(services, 'release', request, response).catch(next);
  });
}

function refuse(response: Response, status: number, code: string, message: string): void {
  response.status(status).json({ error: { code, message } });
}

/** The verified caller, or null; a person's token counts only while its session is live, as in GraphQL. */
async function viewerOf(services: SubgraphServices, request: Request, now: Date): Promise<Viewer | null> {
  let viewer: Viewer | null;
  try {
    viewer = await services.authenticate(request.headers.authorization);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions['code'] === 'UNAUTHENTICATED') return null;
    throw error;
  }
  if (viewer?.kind !== 'USER') return viewer;
  const live = await liveSessionIds(services.orm.em.fork(), [viewer], now);
  return live.has(viewer.sessionId) ? viewer : null;
}

function describe(organizationId: string, metric: QuotaMetric, amount: number, status: QuotaStatus) {
  return {
    organizationId,
    metric,
    amount,
    used: status.used,
    limit: status.limit,
    remaining: status.remaining,
    resetsAt: status.resetsAt?.toISOString() ?? null,
  };
}

async function handle(
  services: SubgraphServices,
  operation: 'consume' | 'release',
  request: Request,
  response: Response,
): Promise<void> {
  response.set('cache-control', 'no-store');
  const now = new Date();
  const viewer = await viewerOf(services, request, now);
  if (viewer === null) {
    refuse(
      response,
      401,
      'UNAUTHENTICATED',
      'Forward the access token of the caller (Authorization: Bearer …).',
    );
    return;
  }
  const organizationId = String(request.params['organizationId']);
  const metric = String(request.params['metric']);
  const amount = (request.body as { amount?: unknown } | undefined)?.amount;
  if (!isUuid(organizationId)) {
    refuse(response, 400, 'BAD_REQUEST', 'The organization id must be a UUID.');
    return;
  }
  if (!isQuotaMetric(metric)) {
    refuse(response, 400, 'BAD_REQUEST', `The metric must be one of ${QUOTA_METRICS.join(', ')}.`);
    return;
  }
  if (operation === 'release' && !RELEASABLE_METRICS.includes(metric)) {
    refuse(response, 400, 'BAD_REQUEST', `Only ${RELEASABLE_METRICS.join(', ')} can be released.`);
    return;
  }
  if (!isValidAmount(amount)) {
    refuse(response, 400, 'BAD_REQUEST', `"amount" must be an integer from 1 to ${MAX_AMOUNT_PER_CALL}.`);
    return;
  }
  const em = services.orm.em.fork();
  const actor = await actorIn(em, viewer, organizationId);
  if (!decideOrganizationAction(actor, 'CONSUME_QUOTA').allowed) {
    refuse(response, 403, 'FORBIDDEN', 'Only a member or a partner key of the organization uses its quotas.');
    return;
  }
  const units = { organizationId, metric, amount };
  if (operation === 'release') {
    const released = await releaseQuota(em, units, now);
    if (released.outcome === 'ORGANIZATION_NOT_FOUND') {
      refuse(response, 404, 'NOT_FOUND', 'No organization has this id.');
      return;
    }
    response.json(describe(organizationId, metric, released.released, released.status));
    return;
  }
  const consumed = await consumeQuota(em, units, now);
  if (consumed.outcome === 'ORGANIZATION_NOT_FOUND') {
    refuse(response, 404, 'NOT_FOUND', 'No organization has this id.');
    return;
  }
  const described = describe(organizationId, metric, amount, consumed.status);
  if (consumed.outcome === 'QUOTA_EXCEEDED') {
    if (consumed.status.resetsAt) {
      response.set(
        'retry-after',
        String(Math.max(Math.ceil((consumed.status.resetsAt.getTime() - now.getTime()) / 1000), 1)),
      );
    }
    response.status(429).json({
      error: {
        code: 'QUOTA_EXCEEDED',
        message: `The plan allows ${consumed.status.limit} ${metric} and ${consumed.status.remaining} remain: ${amount} requested.`,
      },
      ...described,
    });
    return;
  }
  response.json(described);
}
