import type { JsonObject } from '../domain/json.ts';
import type { Locale } from '../domain/roles.ts';
import type { NotificationType } from './notification-rules.ts';

/**
 * What each type of notification says, in English and French, from its parameters. Notifications are
 * written once, when they are created, in the recipient's language, so that the list reads the same
 * later whatever changed meanwhile.
 *
 * Parameters come from this subgraph and, through domain events, from the others: untyped JSON. Each
 * template reads its own (`read`), so a producer that sends a wrong shape fails loudly at once rather
 * than showing "undefined" to a person. Parameters a template does not use (ids such as `offerId`) are
 * kept as the notification's `data`, for clients that deep-link.
 */

export interface NotificationContent {
  readonly title: string;
  readonly body: string;
  /** The label of the e-mail's button, e.g. "See the offer". */
  readonly actionLabel: string;
}

/** A producer sent parameters (or a link, or a key) that cannot make a notification. */
export class InvalidNotificationError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`Invalid notification ${field}: ${message}`);
    this.name = 'InvalidNotificationError';
    this.field = field;
  }
}

/** English and French text given by the producer itself (platform notices). */
export interface LocalizedText {
  readonly EN: string;
  readonly FR: string;
}

export interface NotificationParamsByType {
  ORGANIZATION_INVITATION: {
    readonly organizationId?: string;
    readonly organizationName: string;
    readonly inviterName: string;
    readonly role: 'ADMIN' | 'RECRUITER';
  };
  PROFILE_DECISION: {
    readonly profileId?: string;
    readonly reviewId?: string;
    readonly decision: 'VALIDATED' | 'REJECTED';
    /** Why a profile was rejected, as the profiles subgraph's reason codes (PROFILE_REJECTION_REASONS). */
    readonly reasons?: readonly string[] | null;
    /** Why a profile was rejected, in the moderator's words. */
    readonly reason?: string | null;
  };
  NEW_COMMENT_ON_MY_POST: {
    readonly postId?: string;
    readonly commentId?: string;
    readonly commenterName: string;
    readonly postTitle: string;
    readonly excerpt?: string | null;
  };
  MENTION: {
    readonly authorName: string;
    /** Where the mention was written: a community, a post or a conversation, by its name. */
    readonly place: string;
    readonly excerpt?: string | null;
  };
  MATCH_FOUND: {
    readonly offerId?: string;
    readonly offerTitle: string;
    readonly organizationName: string;
    /** How well the offer fits, 0 to 100. */
    readonly score?: number | null;
  };
  EVENT_REMINDER: {
    readonly eventId?: string;
    readonly eventTitle: string;
    /** ISO-8601 instant. */
    readonly startsAt: string;
  };
  SYSTEM: {
    readonly title: LocalizedText;
    readonly body: LocalizedText;
  };
}

export type NotificationParams<Type extends NotificationType> = NotificationParamsByType[Type];

interface NotificationTemplate<Params> {
  readonly read: (params: Readonly<Record<string, unknown>>) => Params;
  readonly EN: (params: Params) => NotificationContent;
  readonly FR: (params: Params) => NotificationContent;
}

const TEXT_MAX_LENGTH = 200;
const EXCERPT_MAX_LENGTH = 140;
const SYSTEM_BODY_MAX_LENGTH = 1_000;

