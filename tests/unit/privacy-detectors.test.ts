import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findSensitive, isValidIban, passesLuhn } from '@/lib/privacy/detectors';
import { DEFAULT_SETTINGS } from '@/lib/privacy/settings';

const ALL = DEFAULT_SETTINGS.categories;

function found(text: string, enabled = ALL): [string, string][] {
  return findSensitive(text, enabled).map((m) => [m.category, text.slice(m.start, m.end)]);
}

describe('checksums', () => {
  it('Luhn accepts real test card numbers and rejects a changed digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5555555555554444')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });

  it('Luhn: changing any one digit breaks the checksum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (at, delta) => {
        const digits = '4111111111111111'.split('');
        digits[at] = String((Number(digits[at]) + delta) % 10);
        return !passesLuhn(digits.join(''));
      }),
    );
  });

  it('IBAN mod 97', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
  });
});

describe('findSensitive', () => {
  it('finds each category in running text', () => {
    const text =
      'Mail jane.doe@example.org, card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00 EUR, ' +
      'host 192.168.10.20 or 2001:db8::8a2e:370:7334, call +44 20 7946 0958 or (415) 555-0132.';
    expect(found(text)).toEqual([
      ['email', 'jane.doe@example.org'],
      ['card', '4111 1111 1111 1111'],
      ['iban', 'DE89 3704 0044 0532 0130 00'],
      ['ip', '192.168.10.20'],
      ['ip', '2001:db8::8a2e:370:7334'],
      ['phone', '+44 20 7946 0958'],
      ['phone', '(415) 555-0132'],
    ]);
  });

  it('leaves ordinary numbers readable: dates, times, amounts, invoice numbers, bad cards', () => {
    expect(found('Due 2026-11-24 at 12:30:45, total 1,234.56 EUR, invoice 2024-0042, order 4111111111111112')).toEqual([]);
  });

  it('honours switched-off categories', () => {
    const emailOff = { ...ALL, email: false };
    expect(found('write to a@b.co or 10.0.0.1', emailOff)).toEqual([['ip', '10.0.0.1']]);
  });
});
