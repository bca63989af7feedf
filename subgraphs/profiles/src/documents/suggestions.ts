import { requireId, type EntityManager } from '@talentgraph/platform';
import { cvSuggestions, type CvSuggestion, type ParsedCv } from '../cv-parsing/index.ts';
import { validateBasics, type BasicsChange } from '../domain/basics.ts';
import { validateCertification, validateEducation, validateExperience } from '../domain/career.ts';
import { suggestionChange } from '../domain/cv-suggestions.ts';
import { calendarDateOf } from '../domain/dates.ts';
import type { SuggestionDecision } from '../domain/documents.ts';
import type { ProfileState } from '../domain/profile-state.ts';
import {
  validateLanguages,
  validateProfileSkills,
  type LanguageInput,
  type ProfileSkillInput,
} from '../domain/skills.ts';
import { violation, type Checked, type Violation } from '../domain/violations.ts';
import { ProfileDocumentSchema, type ProfileDocument } from '../entities/ProfileDocument.ts';
import type { Profile } from '../entities/Profile.ts';
import { editProfile, lockProfileToEdit, type Cause } from '../editing/change.ts';
import { answering, refuse, requirePerson, type UserError } from '../editing/refusals.ts';
import {
  applyBasics,
  createCertification,
  createEducation,
  createExperience,
  replaceLanguages,
  replaceSkills,
} from '../editing/writes.ts';
import { skillCatalog } from '../skills/catalog.ts';

/**
 * The candidate's answers to what their CV suggests, field by field: accepted suggestions are written to
 * the profile with the editing rules (nothing is written unless all of them pass), rejected ones are only
 * remembered. Nothing read from a CV reaches the profile without being accepted.
 */

export interface SuggestionsPayload {
  readonly profile: Profile | null;
  readonly document: ProfileDocument | null;
  readonly errors: UserError[];
}

const refusedSuggestions = (errors: UserError[]): SuggestionsPayload => ({
  profile: null,
  document: null,
  errors,
});

const DOCUMENT_NOT_FOUND = violation(
  'documentId',
  'DOCUMENT_NOT_FOUND',
  'no document you can edit has this id',
);

/** The suggestions of a stored reading, by key; none when the document could not be read. */
export function suggestionsOf(document: ProfileDocument): Map<string, CvSuggestion> {
  if (document.parsed === null || document.parsed === undefined) return new Map();
  return new Map(
    cvSuggestions(document.parsed as unknown as ParsedCv).map((suggestion) => [suggestion.key, suggestion]),
  );
}

async function profileIdOfDocument(em: EntityManager, documentId: string): Promise<string> {
  const document = await em.fork().findOne(ProfileDocumentSchema, { id: documentId });
  if (!document) refuse([DOCUMENT_NOT_FOUND]);
  return document.profile.id;
}

/** The suggestions named by `keys`, each undecided, or every problem with the keys. */
function pendingSuggestions(document: ProfileDocument, keys: readonly string[]): CvSuggestion[] {
  const suggestions = suggestionsOf(document);
  const problems: Violation[] = [];
  const chosen: CvSuggestion[] = [];
  if (keys.length === 0) problems.push(violation('keys', 'REQUIRED', 'name at least one suggestion'));
  keys.forEach((key, index) => {
    const suggestion = suggestions.get(key);
    if (!suggestion)
      problems.push(
        violation(`keys.${index}`, 'UNKNOWN_SUGGESTION', `this document suggests nothing under "${key}"`),
      );
    else if (document.decisions[key] !== undefined || keys.indexOf(key) !== index) {
      problems.push(
        violation(
          `keys.${index}`,
          'SUGGESTION_ALREADY_DECIDED',
          `"${key}" is already ${document.decisions[key] ?? 'listed'}`,
        ),
      );
    } else chosen.push(suggestion);
  });
  if (problems.length > 0) refuse(problems);
  return chosen;
}

/** A violation of the rules by the value of suggestion `index`, reported at that key. */
const atKey = (index: number, found: Violation): Violation =>
  violation(
    `keys.${index}`,
    found.code,
    found.field === '' ? found.message : `${found.field}: ${found.message}`,
  );

