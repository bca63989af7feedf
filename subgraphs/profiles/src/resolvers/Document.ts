import { forbidden } from '@talentgraph/auth';
import type { ParsedCv } from '../cv-parsing/index.ts';
import { describeSuggestion, suggestionChange } from '../domain/cv-suggestions.ts';
import { seesDocuments } from '../domain/privacy.ts';
import { ProfileSchema } from '../entities/Profile.ts';
import { ProfileDocumentSchema, type ProfileDocument } from '../entities/ProfileDocument.ts';
import { downloadLinkOf } from '../documents/download.ts';
import { suggestionsOf } from '../documents/suggestions.ts';
import { readableProfile, readingGroundOf } from '../visibility/readable-profiles.ts';
import type {
  CvReadingResolvers,
  CvSuggestionField,
  CvSuggestionResolvers,
  DocumentResolvers,
} from '../generated/resolvers-types.ts';

const FIELDS: Readonly<Record<string, CvSuggestionField>> = {
  headline: 'HEADLINE',
  summary: 'SUMMARY',
  location: 'LOCATION',
  yearsOfExperience: 'YEARS_OF_EXPERIENCE',
  experience: 'EXPERIENCE',
  education: 'EDUCATION',
  certification: 'CERTIFICATION',
  language: 'LANGUAGE',
  skill: 'SKILL',
  email: 'EMAIL',
  phone: 'PHONE',
  link: 'LINK',
};

export const Document: DocumentResolvers = {
  __resolveReference: async (reference, context) => {
    const document = await context.loaders.byId(ProfileDocumentSchema).load(reference.id);
    if (!document) return null;
    const profile = await context.loaders.byId(ProfileSchema).load(document.profile.id);
    return profile && seesDocuments(context.viewer, profile, await readingGroundOf(context, profile))
      ? document
      : null;
  },
  // Whoever sees a document reads its profile (privacy.ts), a recruiter's view recorded as on every path.
  profile: async (document, _args, context) =>
    (await readableProfile(context, await context.loaders.byId(ProfileSchema).load(document.profile.id)))!,
  uploadedBy: (document) => (document.uploadedBy == null ? null : { id: document.uploadedBy }),
  download: (document, _args, { em, viewer, now }) => {
    // Links name the person they were made for; a partner key sees no documents.
    if (viewer?.kind !== 'USER') throw forbidden('Only people download documents.');
    return downloadLinkOf(em, document, viewer.userId, now);
  },
  reading: (document) => ({ document }),
};

export const CvReading: CvReadingResolvers = {
  read: ({ document }) => document.parsed != null,
  errorCode: ({ document }) => document.parseErrorCode ?? null,
  warnings: ({ document }) => [...document.parseWarnings],
  language: ({ document }) => {
    const language = (document.parsed as unknown as ParsedCv | null)?.language;
    return language === undefined ? null : language === 'fr' ? 'FR' : 'EN';
  },
  suggestions: ({ document }, { status }) =>
    [...suggestionsOf(document).values()]
      .map((suggestion) => ({ suggestion, document }))
      .filter((parent) => status == null || statusOf(parent) === status),
};

function statusOf({ suggestion, document }: { suggestion: { key: string }; document: ProfileDocument }) {
  return document.decisions[suggestion.key] ?? 'PENDING';
}

export const CvSuggestion: CvSuggestionResolvers = {
  key: ({ suggestion }) => suggestion.key,
  field: ({ suggestion }) => FIELDS[suggestion.field]!,
  description: ({ suggestion }) => describeSuggestion(suggestion),
  value: ({ suggestion }) =>
    typeof suggestion.value === 'object' ? { ...suggestion.value } : { text: suggestion.value },
  confidence: ({ suggestion }) => suggestion.confidence,
  evidence: ({ suggestion }) => suggestion.evidence.snippet,
  status: (parent) => statusOf(parent),
  applicable: ({ suggestion }) => 'change' in suggestionChange(suggestion),
};
