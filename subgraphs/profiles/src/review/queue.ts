import { badUserInput, paginate, type EntityManager, type PageArguments } from '@talentgraph/platform';
import type { ProfileKind, ProfileStatus } from '../domain/profile.ts';
import { ProfileSchema } from '../entities/Profile.ts';

export interface ReviewQueueFilter {
  readonly status?: ProfileStatus | null;
  readonly kind?: ProfileKind | null;
  readonly countryCode?: string | null;
  readonly skillId?: string | null;
  readonly submittedAfter?: Date | string | null;
  readonly submittedBefore?: Date | string | null;
}

const QUEUE_STATUSES: readonly ProfileStatus[] = ['SUBMITTED', 'IN_REVIEW'];

/**
 * The review queue, oldest submission first (first come, first reviewed), read through the
 * (status, submitted_at, id) index.
 */
export function reviewQueue(em: EntityManager, filter: ReviewQueueFilter, page: PageArguments) {
  const status = filter.status ?? 'SUBMITTED';
  if (!QUEUE_STATUSES.includes(status)) {
    throw badUserInput(
      `the review queue lists ${QUEUE_STATUSES.join(' or ')} profiles, not ${status}`,
      'filter',
    );
  }
  const submittedAt = {
    ...(filter.submittedAfter != null ? { $gte: new Date(filter.submittedAfter) } : {}),
    ...(filter.submittedBefore != null ? { $lt: new Date(filter.submittedBefore) } : {}),
  };
  return paginate(em, ProfileSchema, {
    where: {
      status,
      ...(filter.kind != null ? { kind: filter.kind } : {}),
      ...(filter.countryCode != null ? { countryCode: filter.countryCode } : {}),
      ...(filter.skillId != null ? { skills: { $some: { skillId: filter.skillId } } } : {}),
      ...(Object.keys(submittedAt).length > 0 ? { submittedAt } : {}),
    },
    orderBy: { submittedAt: 'asc', id: 'asc' },
    page,
  });
}
