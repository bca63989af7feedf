import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { operationRules } from '../src/limits.ts';
import {
  PersistedOperations,
  PinnedDocumentStore,
  limitsOf,
  readManifest,
  readPartnerOperationIds,
  sha256,
} from '../src/persisted-operations.ts';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';

const root = new URL('../../', import.meta.url);
const schema = Supergraph.build(readFileSync(new URL('schema/supergraph.graphql', root), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();
const manifestPath = new URL('schema/persisted-queries.json', root).pathname;
const partnerIds = readPartnerOperationIds(new URL('schema/partner-operations.json', root).pathname);
const rules = operationRules(limitsOf(loadConfig({})));

function manifestFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'persisted-queries.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('the persisted-operation manifest', () => {
  it('holds every operation of schema/operations, partners and apps, with the README examples unchanged', () => {
    const manifest = readManifest(manifestPath);
    expect(manifest.map((operation) => operation.name)).toEqual(
      expect.arrayContaining([
        'PublishedOffers',
        'Offer',
        'OrganizationOffers',
        'UpcomingEvents',
        'AroundTheOrganizations',
        'OffersWithBestCandidates',
        'SignIn',
        'Me',
        'PostAdded',
        'CommentAdded',
        'NotificationAdded',
      ]),
    );
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) =>
      print(parse(match[1]!)),
    );
    const files = ['app/OffersWithBestCandidates', 'partners/AroundTheOrganizations'].map((file) =>
      print(parse(readFileSync(new URL(`schema/operations/${file}.graphql`, root), 'utf8'))),
    );
    expect(examples.slice(0, 2)).toEqual(files);
  });

  it('is prepared once against the served schema: every operation parsed and validated', () => {
    const operations = PersistedOperations.prepare(readManifest(manifestPath), schema, rules, partnerIds);
    const offer = readManifest(manifestPath).find((operation) => operation.name === 'Offer')!;
    expect(operations.size).toBe(readManifest(manifestPath).length);
    expect(operations.get(offer.id)!.document.kind).toBe('Document');
    expect(operations.get(sha256('{ offers { totalCount } }'))).toBeUndefined();
  });

  it('stops the start when an operation breaks a limit of this deployment, naming it', () => {
    const strict = operationRules({ ...limitsOf(loadConfig({})), maxDepth: 3 });
    expect(() => PersistedOperations.prepare(readManifest(manifestPath), schema, strict, partnerIds)).toThrow(
      /OffersWithBestCandidates: Query depth limit of 3 exceeded/,
    );
  });

  it('marks the operations of schema/operations/partners, and only those, as published for partners', () => {
    const operations = PersistedOperations.prepare(readManifest(manifestPath), schema, rules, partnerIds);
    const forPartners = readManifest(manifestPath)
      .filter((operation) => operations.get(operation.id)!.forPartners)
      .map((operation) => operation.name)
      .sort();
    expect(forPartners).toEqual(
      ['AroundTheOrganizations', 'Offer', 'OrganizationOffers', 'PublishedOffers', 'UpcomingEvents'].sort(),
    );
  });

  it('stops the start when a partner operation id is not in the manifest (files not generated together)', () => {
    const body = 'query A { offers(first: 1) { totalCount } }';
    const operation = { id: sha256(body), name: 'A', type: 'query' as const, body };
    expect(() =>
      PersistedOperations.prepare([operation], schema, rules, new Set([sha256('query B { me { id } }')])),
    ).toThrow(/partner operation [0-9a-f]{64} is not in the manifest/);
  });

  it('refuses a partner operation list of another shape', () => {
    expect(() => readPartnerOperationIds(manifestFile({ operations: [{ id: 'x' }] }))).toThrow(
      /not a list of partner operation ids/,
    );
  });

  it('stops the start when an operation no longer matches the schema', () => {
    const body = 'query Gone { offers(first: 1) { salaryInBitcoin } }';
    const operation = { id: sha256(body), name: 'Gone', type: 'query' as const, body };
    expect(() => PersistedOperations.prepare([operation], schema, rules, new Set())).toThrow(
      /Gone: Cannot query field/,
    );
  });

  it('refuses a file whose ids are not the SHA-256 of their bodies, or of another format', () => {
    const body = 'query A { offers(first: 1) { totalCount } }';
    const operation = { id: sha256(body), name: 'A', type: 'query', body };
    const format = { format: 'apollo-persisted-query-manifest', version: 1 };
    expect(readManifest(manifestFile({ ...format, operations: [operation] }))).toEqual([operation]);
    expect(() =>
      readManifest(manifestFile({ ...format, operations: [{ ...operation, id: sha256('other') }] })),
    ).toThrow(/not the SHA-256 of its body/);
    expect(() => readManifest(manifestFile({ ...format, version: 2, operations: [] }))).toThrow(
      /not an apollo-persisted-query-manifest of version 1/,
    );
  });

  it("answers manifest documents from the start-time parse, whatever Apollo Server's key prefix", async () => {
    const operations = PersistedOperations.prepare(readManifest(manifestPath), schema, rules, partnerIds);
    const offer = readManifest(manifestPath).find((operation) => operation.name === 'Offer')!;
    const others = new InMemoryLRUCache<ReturnType<typeof parse>>();
    const store = new PinnedDocumentStore(() => operations, others);
    expect(await store.get(`schemahash:${offer.id}`)).toBe(operations.get(offer.id)!.document);
    const adHoc = parse('{ offers(first: 1) { totalCount } }');
    await store.set('schemahash:other', adHoc);
    expect(await store.get('schemahash:other')).toBe(adHoc);
    expect(await others.get('schemahash:other')).toBe(adHoc);
  });
});
