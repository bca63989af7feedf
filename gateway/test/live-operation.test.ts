import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { ENTITY_ID_VARIABLE, liveOperationOf, payloadQueryOf } from '../src/subscriptions/live-operation.ts';

const POST = { name: 'post', idArgument: 'id' };

describe('the subscription root field', () => {
  it('reads the field, its alias and its arguments with variables substituted', () => {
    const document = parse(
      'subscription Feed($community: ID!) { latest: postAdded(communityId: $community) { title } }',
    );
    expect(liveOperationOf(document, 'Feed', { community: 'c-1' })).toEqual({
      field: 'postAdded',
      responseKey: 'latest',
      args: { communityId: 'c-1' },
    });
  });

  it('refuses queries, mutations, several root fields, root fragments and root directives', () => {
    const refusals = [
      ['query { post(id: "1") { title } }', 'Only subscriptions go over the WebSocket'],
      ['mutation { logout { ended } }', 'Only subscriptions go over the WebSocket'],
      [
        'subscription { a: postAdded(communityId: "1") { id } b: postAdded(communityId: "2") { id } }',
        'exactly one',
      ],
      [
        'subscription { ...F } fragment F on Subscription { postAdded(communityId: "1") { id } }',
        'exactly one',
      ],
      ['subscription ($on: Boolean!) { postAdded(communityId: "1") @include(if: $on) { id } }', 'Directives'],
    ] as const;
    for (const [text, message] of refusals) {
      expect(() => liveOperationOf(parse(text), undefined, { on: true })).toThrow(message);
    }
  });
});

describe('the payload query', () => {
  it('reads the announced entity under the same response key, with the same selection and fragments', () => {
    const document = parse(`
      subscription Feed($community: ID!, $withAuthor: Boolean!) {
        postAdded(communityId: $community) { ...Fields author @include(if: $withAuthor) { displayName } }
      }
      fragment Fields on Post { id title }
    `);
    expect(payloadQueryOf(document, 'Feed', POST)).toBe(
      [
        `query Feed($withAuthor: Boolean!, $${ENTITY_ID_VARIABLE}: ID!) {`,
        `  postAdded: post(id: $${ENTITY_ID_VARIABLE}) {`,
        '    ...Fields',
        '    author @include(if: $withAuthor) {',
        '      displayName',
        '    }',
        '  }',
        '}',
        '',
        'fragment Fields on Post {',
        '  id',
        '  title',
        '}',
      ].join('\n'),
    );
  });

  it('keeps an alias as the response key and drops the variables only the root field used', () => {
    const document = parse('subscription ($c: ID!) { feed: postAdded(communityId: $c) { title } }');
    expect(payloadQueryOf(document, undefined, POST)).toBe(
      `query ($${ENTITY_ID_VARIABLE}: ID!) {\n  feed: post(id: $${ENTITY_ID_VARIABLE}) {\n    title\n  }\n}`,
    );
  });

  it('picks the named operation of a document holding several', () => {
    const document = parse(`
      subscription Posts { postAdded(communityId: "1") { id } }
      subscription Comments { commentAdded(postId: "2") { id } }
    `);
    const query = payloadQueryOf(document, 'Comments', { name: 'comment', idArgument: 'id' });
    expect(query).toContain('commentAdded: comment(id:');
    expect(query).not.toContain('Posts');
  });
});
