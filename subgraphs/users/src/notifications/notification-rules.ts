/**
 * What notifications exist and where each one reaches a person: plain rules, no storage. A person sets,
 * per type, whether it shows in the app (in-app) and whether it is also e-mailed; both off silences the
 * type. Types the person never set keep these defaults.
 */

export const NOTIFICATION_TYPES = [
  'ORGANIZATION_INVITATION',
  'PROFILE_DECISION',
  'NEW_COMMENT_ON_MY_POST',
  'MENTION',
  'MATCH_FOUND',
  'EVENT_REMINDER',
  'SYSTEM',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === 'string' && (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

export interface ChannelChoice {
  readonly inApp: boolean;
  readonly email: boolean;
}

export interface NotificationPreference extends ChannelChoice {
  readonly type: NotificationType;
}

interface TypeRule {
  readonly defaults: ChannelChoice;
  /**
   * False when the e-mail channel is not offered for the type: an organization invitation is itself an
   * e-mail (with the link that accepts it), sent whatever the preferences, so a notification e-mail
   * would only repeat it.
   */
  readonly emailOffered: boolean;
}

/**
 * Defaults: everything shows in the app; e-mail is on for what is rare and concerns the person directly
 * (a decision on their profile, a mention, a reminder of an event they registered to, a platform
 * notice) and off for what can come in bursts (comments, matches).
 */
export const NOTIFICATION_TYPE_RULES: Readonly<Record<NotificationType, TypeRule>> = {
  ORGANIZATION_INVITATION: { defaults: { inApp: true, email: false }, emailOffered: false },
  PROFILE_DECISION: { defaults: { inApp: true, email: true }, emailOffered: true },
  NEW_COMMENT_ON_MY_POST: { defaults: { inApp: true, email: false }, emailOffered: true },
  MENTION: { defaults: { inApp: true, email: true }, emailOffered: true },
  MATCH_FOUND: { defaults: { inApp: true, email: false }, emailOffered: true },
  EVENT_REMINDER: { defaults: { inApp: true, email: true }, emailOffered: true },
  SYSTEM: { defaults: { inApp: true, email: true }, emailOffered: true },
};

/** Every type with the person's choice where they made one and the default elsewhere, in catalogue order. */
export function resolvePreferences(
  stored: readonly NotificationPreference[],
): (NotificationPreference & { readonly emailOffered: boolean })[] {
  const chosen = new Map(stored.map((preference) => [preference.type, preference]));
  return NOTIFICATION_TYPES.map((type) => {
    const rule = NOTIFICATION_TYPE_RULES[type];
    const choice = chosen.get(type) ?? rule.defaults;
    return {
      type,
      inApp: choice.inApp,
      email: rule.emailOffered && choice.email,
      emailOffered: rule.emailOffered,
    };
  });
}

export interface PreferenceProblem {
  readonly code: 'DUPLICATE_NOTIFICATION_TYPE' | 'EMAIL_NOT_OFFERED';
  readonly message: string;
  /** Path within the mutation's input, e.g. `['input', 'preferences', '2', 'type']`. */
  readonly field: string[];
}

/** Problems of a change of preferences: each type at most once, e-mail only where it is offered. */
export function preferenceProblems(changes: readonly NotificationPreference[]): PreferenceProblem[] {
  const problems: PreferenceProblem[] = [];
  const seen = new Set<NotificationType>();
  changes.forEach((change, index) => {
    if (seen.has(change.type)) {
      problems.push({
        code: 'DUPLICATE_NOTIFICATION_TYPE',
        message: `${change.type} appears more than once; give each type once.`,
        field: ['input', 'preferences', String(index), 'type'],
      });
    }
    seen.add(change.type);
    if (change.email && !NOTIFICATION_TYPE_RULES[change.type].emailOffered) {
      problems.push({
        code: 'EMAIL_NOT_OFFERED',
        message: `${change.type} has no e-mail channel: the invitation e-mail itself is always sent.`,
        field: ['input', 'preferences', String(index), 'email'],
      });
    }
  });
  return problems;
}

/**
 * Where one notification goes, from the person's preference for its type and their account. E-mail
 * goes only to an address the person proved (a mistyped address at sign-up must not receive someone
 * else's notifications) of an account that is not disabled.
 */
export function deliveryChannels(
  preference: ChannelChoice,
  recipient: { readonly emailVerified: boolean; readonly disabled: boolean },
): ChannelChoice {
  return {
    inApp: preference.inApp,
    email: preference.email && recipient.emailVerified && !recipient.disabled,
  };
}

/** Links are paths within the web app (the client adds its own origin): never another site. */
export const LINK_MAX_LENGTH = 500;

export function isAppPath(link: string): boolean {
  return (
    link.length <= LINK_MAX_LENGTH &&
    link.startsWith('/') &&
    !link.startsWith('//') &&
    !link.includes('\\') &&
    !/[\s\p{Cc}]/u.test(link)
  );
}

/** The same domain event delivered twice carries the same key: one notification results. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

export function isIdempotencyKey(key: string): boolean {
  return key.length >= 1 && key.length <= IDEMPOTENCY_KEY_MAX_LENGTH && /^[\x21-\x7e]+$/.test(key);
}
