import type { JsonObject } from '../domain/json.ts';
import type { Locale } from '../domain/roles.ts';
import type { NotificationType } from '../notifications/notification-rules.ts';

/**
 * What becomes of the notifications other people received about someone who erased their account.
 * The notification stays (it is its recipient's), but no longer names that person nor quotes their
 * words: the name becomes a neutral one and the excerpt goes, then the text is written again from
 * these parameters in the recipient's language.
 */

/** How a notification names a person whose account was erased. */
export const FORMER_MEMBER: Readonly<Record<Locale, string>> = {
  EN: 'A former member',
  FR: 'Un ancien membre',
};

/** Per type, the parameter that names the person who acted, and the one that quotes what they wrote. */
const ACTOR_PARAMETERS: Readonly<
  Partial<Record<NotificationType, { readonly name: string; readonly words?: string }>>
> = {
  ORGANIZATION_INVITATION: { name: 'inviterName' },
  NEW_COMMENT_ON_MY_POST: { name: 'commenterName', words: 'excerpt' },
  MENTION: { name: 'authorName', words: 'excerpt' },
};

/** The parameters of a notification once the person who acted is erased; other types are unchanged. */
export function paramsWithoutActor(type: NotificationType, params: JsonObject, locale: Locale): JsonObject {
  const actor = ACTOR_PARAMETERS[type];
  if (!actor) return params;
  const anonymized: JsonObject = { ...params, [actor.name]: FORMER_MEMBER[locale] };
  if (actor.words) delete anonymized[actor.words];
  return anonymized;
}
