import { randomUUID } from 'node:crypto';
import {
  SignJWT,
  calculateJwkThumbprint,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { isMembershipRole, isRole } from './roles.ts';
import type { Viewer } from './viewer.ts';

/**
 * Access tokens are JWTs signed with Ed25519 (EdDSA): asymmetric, so that every service can verify them
 * with the public keys of the JWKS while only the users subgraph, holding the private key, can issue
 * them. Only EdDSA is accepted, which rules out `alg: none` and HS256-with-the-public-key forgeries.
 */
export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface TokenAudience {
  /** Who issues the tokens, e.g. `talentgraph`. */
  readonly issuer: string;
  /** Who they are for, e.g. `talentgraph-api`. */
  readonly audience: string;
}

export interface SigningKey {
  /** Key id: the RFC 7638 thumbprint of the public key, carried in each token's header. */
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
    crv: 'Ed25519',
    extractable: true,
  });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ACCESS_TOKEN_ALGORITHM },
    publicJwk: { ...publicJwk, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' },
  };
}

/** The public half of keys, as served at `/.well-known/jwks.json`. */
export function toJwks(keys: readonly Pick<SigningKey, 'publicJwk'>[]): JSONWebKeySet {
  return { keys: keys.map((key) => key.publicJwk) };
}

export async function signAccessToken(
  key: Pick<SigningKey, 'kid' | 'privateJwk'>,
  viewer: Viewer,
  options: TokenAudience & { readonly ttlSeconds?: number; readonly now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const expiresAt = issuedAt + (options.ttlSeconds ?? ACCESS_TOKEN_TTL_SECONDS);
  const claims =
    viewer.kind === 'USER'
      ? {
          kind: viewer.kind,
          roles: [...viewer.roles],
          orgs: viewer.memberships.map(({ organizationId, role }) => ({ id: organizationId, role })),
          sid: viewer.sessionId,
        }
      : { kind: viewer.kind, roles: [...viewer.roles], org: viewer.organizationId };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(viewer.kind === 'USER' ? viewer.userId : viewer.apiKeyId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(randomUUID())
    .sign(await importJWK(key.privateJwk, ACCESS_TOKEN_ALGORITHM));
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/** Where verifiers find public keys: a fixed set (the issuer itself, tests) or a JWKS URL. */
export type KeySource = JWTVerifyGetKey;

export function localKeySource(jwks: JSONWebKeySet): KeySource {
  return createLocalJWKSet(jwks);
}

/**
 * The issuer's JWKS over HTTP, cached; an unknown `kid` (a key rotated in since the last fetch) refetches
 * it, at most every 30 seconds so that forged kids cannot make a service hammer the issuer.
 */
export function remoteKeySource(jwksUrl: string): KeySource {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
}

/** Why a token was refused; the message is safe to show to the caller. */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** Verifies signature, algorithm, key id, issuer, audience and lifetime, then reads the viewer from the claims. */
export async function verifyAccessToken(
  token: string,
  keys: KeySource,
  options: TokenAudience & { readonly now?: Date },
): Promise<Viewer> {
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new InvalidTokenError('The access token is malformed.');
  }
  if (header.alg !== ACCESS_TOKEN_ALGORITHM) {
    throw new InvalidTokenError(`The access token must be signed with ${ACCESS_TOKEN_ALGORITHM}.`);
  }
  if (typeof header.kid !== 'string' || header.kid === '') {
    throw new InvalidTokenError('The access token names no signing key (kid).');
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ['sub', 'iat', 'exp'],
      clockTolerance: 5,
      ...(options.now ? { currentDate: options.now } : {}),
    }));
  } catch (error) {
    throw new InvalidTokenError(describeVerificationFailure(error));
  }
  return viewerFromClaims(payload);
}

function describeVerificationFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired; refresh it.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The access token was signed with an unknown key.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The access token signature is invalid.';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The access token is not valid here (${error.claim}).`;
  return 'The access token is invalid.';
}

function viewerFromClaims(payload: JWTPayload): Viewer {
  const roles = payload['roles'];
  if (!Array.isArray(roles) || !roles.every(isRole))
    throw new InvalidTokenError('The access token roles are invalid.');
  const subject = payload.sub!;
  if (payload['kind'] === 'USER') {
    const organizations = payload['orgs'];
    const sessionId = payload['sid'];
    if (
      !Array.isArray(organizations) ||
      !organizations.every(
        (entry: unknown) =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof (entry as { id?: unknown }).id === 'string' &&
          isMembershipRole((entry as { role?: unknown }).role),
      ) ||
      typeof sessionId !== 'string'
    ) {
      throw new InvalidTokenError('The access token claims are invalid.');
    }
    return {
      kind: 'USER',
      userId: subject,
      roles,
      memberships: (organizations as { id: string; role: 'OWNER' | 'ADMIN' | 'RECRUITER' }[]).map(
        ({ id, role }) => ({
          organizationId: id,
          role,
        }),
      ),
      sessionId,
    };
  }
  if (payload['kind'] === 'PARTNER' && typeof payload['org'] === 'string') {
    return { kind: 'PARTNER', apiKeyId: subject, organizationId: payload['org'], roles };
  }
  throw new InvalidTokenError('The access token claims are invalid.');
}

/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_.~+/=-]+)$/i.exec(header.trim());
  if (!match) throw new InvalidTokenError('The Authorization header must be "Bearer <access token>".');
  return match[1]!;
}