function clip(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

/** A moderator's reason ends with a full stop unless it already ends with punctuation. */
function asSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function requiredText(params: Readonly<Record<string, unknown>>, name: string, maxLength = TEXT_MAX_LENGTH) {
  const value = params[name];
  if (typeof value !== 'string' || singleLine(value) === '') {
    throw new InvalidNotificationError(`params.${name}`, 'must be a non-empty string');
  }
  return clip(singleLine(value), maxLength);
}

function optionalText(params: Readonly<Record<string, unknown>>, name: string, maxLength: number) {
  const value = params[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InvalidNotificationError(`params.${name}`, 'must be a string');
  const text = singleLine(value);
  return text === '' ? null : clip(text, maxLength);
}

function oneOf<Value extends string>(
  params: Readonly<Record<string, unknown>>,
  name: string,
  values: readonly Value[],
): Value {
  const value = params[name];
  if (!values.includes(value as Value)) {
    throw new InvalidNotificationError(`params.${name}`, `must be one of ${values.join(', ')}`);
  }
  return value as Value;
}

function localized(params: Readonly<Record<string, unknown>>, name: string, maxLength: number) {
  const value = params[name];
  if (typeof value !== 'object' || value === null) {
    throw new InvalidNotificationError(`params.${name}`, 'must be an object { EN, FR }');
  }
  const texts = value as Record<string, unknown>;
  return {
    EN: requiredText(texts, 'EN', maxLength),
    FR: requiredText(texts, 'FR', maxLength),
  };
}

const quoted = {
  EN: (text: string) => `“${text}”`,
  FR: (text: string) => `« ${text} »`,
} as const;

/** "24 November 2026 at 14:00 UTC" / "24 novembre 2026 à 14:00 UTC": people have no time zone yet. */
export function formatInstant(iso: string, locale: Locale): string {
  const formatted = new Intl.DateTimeFormat(locale === 'FR' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso));
  return `${formatted} UTC`;
}

const organizationInvitation: NotificationTemplate<NotificationParams<'ORGANIZATION_INVITATION'>> = {
  read: (params) => ({
    organizationName: requiredText(params, 'organizationName'),
    inviterName: requiredText(params, 'inviterName'),
    role: oneOf(params, 'role', ['ADMIN', 'RECRUITER'] as const),
  }),
  EN: ({ organizationName, inviterName, role }) => ({
    title: `${inviterName} invites you to join ${organizationName}`,
    body: `You are invited to join ${organizationName} as ${role === 'ADMIN' ? 'an administrator' : 'a recruiter'}. Accept with the link of the invitation e-mail sent to you; it works for 7 days.`,
    actionLabel: `See ${organizationName}`,
  }),
  FR: ({ organizationName, inviterName, role }) => ({
    title: `${inviterName} vous invite à rejoindre ${organizationName}`,
    body: `Vous êtes invité à rejoindre ${organizationName} en tant ${role === 'ADMIN' ? 'qu’administrateur' : 'que recruteur'}. Acceptez avec le lien de l’e-mail d’invitation qui vous a été envoyé ; il reste valable 7 jours.`,
    actionLabel: `Voir ${organizationName}`,
  }),
};

/** The reasons a moderator may give for rejecting a profile (the profiles subgraph's RejectionReason). */
export const PROFILE_REJECTION_REASONS: Readonly<Record<string, LocalizedText>> = {
  INCOMPLETE_PROFILE: {
    EN: 'parts recruiters need are missing or too thin',
    FR: 'des éléments dont les recruteurs ont besoin manquent ou sont trop succincts',
  },
  UNCLEAR_DESCRIPTION: {
    EN: 'the headline, summary or descriptions do not say clearly what you do',
    FR: 'le titre, le résumé ou les descriptions ne disent pas clairement ce que vous faites',
  },
  UNVERIFIABLE_EXPERIENCE: {
    EN: 'some experiences are inconsistent or implausible',
    FR: 'certaines expériences sont incohérentes ou peu plausibles',
  },
  INSUFFICIENT_SKILLS_EVIDENCE: {
    EN: 'some skills or levels are not backed by your experiences, education or certifications',
    FR: 'certaines compétences ou certains niveaux ne sont pas étayés par vos expériences, formations ou certifications',
  },
  INAPPROPRIATE_CONTENT: {
    EN: 'some content breaks the platform’s policy',
    FR: 'certains contenus enfreignent la charte de la plateforme',
  },
  CONTACT_DETAILS_IN_TEXT: {
    EN: 'contact details are written in the text (they are shared only when a recruiter unlocks your profile)',
    FR: 'des coordonnées figurent dans le texte (elles ne sont communiquées qu’au recruteur qui débloque votre profil)',
  },
  DUPLICATE_PROFILE: {
    EN: 'you already have another profile',
    FR: 'vous avez déjà un autre profil',
  },
  OTHER: { EN: 'see the moderator’s comment', FR: 'voir le commentaire du modérateur' },
};

function rejectionReasons(params: Readonly<Record<string, unknown>>): readonly string[] {
  const value = params['reasons'];
  if (value === undefined || value === null) return [];
  if (
    !Array.isArray(value) ||
    !value.every((code) => typeof code === 'string' && code in PROFILE_REJECTION_REASONS)
  ) {
    throw new InvalidNotificationError(
      'params.reasons',
      `must be a list of ${Object.keys(PROFILE_REJECTION_REASONS).join(', ')}`,
    );
  }
  return value as string[];
}

/** "Reasons: a; b." in the recipient's language, or nothing when there are none. */
function reasonsSentence(reasons: readonly string[], locale: Locale): string {
  if (reasons.length === 0) return '';
  // French sets a space before a semicolon.
  const listed = reasons
    .map((code) => PROFILE_REJECTION_REASONS[code]![locale])
    .join(locale === 'EN' ? '; ' : ' ; ');
  return locale === 'EN' ? ` Reasons: ${listed}.` : ` Motifs : ${listed}.`;
}

const profileDecision: NotificationTemplate<NotificationParams<'PROFILE_DECISION'>> = {
  read: (params) => ({
    decision: oneOf(params, 'decision', ['VALIDATED', 'REJECTED'] as const),
    reasons: rejectionReasons(params),
    reason: optionalText(params, 'reason', 500),
  }),
  EN: ({ decision, reasons, reason }) =>
    decision === 'VALIDATED'
      ? {
          title: 'Your profile is validated',
          body: 'Your profile was reviewed and validated: recruiters can now find it.',
          actionLabel: 'See my profile',
        }
      : {
          title: 'Your profile needs changes',
          body: `Your profile was reviewed and not validated.${reasonsSentence(reasons ?? [], 'EN')}${reason ? ` ${reasons?.length ? 'Comment' : 'Reason'}: ${asSentence(reason)}` : ''} Update it and submit it again.`,
          actionLabel: 'Update my profile',
        },
  FR: ({ decision, reasons, reason }) =>
    decision === 'VALIDATED'
      ? {
          title: 'Votre profil est validé',
          body: 'Votre profil a été examiné et validé : les recruteurs peuvent maintenant le trouver.',
          actionLabel: 'Voir mon profil',
        }
      : {
          title: 'Votre profil doit être complété',
          body: `Votre profil a été examiné et n’a pas été validé.${reasonsSentence(reasons ?? [], 'FR')}${reason ? ` ${reasons?.length ? 'Commentaire' : 'Motif'} : ${asSentence(reason)}` : ''} Modifiez-le puis soumettez-le à nouveau.`,
          actionLabel: 'Modifier mon profil',
        },
};

const newCommentOnMyPost: NotificationTemplate<NotificationParams<'NEW_COMMENT_ON_MY_POST'>> = {
  read: (params) => ({
    commenterName: requiredText(params, 'commenterName'),
    postTitle: requiredText(params, 'postTitle'),
    excerpt: optionalText(params, 'excerpt', EXCERPT_MAX_LENGTH),
  }),
  EN: ({ commenterName, postTitle, excerpt }) => ({
    title: `${commenterName} commented on your post`,
    body: `${commenterName} commented on ${quoted.EN(postTitle)}${excerpt ? `: ${quoted.EN(excerpt)}` : '.'}`,
    actionLabel: 'See the comment',
  }),
  FR: ({ commenterName, postTitle, excerpt }) => ({
    title: `${commenterName} a commenté votre publication`,
    body: `${commenterName} a commenté ${quoted.FR(postTitle)}${excerpt ? ` : ${quoted.FR(excerpt)}` : '.'}`,
    actionLabel: 'Voir le commentaire',
  }),
};

const mention: NotificationTemplate<NotificationParams<'MENTION'>> = {
  read: (params) => ({
    authorName: requiredText(params, 'authorName'),
    place: requiredText(params, 'place'),
    excerpt: optionalText(params, 'excerpt', EXCERPT_MAX_LENGTH),
  }),
  EN: ({ authorName, place, excerpt }) => ({
    title: `${authorName} mentioned you`,
    body: `${authorName} mentioned you in ${place}${excerpt ? `: ${quoted.EN(excerpt)}` : '.'}`,
    actionLabel: 'See the message',
  }),
  FR: ({ authorName, place, excerpt }) => ({
    title: `${authorName} vous a mentionné`,
    body: `${authorName} vous a mentionné dans ${place}${excerpt ? ` : ${quoted.FR(excerpt)}` : '.'}`,
    actionLabel: 'Voir le message',
  }),
};

function readScore(params: Readonly<Record<string, unknown>>): number | null {
  const score = params['score'];
  if (score === undefined || score === null) return null;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new InvalidNotificationError('params.score', 'must be a number from 0 to 100');
  }
  return Math.round(score);
}

