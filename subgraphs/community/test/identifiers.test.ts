import { describe, expect, it } from 'vitest';
import { communities } from '@talentgraph/demo-data';
import { isUuid } from '../src/domain/identifiers.ts';

describe('isUuid', () => {
  it('accepts UUIDs in either case', () => {
    expect(isUuid(communities[0]!.id)).toBe(true);
    expect(isUuid('3F2504E0-4F89-41D3-9A0C-0305E82C3301')).toBe(true);
  });

  it.each([
    '',
    'typescript-france',
    '3f2504e0-4f89-41d3-9a0c-0305e82c330',
    '3f2504e04f8941d39a0c0305e82c3301',
  ])('rejects %j', (value) => {
    expect(isUuid(value)).toBe(false);
  });

  it('rejects a UUID with anything around it', () => {
    expect(isUuid(` ${communities[0]!.id}`)).toBe(false);
    expect(isUuid(`${communities[0]!.id}\n`)).toBe(false);
  });
});
