import { describe, expect, it } from 'vitest';
import { requestIdFrom } from '../src/request-id.ts';

describe('requestIdFrom', () => {
  it('keeps a well-formed caller id', () => {
    expect(requestIdFrom('checkout-42.retry:1')).toBe('checkout-42.retry:1');
  });

  it('replaces ids that could forge log lines or flood them', () => {
    for (const hostile of ['a b', 'line\nbreak', 'x'.repeat(129), '']) {
      const id = requestIdFrom(hostile);
      expect(id).not.toBe(hostile);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('issues a fresh id when none is given', () => {
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
