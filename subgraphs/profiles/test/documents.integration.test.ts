import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startForTests } from '@talentgraph/testing';
import type { Viewer } from '@talentgraph/auth';
import { organizations } from '@talentgraph/demo-data';
import { MAX_DOCUMENT_BYTES } from '../src/cv-parsing/index.ts';
import { column, docxDocument, pdfWithText, zipBombDocx } from './cv-parsing/documents.ts';
import {
  createProfile,
  errorCodes,
  eventsOf,
  newPerson,
  refusedWithoutWriting,
  request,
  rows,
  startProfilesWorld,
  succeed,
  type Person,
  type UserErrorOf,
} from './support/world.ts';

/**
 * CV documents over HTTP: a one-time upload URL, the bytes PUT to it (type told by content, stored
 * encrypted, read into suggestions), signed download links with every download audited, and the
 * suggestions accepted or rejected field by field.
 */
const world = startForTests(startProfilesWorld);

const REQUEST_UPLOAD = `mutation ($input: RequestCvUploadInput!) {
  requestCvUpload(input: $input) { upload { url method expiresAt maxBytes } errors { code message field } }
}`;
const DOCUMENTS = `query ($id: ID!) {
  profile(id: $id) {
    documents {
      id kind documentType mediaType fileName byteSize uploadedBy { id }
      download { url expiresAt }
      reading { read errorCode language suggestions { key field description confidence status applicable } }
    }
  }
}`;
const ACCEPT = `mutation ($input: AcceptCvSuggestionsInput!) {
  acceptCvSuggestions(input: $input) {
    profile { headline skills { skill { id } level } experiences { title organizationName startDate endDate } languages { code level } }
    document { reading { suggestions(status: ACCEPTED) { key } } }
    errors { code message field }
  }
}`;
const REJECT = `mutation ($input: RejectCvSuggestionsInput!) {
  rejectCvSuggestions(input: $input) { document { reading { suggestions(status: REJECTED) { key } } } errors { code message field } }
}`;

type Suggestion = { key: string; field: string; description: string; status: string; applicable: boolean };
type DocumentOf = {
  id: string;
  documentType: string;
  mediaType: string;
  fileName: string;
  byteSize: number;
  download: { url: string; expiresAt: string };
  reading: { read: boolean; errorCode: string | null; language: string | null; suggestions: Suggestion[] };
};

const CV_LINES = [
  'Claire Martin',
  'Backend developer',
  'Lyon, France',
  '',
  'EXPERIENCE',
  'Backend developer, Logiflow',
  'March 2021 - Present',
  'Built pricing APIs in TypeScript and PostgreSQL.',
  '',
  'SKILLS',
  'TypeScript, PostgreSQL, Docker',
  '',
  'LANGUAGES',
  'French: native (C2)',
  'English: C1',
];

async function uploadUrlFor(person: Person, profileId: string, fileName = 'claire-cv.pdf'): Promise<string> {
  const payload = await succeed<{
    upload: { url: string; method: string; maxBytes: number };
    errors: UserErrorOf[];
  }>(world, person, REQUEST_UPLOAD, { profileId, fileName });
  expect(payload.upload).toMatchObject({ method: 'PUT', maxBytes: MAX_DOCUMENT_BYTES });
  // The URL names the gateway (PUBLIC_API_URL); the test talks to the subgraph behind it.
  const url = new URL(payload.upload.url);
  return `${world.baseUrl}${url.pathname}`;
}

const put = (url: string, body: Uint8Array, contentType = 'application/octet-stream') =>
  fetch(url, {
    method: 'PUT',
    body: new Blob([Buffer.from(body)]),
    headers: { 'content-type': contentType },
  });

/** The documents `person` sees on the profile; none when they may not read the profile at all. */
async function documentsOf(person: Viewer, profileId: string): Promise<DocumentOf[]> {
  const response = await request<{ profile: { documents: DocumentOf[] } | null }>(world, person, DOCUMENTS, {
    id: profileId,
  });
  expect(response.errors).toBeUndefined();
  return response.data!.profile?.documents ?? [];
}

async function uploadedCv(person = newPerson()) {
  const profileId = await createProfile(world, person);
  const pdf = await pdfWithText([column(CV_LINES, 40)]);
  const answer = await put(await uploadUrlFor(person, profileId), pdf, 'image/png');
  expect(answer.status).toBe(201);
  const [document] = await documentsOf(person, profileId);
  return { person, profileId, document: document!, pdf };
}

