/**
 * Vocabulary of the read model: what matching keeps of the profiles and offers owned by the profiles and
 * offers subgraphs. The values mirror theirs, so a snapshot is a faithful copy of the source record.
 */

import type { CefrLevel } from '@talentgraph/vocabulary';

export {
  CEFR_LEVELS as LANGUAGE_LEVELS,
  CONTRACT_TYPES,
  OFFER_KINDS,
  OFFER_STATUSES,
  PROFILE_KINDS,
  PROFILE_STATUSES,
  WORK_MODES,
  type CefrLevel as LanguageLevel,
  type ContractType,
  type OfferKind,
  type OfferStatus,
  type ProfileKind,
  type ProfileStatus,
  type WorkMode,
} from '@talentgraph/vocabulary';

export interface SkillSnapshot {
  readonly name: string;
  readonly years: number;
}

export interface LanguageSnapshot {
  /** ISO 639-1 code, for example fr. */
  readonly code: string;
  readonly level: CefrLevel;
}
