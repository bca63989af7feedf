import { badUserInput, paginate, requireId } from '@talentgraph/platform';
import { SKILL_NAME_MAX_LENGTH, isSearchableSkill } from '../domain/skills.ts';
import { OfferSchema } from '../entities/Offer.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { NEWEST_FIRST, catalogueWhere } from '../queries/offer-filters.ts';
import { findVisibleOffer } from './Offer.ts';

export const Query: QueryResolvers = {
  offer: (_parent, { id }, context) => findVisibleOffer(requireId(id), context),

  offers: (_parent, { first, after, kind, remotePolicy, countryCode, skill }, context) => {
    if (skill != null && !isSearchableSkill(skill)) {
      throw badUserInput(`"skill" must be a skill name of 1 to ${SKILL_NAME_MAX_LENGTH} characters`, 'skill');
    }
    return paginate(context.em, OfferSchema, {
      where: catalogueWhere({ kind, remotePolicy, countryCode, skill }, context.now),
      orderBy: NEWEST_FIRST,
      page: { first, after },
    });
  },
};