const matchFound: NotificationTemplate<NotificationParams<'MATCH_FOUND'>> = {
  read: (params) => ({
    offerTitle: requiredText(params, 'offerTitle'),
    organizationName: requiredText(params, 'organizationName'),
    score: readScore(params),
  }),
  EN: ({ offerTitle, organizationName, score }) => ({
    title: `New match: ${offerTitle}`,
    body: `${offerTitle} at ${organizationName} matches your profile${score != null ? ` (${score}% fit)` : ''}.`,
    actionLabel: 'See the offer',
  }),
  FR: ({ offerTitle, organizationName, score }) => ({
    title: `Nouvelle correspondance : ${offerTitle}`,
    body: `${offerTitle} chez ${organizationName} correspond à votre profil${score != null ? ` (${score} % d’adéquation)` : ''}.`,
    actionLabel: 'Voir l’offre',
  }),
};

const eventReminder: NotificationTemplate<NotificationParams<'EVENT_REMINDER'>> = {
  read: (params) => {
    const startsAt = params['startsAt'];
    if (typeof startsAt !== 'string' || Number.isNaN(Date.parse(startsAt))) {
      throw new InvalidNotificationError('params.startsAt', 'must be an ISO-8601 instant');
    }
    return { eventTitle: requiredText(params, 'eventTitle'), startsAt: new Date(startsAt).toISOString() };
  },
  EN: ({ eventTitle, startsAt }) => ({
    title: `Reminder: ${eventTitle}`,
    body: `${eventTitle} starts on ${formatInstant(startsAt, 'EN')}.`,
    actionLabel: 'See the event',
  }),
  FR: ({ eventTitle, startsAt }) => ({
    title: `Rappel : ${eventTitle}`,
    body: `${eventTitle} commence le ${formatInstant(startsAt, 'FR')}.`,
    actionLabel: 'Voir l’événement',
  }),
};

