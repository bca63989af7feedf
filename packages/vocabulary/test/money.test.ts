import { describe, expect, it } from 'vitest';
import {
  MAX_MONEY_AMOUNT,
  amountFromStored,
  isCurrencyCode,
  minorUnitDigits,
  moneyAmountProblem,
  storedAmount,
} from '../src/money.ts';
import { isCountryCode } from '../src/countries.ts';

describe('currencies', () => {
  it('knows ISO 4217 codes in upper case only', () => {
    for (const code of ['EUR', 'USD', 'GBP', 'JPY', 'CHF', 'XOF']) expect(isCurrencyCode(code)).toBe(true);
    for (const code of ['eur', 'EU', 'EURO', 'ABC', '', '€']) expect(isCurrencyCode(code)).toBe(false);
  });

  it('tells how many decimals a currency has', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('BHD')).toBe(3);
  });
});

describe('moneyAmountProblem', () => {
  it('accepts positive amounts within bounds with the currency’s decimals', () => {
    for (const [amount, currency] of [
      [45_000, 'EUR'],
      [650.5, 'EUR'],
      [0.01, 'EUR'],
      [MAX_MONEY_AMOUNT, 'JPY'],
    ] as const) {
      expect(moneyAmountProblem(amount, currency)).toBeNull();
    }
  });

  it.each([
    [0, 'EUR', /positive/],
    [-1, 'EUR', /positive/],
    [Number.NaN, 'EUR', /positive/],
    [Number.POSITIVE_INFINITY, 'EUR', /positive/],
    [MAX_MONEY_AMOUNT + 1, 'EUR', /exceed/],
    [10.001, 'EUR', /at most 2 decimals/],
    [10.5, 'JPY', /at most 0 decimals/],
  ])('refuses %s %s', (amount, currency, message) => {
    expect(moneyAmountProblem(amount, currency)).toMatch(message);
  });

  it('stores exact decimals and reads them back', () => {
    expect(storedAmount(650.5, 'EUR')).toBe('650.50');
    expect(amountFromStored('650.50')).toBe(650.5);
  });
});

describe('isCountryCode', () => {
  it('accepts assigned ISO 3166-1 alpha-2 codes in upper case', () => {
    for (const code of ['FR', 'DE', 'GB', 'US', 'SN', 'CI', 'AX']) expect(isCountryCode(code)).toBe(true);
  });

  it('refuses lower case, unassigned, reserved and three-letter codes', () => {
    for (const code of ['fr', 'UK', 'EU', 'XX', 'ZZ', 'FRA', 'F', ''])
      expect(isCountryCode(code)).toBe(false);
  });
});
