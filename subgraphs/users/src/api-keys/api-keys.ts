import { LockMode } from '@mikro-orm/core';
import { forbidden, type Viewer } from '@talentgraph/auth';
import { requireId, type EntityManager } from '@talentgraph/platform';
import { recordAudit } from '../audit/audit-log.ts';
import { userActor } from '../audit/audit-rules.ts';
import { ApiKeySchema, type ApiKey } from '../entities/ApiKey.ts';
import { OrganizationSchema } from '../entities/Organization.ts';
import { actorIn } from '../organizations/access.ts';
import { personOf } from '../organizations/members.ts';
import { decideOrganizationAction } from '../organizations/permissions.ts';
import { userError, type UserError } from '../domain/user-error.ts';
import { generateApiKey, parseApiKey, secretMatches } from './api-key.ts';

/** Keys working at once per organization: one per integration is the norm, this leaves room to rotate. */
export const MAX_ACTIVE_API_KEYS = 10;
export const API_KEY_NAME_MAX_LENGTH = 100;

export interface CreatedApiKeyPayload {
  readonly apiKey: ApiKey | null;
  readonly secret: string | null;
  readonly errors: UserError[];
}

async function requireKeyManager(em: EntityManager, viewer: Viewer, organizationId: string): Promise<void> {
  personOf(viewer);
  const decision = decideOrganizationAction(await actorIn(em, viewer, organizationId), 'MANAGE_API_KEYS');
  if (!decision.allowed) throw forbidden('Only an OWNER or ADMIN of the organization manages its API keys.');
}

export async function createApiKey(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly organizationId: string; readonly name: string },
  now: Date,
): Promise<CreatedApiKeyPayload> {
  const organizationId = requireId(input.organizationId, 'organizationId');
  const failed = (error: UserError): CreatedApiKeyPayload => ({
    apiKey: null,
    secret: null,
    errors: [error],
  });
  if ((await em.count(OrganizationSchema, { id: organizationId })) === 0) {
    return failed(userError('ORGANIZATION_NOT_FOUND', 'No organization has this id.', 'organizationId'));
  }
  await requireKeyManager(em, viewer, organizationId);
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > API_KEY_NAME_MAX_LENGTH) {
    return failed(
      userError('INVALID_NAME', `The name must have 1 to ${API_KEY_NAME_MAX_LENGTH} characters.`, 'name'),
    );
  }
  return em.transactional(async (tx) => {
    // The organization row serializes key creation, so two requests cannot both take the last slot.
    await tx.findOne(OrganizationSchema, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (
      (await tx.count(ApiKeySchema, { organization: organizationId, revokedAt: null })) >= MAX_ACTIVE_API_KEYS
    ) {
      return failed(
        userError(
          'TOO_MANY_API_KEYS',
          `An organization has at most ${MAX_ACTIVE_API_KEYS} working API keys: revoke one first.`,
        ),
      );
    }
    const generated = generateApiKey();
    const apiKey = tx.create(ApiKeySchema, {
      organization: organizationId,
      name,
      keyId: generated.keyId,
      secretHash: generated.secretHash,
      createdBy: personOf(viewer),
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
    });
    await tx.flush();
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(personOf(viewer)),
      action: 'api_key.created',
      target: { type: 'ApiKey', id: apiKey.id },
      details: { organizationId },
    });
    return { apiKey, secret: generated.plaintext, errors: [] };
  });
}

export interface RevokedApiKeyPayload {
  readonly apiKey: ApiKey | null;
  readonly errors: UserError[];
}

export async function revokeApiKey(
  em: EntityManager,
  viewer: Viewer,
  input: { readonly apiKeyId: string },
  now: Date,
): Promise<RevokedApiKeyPayload> {
  const apiKeyId = requireId(input.apiKeyId, 'apiKeyId');
  const found = await em.findOne(ApiKeySchema, { id: apiKeyId });
  if (!found) {
    return { apiKey: null, errors: [userError('API_KEY_NOT_FOUND', 'No API key has this id.', 'apiKeyId')] };
  }
  await requireKeyManager(em, viewer, found.organization.id);
  return em.transactional(async (tx) => {
    const apiKey = await tx.findOneOrFail(
      ApiKeySchema,
      { id: apiKeyId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (apiKey.revokedAt !== null) {
      return {
        apiKey: null,
        errors: [userError('API_KEY_ALREADY_REVOKED', 'This API key is already revoked.', 'apiKeyId')],
      };
    }
    apiKey.revokedAt = now;
    await recordAudit(tx, {
      occurredAt: now,
      actor: userActor(personOf(viewer)),
      action: 'api_key.revoked',
      target: { type: 'ApiKey', id: apiKey.id },
      details: { organizationId: apiKey.organization.id },
    });
    return { apiKey, errors: [] };
  });
}

/**
 * The partner a presented key stands for, or null for anything that is not a working key (malformed,
 * unknown, wrong secret, revoked): the caller cannot tell these apart. Records when the key was used.
 */
export async function partnerOfApiKey(
  em: EntityManager,
  presented: string,
  now: Date,
): Promise<Extract<Viewer, { kind: 'PARTNER' }> | null> {
  const parsed = parseApiKey(presented);
  if (!parsed) return null;
  const apiKey = await em.findOne(ApiKeySchema, { keyId: parsed.keyId });
  if (!apiKey || !secretMatches(parsed.secret, apiKey.secretHash) || apiKey.revokedAt !== null) return null;
  await em.nativeUpdate(ApiKeySchema, { id: apiKey.id, revokedAt: null }, { lastUsedAt: now });
  return { kind: 'PARTNER', apiKeyId: apiKey.id, organizationId: apiKey.organization.id, roles: ['PARTNER'] };
}
