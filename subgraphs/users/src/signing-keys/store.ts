import { ACCESS_TOKEN_TTL_SECONDS, generateSigningKey, type SigningKey as KeyPair } from '@talentgraph/auth';
import type { EntityManager } from '@talentgraph/platform';
import { recordAudit } from '../audit/audit-log.ts';
import { SYSTEM_ACTOR, type AuditActor } from '../audit/audit-rules.ts';
import type { SecretBox } from '../encryption/secret-box.ts';
import { SigningKeySchema, type SigningKey } from '../entities/SigningKey.ts';
import { isRotationDue, oldestPublishedRetirement, type JSONWebKey } from './rotation.ts';

/** Replicas starting together must not each activate a key: key changes are serialized by this lock. */
const SIGNING_KEYS_LOCK = "select pg_advisory_xact_lock(hashtext('talentgraph.signing_keys'))";

export interface KeyChange {
  readonly active: SigningKey;
  /** The key that was retired to make room for `active`, if any. */
  readonly retired: SigningKey | null;
  /** Whether `active` was created by this call. */
  readonly changed: boolean;
}

const sealingContext = (kid: string) => `signing-key:${kid}`;

/**
 * Makes sure one key is active: creates the first key, or replaces the active one when `replace` says
 * so (rotation due, or asked for by an administrator). Retiring erases the private half. A change is
 * audited (`signing_key.rotated`) with `actor`: the administrator, or SYSTEM for scheduled rotations.
 */
async function changeActiveKey(
  em: EntityManager,
  box: SecretBox,
  now: Date,
  actor: AuditActor,
  replace: (active: SigningKey) => boolean,
): Promise<KeyChange> {
  return em.fork().transactional(async (tx) => {
    await tx.getConnection().execute(SIGNING_KEYS_LOCK, [], 'run', tx.getTransactionContext());
    const active = await tx.findOne(
      SigningKeySchema,
      { activatedAt: { $ne: null }, retiredAt: null },
      { orderBy: { activatedAt: 'desc' } },
    );
    if (active && !replace(active)) return { active, retired: null, changed: false };
    if (active) {
      active.retiredAt = now;
      active.privateJwkSealed = null;
    }
    const pair: KeyPair = await generateSigningKey();
    const created = tx.create(SigningKeySchema, {
      kid: pair.kid,
      publicJwk: pair.publicJwk as JSONWebKey,
      privateJwkSealed: box.seal(sealingContext(pair.kid), JSON.stringify(pair.privateJwk)),
      createdAt: now,
      activatedAt: now,
      retiredAt: null,
    });
    await tx.flush();
    await recordAudit(tx, {
      occurredAt: now,
      actor,
      action: 'signing_key.rotated',
      target: { type: 'SigningKey', id: created.kid },
      details: { retiredKid: active?.kid ?? null },
    });
    return { active: created, retired: active, changed: true };
  });
}

/** At start and periodically: a key exists, and the active one is not older than `rotationDays`. */
export function ensureActiveSigningKey(
  em: EntityManager,
  box: SecretBox,
  options: { readonly now: Date; readonly rotationDays: number },
): Promise<KeyChange> {
  return changeActiveKey(em, box, options.now, SYSTEM_ACTOR, (active) =>
    isRotationDue(active, options.now, options.rotationDays),
  );
}

/** Immediate rotation (an administrator's decision, for example after a suspected leak). */
export function rotateSigningKey(
  em: EntityManager,
  box: SecretBox,
  now: Date,
  administrator: AuditActor,
): Promise<KeyChange> {
  return changeActiveKey(em, box, now, administrator, () => true);
}

/** The public keys verifiers need at `now`: the active key and recently retired ones, newest first. */
export async function publishedSigningKeys(em: EntityManager, now: Date): Promise<SigningKey[]> {
  return em.fork().find(
    SigningKeySchema,
    {
      activatedAt: { $ne: null },
      $or: [
        { retiredAt: null },
        { retiredAt: { $gt: oldestPublishedRetirement(now, ACCESS_TOKEN_TTL_SECONDS) } },
      ],
    },
    { orderBy: { activatedAt: 'desc' } },
  );
}

/** The active key with its private half opened, creating the first key if there is none yet. */
export async function activeSigningKey(
  em: EntityManager,
  box: SecretBox,
  options: { readonly now: Date; readonly rotationDays: number },
): Promise<Pick<KeyPair, 'kid' | 'privateJwk'>> {
  const active =
    (await em
      .fork()
      .findOne(
        SigningKeySchema,
        { activatedAt: { $ne: null }, retiredAt: null },
        { orderBy: { activatedAt: 'desc' } },
      )) ?? (await ensureActiveSigningKey(em, box, options)).active;
  if (active.privateJwkSealed == null) throw new Error(`Signing key ${active.kid} has no private key`);
  return {
    kid: active.kid,
    privateJwk: JSON.parse(
      box.open(sealingContext(active.kid), active.privateJwkSealed),
    ) as KeyPair['privateJwk'],
  };
}
