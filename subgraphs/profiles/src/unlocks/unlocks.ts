import { randomUUID } from 'node:crypto';
import { forbidden, unauthenticated, type Viewer } from '@talentgraph/auth';
import {
  QuotaServiceError,
  consumeOrganizationQuota,
  isUuid,
  type EntityManager,
  type QuotaStanding,
  type SubgraphContext,
} from '@talentgraph/platform';
import { GraphQLError } from 'graphql';
import { unlockingOrganizationsOf } from '../domain/visibility.ts';
import { violation, type Violation } from '../domain/violations.ts';
import { ProfileUnlockSchema } from '../entities/ProfileUnlock.ts';
import { answering, refuse, type UserError } from '../editing/refusals.ts';
import { recordRecruiterAccessWith } from '../recruiter-views/recruiter-views.ts';
import { searchingOrganization } from './unlock-rules.ts';

/**
 * Unlocks (rules in unlock-rules.ts): an organization pays one unit of its plan's PROFILE_UNLOCKS quota
 * (counted by the users subgraph) to read a candidate found in search, once — `profile_unlocks` holds one
 * row per organization and profile — and the unlock is audited (`profiles.ProfileUnlocked`).
 */

const UNLOCKING_ORGANIZATIONS = Symbol('organizations that unlocked');

/**
 * Which of the viewer's unlocking organizations (domain/visibility.ts) unlocked the profile: one query
 * for every profile of the request.
 */
export function unlockingOrganizations(context: SubgraphContext, profileId: string): Promise<string[]> {
  const organizations = unlockingOrganizationsOf(context.viewer);
  return context.loaders
    .custom<string, string[]>(UNLOCKING_ORGANIZATIONS, async (profileIds) => {
      const unlocks = await unlocksOf(context.em, profileIds, organizations);
      return profileIds.map((id) =>
        unlocks.filter((unlock) => unlock.profile.id === id).map((unlock) => unlock.organizationId),
      );
    })
    .load(profileId);
}

/** The same, read within a transaction (a change checks who may see the profile it locked). */
export async function unlockingOrganizationsIn(
  tx: EntityManager,
  viewer: Viewer | null,
  profileId: string,
): Promise<string[]> {
  const unlocks = await unlocksOf(tx, [profileId], unlockingOrganizationsOf(viewer));
  return unlocks.map((unlock) => unlock.organizationId);
}

function unlocksOf(em: EntityManager, profileIds: readonly string[], organizations: readonly string[]) {
  return organizations.length === 0
    ? Promise.resolve([])
    : em.find(ProfileUnlockSchema, {
        profile: { $in: [...profileIds] },
        organizationId: { $in: [...organizations] },
      });
}

export interface UnlockProfileInput {
  readonly hitId?: string | null;
  readonly profileId?: string | null;
  readonly organizationId?: string | null;
}

export interface UnlockPayload {
  /** The unlocked profile's id; null when errors is not empty. */
  readonly profileId: string | null;
  readonly alreadyUnlocked: boolean | null;
  /** Where the organization's quota stands after this unlock; null when nothing was consumed. */
  readonly quota: QuotaStanding | null;
  readonly errors: UserError[];
}

const refusedUnlock = (errors: UserError[]): UnlockPayload => ({
  profileId: null,
  alreadyUnlocked: null,
  quota: null,
  errors,
});

const NOT_FOUND = (field: string) =>
  violation(field, 'PROFILE_NOT_FOUND', 'no profile you can find in search has this id');

/** Which profile the input names: exactly one of a hit id and a profile id, each a UUID. */
function targetOf(input: UnlockProfileInput): { field: 'hitId' | 'profileId'; id: string } {
  const given = (['hitId', 'profileId'] as const).filter((field) => input[field] != null);
  if (given.length !== 1) {
    refuse([
      violation('', 'TARGET_REQUIRED', 'give exactly one of hitId (from searchProfiles) and profileId'),
    ]);
  }
  const field = given[0]!;
  const id = input[field]!;
  if (!isUuid(id)) refuse([violation(field, 'INVALID_ID', 'must be an id (a UUID)')]);
  return { field, id: id.toLowerCase() };
}

function execute<Row>(tx: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  return tx.getConnection().execute<Row[]>(sql, params, 'all', tx.getTransactionContext());
}

/** What a refusal of the quota service becomes: the caller's mistake, or a failure to report. */
function quotaRefusal(status: number, code: string, message: string): Violation | never {
  if (status === 401) throw unauthenticated('Your session ended; sign in again to unlock profiles.');
  if (status === 403) throw forbidden('You do not belong to this organization (any more).');
  if (status === 404)
    return violation('organizationId', 'ORGANIZATION_NOT_FOUND', 'no organization has this id');
  throw new Error(`The quota service refused the unlock: ${status} ${code} ${message}`);
}