describe('uploading a CV', () => {
  it('stores a PDF told by its content, encrypted, read into suggestions, and records DocumentUploaded', async () => {
    const { person, profileId, document, pdf } = await uploadedCv();
    expect(document).toMatchObject({
      documentType: 'PDF',
      mediaType: 'application/pdf',
      fileName: 'claire-cv.pdf',
      byteSize: pdf.length,
      reading: { read: true, errorCode: null, language: 'EN' },
    });
    const fields = document.reading.suggestions.map((suggestion) => suggestion.field);
    expect(fields).toEqual(expect.arrayContaining(['EXPERIENCE', 'SKILL', 'LANGUAGE']));
    expect(document.reading.suggestions.every((suggestion) => suggestion.status === 'PENDING')).toBe(true);
    const [stored] = await rows<{ ciphertext: Buffer; key_id: string }>(
      world,
      'select ciphertext, key_id from profile_document_contents where document_id = $1',
      [document.id],
    );
    expect(stored!.key_id).toBe('dev');
    expect(stored!.ciphertext.length).toBe(pdf.length);
    expect(stored!.ciphertext.includes(Buffer.from('%PDF'))).toBe(false);
    expect(stored!.ciphertext.includes(Buffer.from('Logiflow'))).toBe(false);
    expect(
      (await eventsOf(world, document.id)).map((event) => [event.type, event.payload['ownerId']]),
    ).toEqual([['profiles.DocumentUploaded', person.userId]]);
    // Uploading is not a change of the profile.
    expect((await eventsOf(world, profileId)).map((event) => event.type)).toEqual([
      'profiles.ProfileCreated',
    ]);
  });

  it('accepts a Word document and plain text, whatever the name says', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const docx = await docxDocument({ paragraphs: CV_LINES });
    expect((await put(await uploadUrlFor(person, profileId, 'cv.pdf'), docx)).status).toBe(201);
    const text = new TextEncoder().encode(CV_LINES.join('\n'));
    expect((await put(await uploadUrlFor(person, profileId, 'cv.docx'), text)).status).toBe(201);
    const types = (await documentsOf(person, profileId)).map((document) => [
      document.documentType,
      document.fileName,
    ]);
    expect(types.sort()).toEqual([
      ['DOCX', 'cv.pdf'],
      ['TEXT', 'cv.docx'],
    ]);
  });

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, number, string]>([
    [
      'an image named .pdf',
      () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      415,
      'UNSUPPORTED_DOCUMENT_TYPE',
    ],
    [
      'an HTML page',
      () => new TextEncoder().encode('<!doctype html><html><body>CV</body></html>'),
      415,
      'UNSUPPORTED_DOCUMENT_TYPE',
    ],
    ['an empty file', () => new Uint8Array(), 422, 'EMPTY_DOCUMENT'],
    ['a zip bomb DOCX', () => zipBombDocx(200 * 1024 * 1024, 1_000), 422, 'SUSPICIOUS_COMPRESSION'],
    ['a file over 10 MB', () => new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x41), 413, 'DOCUMENT_TOO_LARGE'],
  ])('refuses %s, storing nothing, the URL still usable', async (_case, body, status, code) => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const url = await uploadUrlFor(person, profileId);
    const before = await rows(world, 'select count(*)::int as count from profile_documents');
    const answer = await put(url, await body());
    expect(answer.status).toBe(status);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(await rows(world, 'select count(*)::int as count from profile_documents')).toEqual(before);
    expect((await put(url, new TextEncoder().encode(CV_LINES.join('\n')))).status).toBe(201);
  });

  it('takes one upload per URL, and none after it expires or with a forged token', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person);
    const url = await uploadUrlFor(person, profileId);
    const text = new TextEncoder().encode(CV_LINES.join('\n'));
    const [first, second] = await Promise.all([put(url, text), put(url, text)]);
    expect([first.status, second.status].sort()).toEqual([201, 410]);
    const expired = await uploadUrlFor(person, profileId);
    await rows(
      world,
      `update profile_document_uploads set expires_at = now() - interval '1 second' where used_at is null`,
    );
    const late = await put(expired, text);
    expect(late.status).toBe(410);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('UPLOAD_URL_EXPIRED');
    expect((await put(`${world.baseUrl}/documents/uploads/forged-token`, text)).status).toBe(404);
    expect(await documentsOf(person, profileId)).toHaveLength(1);
  });

  it("gives upload URLs for one's own profile only, and to a consultant's firm", async () => {
    const owner = newPerson();
    const profileId = await createProfile(world, owner);
    const stranger = await refusedWithoutWriting<{ requestCvUpload: { errors: UserErrorOf[] } }>(
      world,
      newPerson(),
      REQUEST_UPLOAD,
      {
        input: { profileId, fileName: 'cv.pdf' },
      },
    );
    expect(stranger.data!.requestCvUpload.errors.map((error) => error.code)).toEqual(['PROFILE_NOT_FOUND']);
    expect(
      errorCodes(
        await refusedWithoutWriting(world, null, REQUEST_UPLOAD, {
          input: { profileId, fileName: 'cv.pdf' },
        }),
      ),
    ).toEqual(['UNAUTHENTICATED']);
    const firm = organizations.find((organization) => organization.kind === 'IT_SERVICES')!;
    const admin = newPerson({ memberships: [{ organizationId: firm.id, role: 'ADMIN' }] });
    const consultantId = await createProfile(world, admin, {
      kind: 'CONSULTANT',
      organizationId: firm.id,
      userId: newPerson().userId,
    });
    await uploadUrlFor(admin, consultantId);
  });
});

