import type { ProfileStatus } from './profile.ts';

/**
 * The review workflow of a profile, as a state machine:
 *
 * ```
 *            SUBMIT                CLAIM                 VALIDATE
 *   DRAFT ──────────▶ SUBMITTED ──────────▶ IN_REVIEW ──────────▶ VALIDATED
 *     ▲  ◀──────────      ▲  ◀──────────        │                     │
 *     │    WITHDRAW       │    RELEASE          │ REJECT              │ EDIT_KEY_FIELDS
 *     │                   │                     ▼                     │
 *     │                   └──── SUBMIT ──── REJECTED                  │
 *     │                   ▲                                           │
 *     │                   └───────────────────────────────────────────┘
 * ```
 *
 * - The person SUBMITs a draft (or a rejected profile, once corrected) and may WITHDRAW it while nobody
 *   reviews it.
 * - A moderator CLAIMs a submitted profile (IN_REVIEW: nobody else assesses it meanwhile), then
 *   VALIDATEs or REJECTs it, or RELEASEs it to the queue unassessed.
 * - EDIT_KEY_FIELDS is an edit of what the validation vouched for (see key-fields.ts): a validated
 *   profile goes back to SUBMITTED for a new review; drafts, submitted and rejected profiles stay as
 *   they are; a profile IN_REVIEW cannot change under its reviewer's eyes.
 *
 * Every other (status, action) pair is illegal.
 */
export const PROFILE_ACTIONS = [
  'SUBMIT',
  'WITHDRAW',
  'CLAIM',
  'RELEASE',
  'VALIDATE',
  'REJECT',
  'EDIT_KEY_FIELDS',
] as const;
export type ProfileAction = (typeof PROFILE_ACTIONS)[number];

const TRANSITIONS: Readonly<Record<ProfileStatus, Partial<Readonly<Record<ProfileAction, ProfileStatus>>>>> =
  {
    DRAFT: { SUBMIT: 'SUBMITTED', EDIT_KEY_FIELDS: 'DRAFT' },
    SUBMITTED: { WITHDRAW: 'DRAFT', CLAIM: 'IN_REVIEW', EDIT_KEY_FIELDS: 'SUBMITTED' },
    IN_REVIEW: { RELEASE: 'SUBMITTED', VALIDATE: 'VALIDATED', REJECT: 'REJECTED' },
    VALIDATED: { EDIT_KEY_FIELDS: 'SUBMITTED' },
    REJECTED: { SUBMIT: 'SUBMITTED', EDIT_KEY_FIELDS: 'REJECTED' },
  };

export type Transition =
  { readonly legal: true; readonly to: ProfileStatus } | { readonly legal: false; readonly message: string };

const ILLEGAL_MESSAGES: Readonly<Record<ProfileAction, string>> = {
  SUBMIT: 'only a draft or a rejected profile can be submitted',
  WITHDRAW: 'only a submitted profile that nobody reviews yet can be withdrawn',
  CLAIM: 'only a submitted profile can be claimed for review',
  RELEASE: 'only a profile in review can be released',
  VALIDATE: 'only a profile in review can be validated; claim it first',
  REJECT: 'only a profile in review can be rejected; claim it first',
  EDIT_KEY_FIELDS:
    'a moderator is reviewing this profile: its key fields can change again once the review ends',
};

export function transition(from: ProfileStatus, action: ProfileAction): Transition {
  const to = TRANSITIONS[from][action];
  return to === undefined
    ? { legal: false, message: `${ILLEGAL_MESSAGES[action]} (the profile is ${from})` }
    : { legal: true, to };
}