/** Writes the accepted suggestions, all checked first; returns nothing, throws the refusal. */
async function applySuggestions(
  tx: EntityManager,
  profile: Profile,
  before: ProfileState,
  chosen: readonly CvSuggestion[],
  today: string,
): Promise<void> {
  const problems: Violation[] = [];
  let basics: BasicsChange = {};
  const writes: (() => void)[] = [];
  const languages: LanguageInput[] = before.languages.map(({ code, level }) => ({ code, level }));
  const skills: ProfileSkillInput[] = before.skills.map(({ skillId, level, yearsOfExperience }) => ({
    skill: { id: skillId },
    level,
    yearsOfExperience,
  }));
  const check = <Value>(index: number, checked: Checked<Value>, write: (value: Value) => void) => {
    if (checked.ok) writes.push(() => write(checked.value));
    else problems.push(...checked.violations.map((found) => atKey(index, found)));
  };
  chosen.forEach((suggestion, index) => {
    const mapping = suggestionChange(suggestion);
    if (!('change' in mapping)) {
      problems.push(violation(`keys.${index}`, mapping.code, mapping.message));
      return;
    }
    const { change } = mapping;
    switch (change.target) {
      case 'basics':
        check(index, validateBasics(change.change, today), () => undefined);
        basics = { ...basics, ...change.change };
        return;
      case 'experience':
        return check(index, validateExperience(change.input, { catalog: skillCatalog, today }), (values) =>
          createExperience(tx, profile, values),
        );
      case 'education':
        return check(index, validateEducation(change.input, today), (values) =>
          createEducation(tx, profile, values),
        );
      case 'certification':
        return check(index, validateCertification(change.input, today), (values) =>
          createCertification(tx, profile, values),
        );
      case 'language': {
        const existing = languages.findIndex((language) => language.code === change.input.code);
        if (existing >= 0) languages[existing] = change.input;
        else languages.push(change.input);
        return;
      }
      case 'skill':
        if (!skills.some((skill) => skill.skill.id === change.input.skill.id)) skills.push(change.input);
        return;
    }
  });
  const basicsChecked = validateBasics(basics, today);
  const languagesChecked = validateLanguages(languages);
  const skillsChecked = validateProfileSkills(skills, skillCatalog);
  // The lists are checked whole (the profile's entries and the accepted ones): their problems concern
  // the keys as a whole.
  for (const checked of [basicsChecked, languagesChecked, skillsChecked]) {
    if (!checked.ok) {
      problems.push(
        ...checked.violations.map((found) =>
          violation('keys', found.code, `${found.field}: ${found.message}`),
        ),
      );
    }
  }
  if (problems.length > 0 || !basicsChecked.ok || !languagesChecked.ok || !skillsChecked.ok) refuse(problems);
  applyBasics(profile, basicsChecked.value);
  for (const write of writes) write();
  if (chosen.some((suggestion) => suggestion.field === 'language')) {
    await replaceLanguages(tx, profile, languagesChecked.value);
  }
  if (chosen.some((suggestion) => suggestion.field === 'skill'))
    await replaceSkills(tx, profile, skillsChecked.value);
}

function decide(document: ProfileDocument, keys: readonly string[], decision: SuggestionDecision): void {
  document.decisions = { ...document.decisions, ...Object.fromEntries(keys.map((key) => [key, decision])) };
}

/** Accepts suggestions of a CV: written to the profile, all or none, with the key-field rule and events. */
export function acceptCvSuggestions(
  em: EntityManager,
  cause: Cause,
  input: { readonly documentId: string; readonly keys: readonly string[] },
): Promise<SuggestionsPayload> {
  requirePerson(cause.viewer);
  const documentId = requireId(input.documentId, 'documentId');
  return answering(async () => {
    const profileId = await profileIdOfDocument(em, documentId);
    const { profile, result } = await editProfile(
      em,
      cause,
      profileId,
      async (tx, profile, before) => {
        const document = await tx.findOne(ProfileDocumentSchema, { id: documentId, profile: profile.id });
        if (!document) refuse([DOCUMENT_NOT_FOUND]);
        const chosen = pendingSuggestions(document, input.keys);
        await applySuggestions(tx, profile, before, chosen, calendarDateOf(cause.now));
        decide(document, input.keys, 'ACCEPTED');
        return document;
      },
      DOCUMENT_NOT_FOUND,
    );
    return { profile, document: result, errors: [] };
  }, refusedSuggestions);
}

/** Rejects suggestions of a CV: remembered, so the review form does not offer them again. */
export function rejectCvSuggestions(
  em: EntityManager,
  cause: Cause,
  input: { readonly documentId: string; readonly keys: readonly string[] },
): Promise<SuggestionsPayload> {
  const person = requirePerson(cause.viewer);
  const documentId = requireId(input.documentId, 'documentId');
  return answering(async () => {
    const profileId = await profileIdOfDocument(em, documentId);
    return em.transactional(async (tx): Promise<SuggestionsPayload> => {
      const profile = await lockProfileToEdit(tx, person, profileId, DOCUMENT_NOT_FOUND);
      const document = await tx.findOne(ProfileDocumentSchema, { id: documentId, profile: profile.id });
      if (!document) refuse([DOCUMENT_NOT_FOUND]);
      pendingSuggestions(document, input.keys);
      decide(document, input.keys, 'REJECTED');
      return { profile, document, errors: [] };
    });
  }, refusedSuggestions);
}

/** Deletes a document and its encrypted content (the person, or their firm for a consultant). */
export function deleteDocument(
  em: EntityManager,
  cause: Cause,
  input: { readonly documentId: string },
): Promise<{ readonly deletedDocumentId: string | null; readonly errors: UserError[] }> {
  const person = requirePerson(cause.viewer);
  const documentId = requireId(input.documentId, 'documentId');
  return answering(
    async () => {
      const profileId = await profileIdOfDocument(em, documentId);
      return em.transactional(async (tx) => {
        const profile = await lockProfileToEdit(tx, person, profileId, DOCUMENT_NOT_FOUND);
        const document = await tx.findOne(ProfileDocumentSchema, { id: documentId, profile: profile.id });
        if (!document) refuse([DOCUMENT_NOT_FOUND]);
        tx.remove(document);
        return { deletedDocumentId: documentId as string | null, errors: [] as UserError[] };
      });
    },
    (errors) => ({ deletedDocumentId: null, errors }),
  );
}
