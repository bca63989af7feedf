import { deadLetterPage, replayDeadLetter } from '../dead-letters/dead-letters.ts';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { personOf } from './Account.ts';

export const deadLetterQueries: Pick<QueryResolvers, 'deadLetters'> = {
  deadLetters: (_parent, { group, first, after }, { deadLetters }) =>
    deadLetterPage(deadLetters, { group, first, after }),
};

export const deadLetterMutations: Pick<MutationResolvers, 'replayDeadLetter'> = {
  replayDeadLetter: async (_parent, { input }, { em, deadLetters, viewer, now }) => {
    const outcome = await replayDeadLetter(em, deadLetters, personOf(viewer).userId, input.deadLetterId, now);
    return outcome.ok
      ? { group: outcome.replayed.group, event: outcome.replayed.event, errors: [] }
      : { group: null, event: null, errors: outcome.errors };
  },
};