const system: NotificationTemplate<NotificationParams<'SYSTEM'>> = {
  read: (params) => ({
    title: localized(params, 'title', TEXT_MAX_LENGTH),
    body: localized(params, 'body', SYSTEM_BODY_MAX_LENGTH),
  }),
  EN: ({ title, body }) => ({ title: title.EN, body: body.EN, actionLabel: 'Open talentgraph' }),
  FR: ({ title, body }) => ({ title: title.FR, body: body.FR, actionLabel: 'Ouvrir talentgraph' }),
};

export const NOTIFICATION_TEMPLATES: {
  readonly [Type in NotificationType]: NotificationTemplate<NotificationParams<Type>>;
} = {
  ORGANIZATION_INVITATION: organizationInvitation,
  PROFILE_DECISION: profileDecision,
  NEW_COMMENT_ON_MY_POST: newCommentOnMyPost,
  MENTION: mention,
  MATCH_FOUND: matchFound,
  EVENT_REMINDER: eventReminder,
  SYSTEM: system,
};

/** Largest `data` a notification keeps (its parameters as JSON). */
export const DATA_MAX_BYTES = 8 * 1024;
/** The database columns are sized to match. */
export const TITLE_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 2_000;

/**
 * The title, body and button label of a notification of `type` in `locale`, and the parameters to keep
 * as its data. Throws InvalidNotificationError when the parameters do not fit the type.
 */
export function renderNotification(
  type: NotificationType,
  params: unknown,
  locale: Locale,
): NotificationContent & { readonly data: JsonObject } {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new InvalidNotificationError('params', 'must be an object');
  }
  const data = jsonObject(params);
  const template = NOTIFICATION_TEMPLATES[type] as NotificationTemplate<unknown>;
  const content = template[locale](template.read(params as Record<string, unknown>));
  return {
    title: clip(content.title, TITLE_MAX_LENGTH),
    body: clip(content.body, BODY_MAX_LENGTH),
    actionLabel: content.actionLabel,
    data,
  };
}

function jsonObject(params: object): JsonObject {
  let serialized: string;
  try {
    serialized = JSON.stringify(params);
  } catch {
    throw new InvalidNotificationError('params', 'must be plain JSON');
  }
  if (Buffer.byteLength(serialized) > DATA_MAX_BYTES) {
    throw new InvalidNotificationError('params', `must be at most ${DATA_MAX_BYTES} bytes as JSON`);
  }
  return JSON.parse(serialized) as JsonObject;
}
