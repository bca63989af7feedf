import type { SubgraphContext } from '@talentgraph/platform';

const startedAt = new WeakMap<SubgraphContext, Date>();

/**
 * "Now", fixed once per request: every `status` and every "not ended yet" filter of one response agree
 * on the same instant, and the organization-events loaders of one request share one batch key (their
 * filter embeds this instant) instead of splitting into one query per parent.
 */
export function requestTime(context: SubgraphContext): Date {
  let now = startedAt.get(context);
  if (now === undefined) {
    now = new Date();
    startedAt.set(context, now);
  }
  return now;
}