describe('downloading a CV', () => {
  it('serves the decrypted bytes through a signed link and records the download for the audit log', async () => {
    const { person, document, pdf } = await uploadedCv();
    const link = new URL(document.download.url);
    const answer = await fetch(`${world.baseUrl}${link.pathname}${link.search}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toContain('attachment; filename="claire-cv.pdf"');
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await answer.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    expect((await eventsOf(world, document.id)).at(-1)).toMatchObject({
      type: 'profiles.DocumentDownloaded',
      actor: { kind: 'USER', id: person.userId },
      payload: { documentId: document.id, ownerId: person.userId, downloadedBy: person.userId },
    });
  });

  it('refuses a tampered, expired or retargeted link, recording nothing', async () => {
    const { document } = await uploadedCv();
    const other = await uploadedCv();
    const link = new URL(document.download.url);
    const expires = Number(link.searchParams.get('expires'));
    const variants: [string, (params: URLSearchParams) => void, string][] = [
      ['a later expiry', (params) => params.set('expires', String(expires + 3600)), 'LINK_INVALID'],
      ['another viewer', (params) => params.set('viewer', newPerson().userId), 'LINK_INVALID'],
      ['no signature', (params) => params.delete('signature'), 'LINK_INVALID'],
    ];
    for (const [, change, code] of variants) {
      const params = new URLSearchParams(link.search);
      change(params);
      const answer = await fetch(`${world.baseUrl}${link.pathname}?${params.toString()}`);
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const retargeted = await fetch(`${world.baseUrl}/documents/${other.document.id}/content${link.search}`);
    expect(retargeted.status).toBe(403);
    const past = new URLSearchParams(link.search);
    past.set('expires', String(Math.floor(Date.now() / 1000) - 1));
    expect((await fetch(`${world.baseUrl}${link.pathname}?${past.toString()}`)).status).toBe(403);
    expect((await eventsOf(world, document.id)).map((event) => event.type)).toEqual([
      'profiles.DocumentUploaded',
    ]);
  });

  it('shows documents to the person and moderators, not to other people', async () => {
    const { profileId } = await uploadedCv();
    await rows(world, `update profiles set status = 'VALIDATED', submitted_at = now() where id = $1`, [
      profileId,
    ]);
    expect(await documentsOf(newPerson({ roles: ['MODERATOR'] }), profileId)).toHaveLength(1);
    // A recruiter reads a candidate's profile, and its CVs, only once their organization unlocked it.
    expect(await documentsOf(newPerson({ roles: ['RECRUITER'] }), profileId)).toEqual([]);
    expect(await documentsOf(newPerson(), profileId)).toEqual([]);
  });

  it("lets the recruiters of an organization that unlocked the candidate download its CV, audited; not before, not another organization's, not its partner key", async () => {
    const { person, profileId, document, pdf } = await uploadedCv();
    await rows(world, `update profiles set status = 'VALIDATED', submitted_at = now() where id = $1`, [
      profileId,
    ]);
    const organizationId = randomUUID();
    const recruiter = newPerson({
      roles: ['RECRUITER'],
      memberships: [{ organizationId, role: 'RECRUITER' }],
    });
    const otherRecruiter = newPerson({
      roles: ['RECRUITER'],
      memberships: [{ organizationId: randomUUID(), role: 'RECRUITER' }],
    });
    const partner: Viewer = { kind: 'PARTNER', apiKeyId: randomUUID(), organizationId, roles: ['PARTNER'] };
    const reference = async (viewer: Viewer) =>
      (
        await request<{ _entities: ({ id: string } | null)[] }>(
          world,
          viewer,
          'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Document { id } } }',
          { r: [{ __typename: 'Document', id: document.id }] },
        )
      ).data!._entities[0];

    // Not unlocked: no document on any path, so no link to ask for.
    expect(await documentsOf(recruiter, profileId)).toEqual([]);
    expect(await reference(recruiter)).toBeNull();

    await rows(
      world,
      `insert into profile_unlocks (id, profile_id, organization_id, unlocked_by, unlocked_at) values ($1, $2, $3, $4, now())`,
      [randomUUID(), profileId, organizationId, recruiter.userId],
    );
    const [seen] = await documentsOf(recruiter, profileId);
    expect(seen).toMatchObject({ id: document.id, fileName: 'claire-cv.pdf' });
    expect(await reference(recruiter)).toEqual({ id: document.id });
    const link = new URL(seen!.download.url);
    expect(link.searchParams.get('viewer')).toBe(recruiter.userId);
    const answer = await fetch(`${world.baseUrl}${link.pathname}${link.search}`);
    expect(answer.status).toBe(200);
    expect(Buffer.from(await answer.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    expect((await eventsOf(world, document.id)).at(-1)).toMatchObject({
      type: 'profiles.DocumentDownloaded',
      actor: { kind: 'USER', id: recruiter.userId },
      payload: { documentId: document.id, ownerId: person.userId, downloadedBy: recruiter.userId },
    });

    expect(await documentsOf(otherRecruiter, profileId)).toEqual([]);
    expect(await reference(otherRecruiter)).toBeNull();
    // The partner key reads the unlocked profile but not its documents: a download link names a person.
    const partnerRead = await request<{ profile: { id: string; documents: unknown[] } | null }>(
      world,
      partner,
      'query ($id: ID!) { profile(id: $id) { id documents { id } } }',
      { id: profileId },
    );
    expect(partnerRead.data!.profile).toEqual({ id: profileId, documents: [] });
    expect(await reference(partner)).toBeNull();
  });
});

describe('CV suggestions', () => {
  const key = (document: DocumentOf, field: string) =>
    document.reading.suggestions.find((suggestion) => suggestion.field === field && suggestion.applicable)!
      .key;

  it('writes accepted suggestions to the profile, all at once, with one ProfileUpdated', async () => {
    const { person, profileId, document } = await uploadedCv();
    const experience = key(document, 'EXPERIENCE');
    const skill = key(document, 'SKILL');
    const language = key(document, 'LANGUAGE');
    const payload = await succeed<{ profile: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      ACCEPT,
      {
        documentId: document.id,
        keys: [experience, skill, language],
      },
    );
    expect(payload.profile['experiences']).toEqual([
      { title: 'Backend developer', organizationName: 'Logiflow', startDate: '2021-03-01', endDate: null },
    ]);
    expect((payload.profile['skills'] as unknown[]).length).toBe(1);
    expect((payload.profile['languages'] as unknown[]).length).toBe(1);
    const events = await eventsOf(world, profileId);
    expect(events.map((event) => event.type)).toEqual(['profiles.ProfileCreated', 'profiles.ProfileUpdated']);
    expect(events[1]!.payload['changedParts']).toEqual(['experiences', 'skills', 'languages']);
    const again = await refusedWithoutWriting<{ acceptCvSuggestions: { errors: UserErrorOf[] } }>(
      world,
      person,
      ACCEPT,
      {
        input: { documentId: document.id, keys: [experience] },
      },
    );
    expect(again.data!.acceptCvSuggestions.errors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'SUGGESTION_ALREADY_DECIDED', field: ['input', 'keys', '0'] },
    ]);
  });

  it('refuses unknown keys and suggestions the profile has no place for, writing nothing', async () => {
    const { person, document } = await uploadedCv();
    const response = await refusedWithoutWriting<{ acceptCvSuggestions: { errors: UserErrorOf[] } }>(
      world,
      person,
      ACCEPT,
      {
        input: { documentId: document.id, keys: [key(document, 'SKILL'), 'no-such-key'] },
      },
    );
    expect(response.data!.acceptCvSuggestions.errors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'UNKNOWN_SUGGESTION', field: ['input', 'keys', '1'] },
    ]);
  });

  it('remembers rejected suggestions without touching the profile', async () => {
    const { person, profileId, document } = await uploadedCv();
    const skill = key(document, 'SKILL');
    const payload = await succeed<{
      document: { reading: { suggestions: { key: string }[] } };
      errors: UserErrorOf[];
    }>(world, person, REJECT, { documentId: document.id, keys: [skill] });
    expect(payload.document.reading.suggestions).toEqual([{ key: skill }]);
    expect((await eventsOf(world, profileId)).map((event) => event.type)).toEqual([
      'profiles.ProfileCreated',
    ]);
  });

  it("refuses someone else's document as unknown", async () => {
    const { document } = await uploadedCv();
    const response = await refusedWithoutWriting<{ acceptCvSuggestions: { errors: UserErrorOf[] } }>(
      world,
      newPerson(),
      ACCEPT,
      {
        input: { documentId: document.id, keys: [key(document, 'SKILL')] },
      },
    );
    expect(response.data!.acceptCvSuggestions.errors.map((error) => error.code)).toEqual([
      'DOCUMENT_NOT_FOUND',
    ]);
  });
});
