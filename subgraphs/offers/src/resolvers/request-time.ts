import type { SubgraphContext } from '@talentgraph/platform';

const instantOfRequest = new WeakMap<SubgraphContext, Date>();

/**
 * One "now" per request: every field of a response judges expiry at the same instant, so an offer
 * cannot read as PUBLISHED in one place and EXPIRED in another, and the filters of sibling
 * `Organization.offers` fields stay identical, which is what lets their loader batch them.
 */
export function requestTime(context: SubgraphContext): Date {
  let now = instantOfRequest.get(context);
  if (!now) {
    now = new Date();
    instantOfRequest.set(context, now);
  }
  return now;
}
