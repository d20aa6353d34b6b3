import { describe, expect, it } from 'vitest';
import { normalizePassword, passwordRefusal } from './password';

describe(passwordRefusal.name, () => {
  it.each([
    ['a long passphrase', 'quatre chats sur le toit rouge', undefined],
    ['twelve varied characters', 'k7#Rq2!vLw9z', undefined],
    ['a non-Latin passphrase', 'ми́р и дру́жба 2027', undefined],
    ['11 characters', 'k7#Rq2!vLw9', 'password_too_short'],
    ['12 accented characters counted as characters, not bytes', 'éàèùçôîêâëïü', undefined],
    ['129 characters', 'a1b2c3d4e5f6'.repeat(11).slice(0, 129), 'password_too_long'],
    ['a common password of 12+ characters', 'qwerty123456', 'password_too_common'],
    ['a common word dressed with digits and symbols', 'Marseille2024!!', 'password_too_common'],
    ['a common word with an accent', 'Chocolàt12345678', 'password_too_common'],
    ['a repeated common word', 'azertyazerty', 'password_too_common'],
    ['the name of the service', 'Sejour-2027!!', 'password_too_common'],
    ['too few different characters', 'abababababab', 'password_too_common'],
  ] as const)('%s → %s', (_label, password, expected) => {
    expect(passwordRefusal(password)).toBe(expected);
  });

  it('refuses a password containing the local part of the address, in any case', () => {
    expect(passwordRefusal('Fatou.Ndiaye-Paris-75', { email: 'fatou.ndiaye@example.org' })).toBe('password_contains_email');
    expect(passwordRefusal('ndiaye-est-mon-nom', { email: 'fatou.ndiaye@example.org' })).toBe('password_contains_email');
  });

  it('ignores parts of the address too short to matter', () => {
    expect(passwordRefusal('k7#Rq2!vLw9z-ab', { email: 'ab@example.org' })).toBeUndefined();
  });
});

describe(normalizePassword.name, () => {
  it('makes composed and decomposed accents the same password', () => {
    expect(normalizePassword('e\u0301te\u0301')).toBe(normalizePassword('été'));
  });
});
