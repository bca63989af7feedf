import { UserSchema } from '../entities/User.ts';
import type { ApiKeyResolvers, MutationResolvers } from '../generated/resolvers-types.ts';
import { prefixOf } from '../api-keys/api-key.ts';
import { createApiKey, revokeApiKey } from '../api-keys/api-keys.ts';
import { requireViewer } from '../organizations/access.ts';

export const apiKeyMutations: Pick<MutationResolvers, 'createApiKey' | 'revokeApiKey'> = {
  createApiKey: (_parent, { input }, { em, viewer, now }) =>
    createApiKey(em, requireViewer(viewer), input, now),
  revokeApiKey: (_parent, { input }, { em, viewer, now }) =>
    revokeApiKey(em, requireViewer(viewer), input, now),
};

export const ApiKey: ApiKeyResolvers = {
  prefix: (apiKey) => prefixOf(apiKey.keyId),
  revoked: (apiKey) => apiKey.revokedAt !== null,
  createdBy: (apiKey, _args, { loaders }) =>
    apiKey.createdBy ? loaders.byId(UserSchema).load(apiKey.createdBy.id) : null,
};
