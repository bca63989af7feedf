import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { forbidden, type Viewer } from '@talentgraph/auth';
import { requireId, type EntityManager } from '@talentgraph/platform';
import type { OrganizationKind } from '../domain/organization.ts';
import { MembershipSchema } from '../entities/Membership.ts';
import { OrganizationSchema, type Organization } from '../entities/Organization.ts';
import { isPlan, type Plan } from '../quotas/plans.ts';
import {
  CITY_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  checkName,
  checkOptionalText,
  isProblem,
  slugStem,
  uniqueSlug,
  type DetailsProblem,
} from './details.ts';
import { actorIn } from './access.ts';
import { decideOrganizationAction, mayChangePlan, mayCreateOrganization } from './permissions.ts';
import { userError, type UserError } from '../domain/user-error.ts';

export interface OrganizationPayload {
  readonly organization: Organization | null;
  readonly errors: UserError[];
}

const failed = (...errors: UserError[]): OrganizationPayload => ({ organization: null, errors });
const fromProblem = (problem: DetailsProblem) => userError(problem.code, problem.message, problem.field);
const notFound = () =>
  failed(userError('ORGANIZATION_NOT_FOUND', 'No organization has this id.', 'organizationId'));

export interface OrganizationDetailsInput {
  readonly name?: string | null;
  readonly kind?: OrganizationKind | null;
  readonly description?: string | null;
  readonly website?: string | null;
  readonly city?: string | null;
  readonly countryCode?: string | null;
}

/** Details as stored, with every problem of the input at once (a form shows them together). */
function checkDetails(input: OrganizationDetailsInput): {
  errors: UserError[];
  changes: Partial<Organization>;
} {
  const errors: UserError[] = [];
  const changes: Record<string, unknown> = {};
  if (input.name !== undefined) {
    const checked = input.name === null ? null : checkName(input.name);
    if (checked === null) errors.push(userError('INVALID_NAME', 'An organization needs a name.', 'name'));
    else if (isProblem(checked)) errors.push(fromProblem(checked));
    else changes['name'] = checked.name;
  }
  if (input.kind !== undefined) {
    if (input.kind === null) errors.push(userError('INVALID_KIND', 'An organization needs a kind.', 'kind'));
    else changes['kind'] = input.kind;
  }
  for (const [field, maxLength, code] of [
    ['description', DESCRIPTION_MAX_LENGTH, 'INVALID_DESCRIPTION'],
    ['city', CITY_MAX_LENGTH, 'INVALID_CITY'],
  ] as const) {
    if (input[field] === undefined) continue;
    const checked = checkOptionalText(input[field], { field, maxLength, code });
    if (isProblem(checked)) errors.push(fromProblem(checked));
    else changes[field] = checked.value;
  }
  if (input.website !== undefined) changes['website'] = input.website;
  if (input.countryCode !== undefined) changes['countryCode'] = input.countryCode?.toUpperCase() ?? null;
  return { errors, changes: changes as Partial<Organization> };
}

/**
 * Creates the organization and the creator's OWNER membership together. Organizations created at once
 * with the same name take turns (a transaction lock per slug stem) so that each gets the next free
 * slug; names whose slugs merely overlap ("Acme" and "Acme 2") can still collide, and then retry.
 */
export async function createOrganization(
  em: EntityManager,
  viewer: Viewer,
  input: OrganizationDetailsInput & { readonly name: string; readonly kind: OrganizationKind },
): Promise<OrganizationPayload> {
  if (viewer.kind !== 'USER' || !mayCreateOrganization(viewer.roles)) {
    throw forbidden('Only a signed-in recruiter creates an organization.');
  }
  const { errors, changes } = checkDetails(input);
  if (errors.length > 0) return failed(...errors);
  const name = changes.name!;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const organization = await em.transactional(async (tx) => {
        const stem = slugStem(name);
        await tx
          .getConnection()
          .execute(
            'select pg_advisory_xact_lock(hashtext(?))',
            [`organization-slug:${stem}`],
            'run',
            tx.getTransactionContext(),
          );
        const taken = await tx.find(
          OrganizationSchema,
          { slug: { $like: `${stem}%` } },
          { fields: ['slug'] },
        );
        const created = tx.create(OrganizationSchema, {
          ...changes,
          name,
          kind: input.kind,
          slug: uniqueSlug(name, new Set(taken.map((organization) => organization.slug))),
        });
        tx.create(MembershipSchema, { user: viewer.userId, organization: created, role: 'OWNER' });
        return created;
      });
      return { organization, errors: [] };
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || attempt >= 3) throw error;
    }
  }
}

export async function updateOrganization(
  em: EntityManager,
  viewer: Viewer,
  input: OrganizationDetailsInput & { readonly organizationId: string },
): Promise<OrganizationPayload> {
  const organizationId = requireId(input.organizationId, 'organizationId');
  const decision = decideOrganizationAction(await actorIn(em, viewer, organizationId), 'UPDATE_ORGANIZATION');
  if (!decision.allowed) {
    if ((await em.count(OrganizationSchema, { id: organizationId })) === 0) return notFound();
    throw forbidden('Only an OWNER or ADMIN of the organization changes its details.');
  }
  const { errors, changes } = checkDetails(input);
  if (errors.length > 0) return failed(...errors);
  const organization = await em.transactional(async (tx) => {
    const found = await tx.findOne(
      OrganizationSchema,
      { id: organizationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (found) tx.assign(found, changes);
    return found;
  });
  return organization ? { organization, errors: [] } : notFound();
}

/** Until billing exists, plans are set by platform administrators. */
export async function changeOrganizationPlan(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly organizationId: string; readonly plan: Plan },
): Promise<OrganizationPayload> {
  if (!mayChangePlan(viewer.roles)) throw forbidden('Only a platform administrator changes plans.');
  const organizationId = requireId(input.organizationId, 'organizationId');
  if (!isPlan(input.plan)) throw new Error(`Unknown plan ${String(input.plan)}`);
  const organization = await em.transactional(async (tx) => {
    const found = await tx.findOne(
      OrganizationSchema,
      { id: organizationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (found) found.plan = input.plan;
    return found;
  });
  return organization ? { organization, errors: [] } : notFound();
}
