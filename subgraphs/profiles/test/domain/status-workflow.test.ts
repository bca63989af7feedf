import { describe, expect, it } from 'vitest';
import { PROFILE_STATUSES, type ProfileStatus } from '../../src/domain/profile.ts';
import { PROFILE_ACTIONS, transition, type ProfileAction } from '../../src/domain/status-workflow.ts';

/** Every (status, action) pair: the status it leads to, or null when illegal. */
const EXPECTED: Readonly<Record<ProfileStatus, Readonly<Record<ProfileAction, ProfileStatus | null>>>> = {
  DRAFT: {
    SUBMIT: 'SUBMITTED',
    WITHDRAW: null,
    CLAIM: null,
    RELEASE: null,
    VALIDATE: null,
    REJECT: null,
    EDIT_KEY_FIELDS: 'DRAFT',
  },
  SUBMITTED: {
    SUBMIT: null,
    WITHDRAW: 'DRAFT',
    CLAIM: 'IN_REVIEW',
    RELEASE: null,
    VALIDATE: null,
    REJECT: null,
    EDIT_KEY_FIELDS: 'SUBMITTED',
  },
  IN_REVIEW: {
    SUBMIT: null,
    WITHDRAW: null,
    CLAIM: null,
    RELEASE: 'SUBMITTED',
    VALIDATE: 'VALIDATED',
    REJECT: 'REJECTED',
    EDIT_KEY_FIELDS: null,
  },
  VALIDATED: {
    SUBMIT: null,
    WITHDRAW: null,
    CLAIM: null,
    RELEASE: null,
    VALIDATE: null,
    REJECT: null,
    EDIT_KEY_FIELDS: 'SUBMITTED',
  },
  REJECTED: {
    SUBMIT: 'SUBMITTED',
    WITHDRAW: null,
    CLAIM: null,
    RELEASE: null,
    VALIDATE: null,
    REJECT: null,
    EDIT_KEY_FIELDS: 'REJECTED',
  },
};

const pairs = PROFILE_STATUSES.flatMap((status) =>
  PROFILE_ACTIONS.map((action) => [status, action, EXPECTED[status][action]] as const),
);

describe('the review workflow', () => {
  it('is specified for every status and action', () => {
    expect(pairs).toHaveLength(PROFILE_STATUSES.length * PROFILE_ACTIONS.length);
  });

  it.each(pairs)('%s + %s → %s', (status, action, expected) => {
    const result = transition(status, action);
    if (expected === null) {
      expect(result.legal).toBe(false);
      if (!result.legal) expect(result.message).toContain(`(the profile is ${status})`);
    } else {
      expect(result).toEqual({ legal: true, to: expected });
    }
  });

  it('reaches VALIDATED only through a review, and leaves it only by an edit of key fields', () => {
    const into = pairs.filter(([, , to]) => to === 'VALIDATED').map(([from, action]) => [from, action]);
    expect(into).toEqual([['IN_REVIEW', 'VALIDATE']]);
    const outOf = pairs.filter(([from, , to]) => from === 'VALIDATED' && to !== null && to !== 'VALIDATED');
    expect(outOf.map(([, action]) => action)).toEqual(['EDIT_KEY_FIELDS']);
  });
});
