import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profiles, users } from '@talentgraph/demo-data';
import { graphqlRequest } from '@talentgraph/testing';
import { startTestSupergraph, type TestSupergraph } from './helpers.ts';

/**
 * CV documents through the gateway, as a web or mobile client uses them: the upload URL and the download
 * link the API gives lead to the gateway, which forwards them to the profiles subgraph.
 */
let supergraph: TestSupergraph;
let gatewayBase: string;

beforeAll(async () => {
  supergraph = await startTestSupergraph();
  gatewayBase = supergraph.gateway.url.replace('/graphql', '');
});

afterAll(async () => {
  await supergraph?.close();
});

const DEMO_PASSWORD = 'talentgraph-demo-2026';
const draftProfile = profiles.find((profile) => profile.status === 'DRAFT')!;
const owner = users.find((user) => user.id === draftProfile.userId)!;

/** The same path on the gateway under test (links name PUBLIC_API_URL, the gateway's public address). */
const onGateway = (url: string) => {
  const parsed = new URL(url);
  return `${gatewayBase}${parsed.pathname}${parsed.search}`;
};

async function signedIn(): Promise<Record<string, string>> {
  const response = await graphqlRequest<{ login: { session: { accessToken: string } } }>(
    supergraph.gateway.url,
    'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { session { accessToken } } }',
    { email: owner.email, password: DEMO_PASSWORD },
  );
  return { authorization: `Bearer ${response.data!.login.session.accessToken}` };
}

describe('CV documents through the gateway', () => {
  it('uploads a CV to the one-time URL and downloads it through the signed link', async () => {
    const headers = await signedIn();
    const requested = await graphqlRequest<{ requestCvUpload: { upload: { url: string } } }>(
      supergraph.gateway.url,
      'mutation ($input: RequestCvUploadInput!) { requestCvUpload(input: $input) { upload { url } errors { code } } }',
      { input: { profileId: draftProfile.id, fileName: 'hugo.txt' } },
      headers,
    );
    const cv = Buffer.from('Hugo Petit\nMachine learning student\n\nSKILLS\nPython, PyTorch, SQL\n');
    const uploaded = await fetch(onGateway(requested.data!.requestCvUpload.upload.url), {
      method: 'PUT',
      body: new Blob([cv]),
      headers: { 'content-type': 'text/plain' },
    });
    expect(uploaded.status).toBe(201);
    const listed = await graphqlRequest<{
      myProfile: { documents: { documentType: string; download: { url: string } }[] };
    }>(supergraph.gateway.url, '{ myProfile { documents { documentType download { url } } } }', {}, headers);
    const [document] = listed.data!.myProfile.documents;
    expect(document!.documentType).toBe('TEXT');
    const downloaded = await fetch(onGateway(document!.download.url));
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-disposition')).toContain('attachment; filename="hugo.txt"');
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(cv)).toBe(true);
  });

  it('refuses a body declared over 10 MB at the gateway, and methods other than GET and PUT', async () => {
    const tooLarge = await fetch(`${gatewayBase}/documents/uploads/any-token`, {
      method: 'PUT',
      body: new Blob([Buffer.alloc(10 * 1024 * 1024 + 1)]),
    });
    expect(tooLarge.status).toBe(413);
    const deleted = await fetch(`${gatewayBase}/documents/uploads/any-token`, { method: 'DELETE' });
    expect(deleted.status).toBe(405);
  });
});
