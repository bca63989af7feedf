import { actorOf } from '../audit/audit-rules.ts';
import { identityOf } from '../identity/services.ts';
import { rotateSigningKey } from '../signing-keys/store.ts';
import type { MutationResolvers, SigningKeyResolvers } from '../generated/resolvers-types.ts';

export const signingKeyMutations: Pick<MutationResolvers, 'rotateSigningKey'> = {
  rotateSigningKey: async (_parent, _args, { em, now, viewer, logger }) => {
    const identity = identityOf(em);
    const change = await rotateSigningKey(em, identity.secretBox, now, actorOf(viewer));
    await identity.keyRing.reload();
    logger.info(
      {
        kid: change.active.kid,
        retiredKid: change.retired?.kid ?? null,
        by: viewer?.kind === 'USER' ? viewer.userId : null,
      },
      'signing key rotated',
    );
    return { signingKey: change.active, retiredSigningKey: change.retired, errors: [] };
  },
};

export const SigningKey: SigningKeyResolvers = {
  activatedAt: (key) => key.activatedAt!,
};
