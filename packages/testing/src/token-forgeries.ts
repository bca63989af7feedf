import { SignJWT, base64url, exportJWK, generateKeyPair } from 'jose';

/** A forged access token and the refusal message a service must answer it with. */
export interface TokenForgery {
  readonly attack: string;
  readonly token: string;
  readonly refusal: string;
}

export interface PublishedKey {
  readonly kid: string;
  /** The Ed25519 public key (JWK `x`), which an attacker reads from the JWKS like anyone. */
  readonly x: string;
}

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

/** The claims of a JWT, read without verification (a test inspects what a service issued). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
}

/** The claims of a genuine token with roles raised to ADMIN: what every forgery tries to pass. */
export function escalatedClaims(genuineToken: string): Record<string, unknown> {
  return { ...claimsOf(genuineToken), roles: ['ADMIN'] };
}

/**
 * The classic ways to forge a JWT, each built from a genuine token of a live session (so only the
 * forgery itself can be the reason for a refusal) and the issuer's published key: `alg: none`, HS256
 * keyed with the public key (raw, and as its JWK text), the attacker's own key under an unknown kid and
 * under the real kid, and the genuine signature over a changed payload.
 */
export async function forgedTokens(genuineToken: string, published: PublishedKey): Promise<TokenForgery[]> {
  const claims = escalatedClaims(genuineToken);
  const hmacWithPublicKey = (secret: Uint8Array) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: published.kid }).sign(secret);
  const attacker = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const attackerKid = (await exportJWK(attacker.publicKey)).x!;
  const signedByAttacker = (kid: string) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid }).sign(attacker.privateKey);
  const [header, , signature] = genuineToken.split('.');
  const mustBeEdDSA = 'The access token must be signed with EdDSA.';
  return [
    {
      attack: 'alg: none',
      token: `${encode({ alg: 'none', typ: 'at+jwt', kid: published.kid })}.${encode(claims)}.`,
      refusal: mustBeEdDSA,
    },
    {
      attack: 'HS256 keyed with the raw public key',
      token: await hmacWithPublicKey(base64url.decode(published.x)),
      refusal: mustBeEdDSA,
    },
    {
      attack: 'HS256 keyed with the public JWK text',
      token: await hmacWithPublicKey(new TextEncoder().encode(JSON.stringify(published))),
      refusal: mustBeEdDSA,
    },
    {
      attack: 'own key under an unknown kid',
      token: await signedByAttacker(attackerKid),
      refusal: 'The access token was signed with an unknown key.',
    },
    {
      attack: 'own key under the real kid',
      token: await signedByAttacker(published.kid),
      refusal: 'The access token signature is invalid.',
    },
    {
      attack: 'tampered payload under the genuine signature',
      token: `${header}.${encode(claims)}.${signature}`,
      refusal: 'The access token signature is invalid.',
    },
  ];
}
