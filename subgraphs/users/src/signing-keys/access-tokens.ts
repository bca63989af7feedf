import { signAccessToken, type Viewer } from '@talentgraph/auth';
import type { EntityManager } from '@talentgraph/platform';
import { identityOf } from '../identity/services.ts';
import { activeSigningKey } from './store.ts';

/**
 * Signs an access token (about 15 minutes) for `viewer` with the active key. The one way this subgraph
 * issues tokens: sign-in, refresh, social login and partner API keys all come through here.
 */
export async function issueAccessToken(
  em: EntityManager,
  viewer: Viewer,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const identity = identityOf(em);
  await identity.ready;
  const key = await activeSigningKey(identity.orm.em, identity.secretBox, {
    now,
    rotationDays: identity.config.AUTH_KEY_ROTATION_DAYS,
  });
  return signAccessToken(key, viewer, { ...identity.tokenAudience, now });
}