/**
 * Unlocks a profile found in search for the recruiter's organization. In one transaction: the unlock row
 * is inserted (a second unlock of the same profile by the same organization waits on its unique key and
 * finds it there: it costs nothing), one PROFILE_UNLOCKS unit is taken from the organization's quota, and
 * the access is recorded for the audit log. When the quota has no unit left, or the users subgraph cannot
 * count it, the transaction rolls back: nothing is unlocked, nothing recorded.
 *
 * The quota is taken inside the transaction, before its commit: should the commit then fail, the unit
 * is spent without an unlock (the organization may unlock again) — never an unlock without its unit.
 */
export function unlockProfile(
  context: SubgraphContext,
  input: UnlockProfileInput,
  settings: { readonly usersUrl: string; readonly timeoutMs: number },
): Promise<UnlockPayload> {
  const organizationId = input.organizationId ?? null;
  if (organizationId !== null && !isUuid(organizationId)) {
    return Promise.resolve(
      refusedUnlock([
        {
          code: 'INVALID_ID',
          message: 'organizationId: must be an id (a UUID)',
          field: ['input', 'organizationId'],
        },
      ]),
    );
  }
  const choice = searchingOrganization(context.viewer, organizationId?.toLowerCase() ?? null);
  if (!choice.ok && choice.code === 'UNAUTHENTICATED') throw unauthenticated(choice.message);
  if (!choice.ok && choice.code === 'FORBIDDEN') throw forbidden(choice.message);
  return answering(async () => {
    if (!choice.ok) refuse([violation('organizationId', choice.code, choice.message)]);
    const target = targetOf(input);
    return context.em.transactional(async (tx): Promise<UnlockPayload> => {
      const [found] = await execute<{ profile_id: string; user_id: string }>(
        tx,
        `select d.profile_id, p.user_id from profile_search_documents d join profiles p on p.id = d.profile_id
         where d.${target.field === 'hitId' ? 'hit_id' : 'profile_id'} = ?
           and not (? = any(d.hidden_from_organization_ids))`,
        [target.id, choice.organizationId],
      );
      if (!found) refuse([NOT_FOUND(target.field)]);
      const inserted = await execute<{ id: string }>(
        tx,
        `insert into profile_unlocks (id, profile_id, organization_id, unlocked_by, unlocked_at) values (?, ?, ?, ?, ?)
         on conflict (organization_id, profile_id) do nothing returning id`,
        [randomUUID(), found.profile_id, choice.organizationId, choice.recruiterId, context.now],
      );
      if (inserted.length === 0) {
        return { profileId: found.profile_id, alreadyUnlocked: true, quota: null, errors: [] };
      }
      let consumption;
      try {
        consumption = await consumeOrganizationQuota({
          usersUrl: settings.usersUrl,
          organizationId: choice.organizationId,
          metric: 'PROFILE_UNLOCKS',
          amount: 1,
          authorization: context.authorization ?? '',
          timeoutMs: settings.timeoutMs,
        });
      } catch (error) {
        if (!(error instanceof QuotaServiceError)) throw error;
        context.logger.warn({ err: error }, 'profile unlock refused: the quota service did not answer');
        throw new GraphQLError(
          'The quota of unlocks cannot be counted right now; nothing was unlocked. Try again.',
          {
            extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'users' },
          },
        );
      }
      if (consumption.outcome === 'QUOTA_EXCEEDED') {
        refuse([
          violation(
            '',
            'QUOTA_EXCEEDED',
            `your organization's plan allows ${consumption.limit} profile unlocks a month and none is left` +
              (consumption.resetsAt ? `; they start again on ${consumption.resetsAt}` : ''),
          ),
        ]);
      }
      if (consumption.outcome === 'REFUSED') {
        refuse([quotaRefusal(consumption.status, consumption.code, consumption.message)]);
      }
      recordRecruiterAccessWith(tx, context, {
        type: 'profiles.ProfileUnlocked',
        version: 1,
        aggregate: { type: 'Profile', id: found.profile_id },
        ownerId: found.user_id,
        payload: { profileId: found.profile_id, organizationId: choice.organizationId },
      });
      const { used, limit, remaining, resetsAt } = consumption;
      return {
        profileId: found.profile_id,
        alreadyUnlocked: false,
        quota: { used, limit, remaining, resetsAt },
        errors: [],
      };
    });
  }, refusedUnlock);
}
