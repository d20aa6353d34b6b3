import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY, pickInitialLanguage, readStoredLanguage, storeLanguage, toSupportedLanguage } from './language';

describe(pickInitialLanguage.name, () => {
  it('keeps the language the user chose before', () => {
    expect(pickInitialLanguage({ stored: 'en', browserLanguages: ['fr-FR'] })).toBe('en');
    expect(pickInitialLanguage({ stored: 'fr', browserLanguages: ['en-US'] })).toBe('fr');
  });

  it('ignores a stored value that is not a supported language', () => {
    expect(pickInitialLanguage({ stored: 'de', browserLanguages: ['fr-FR'] })).toBe('fr');
    expect(pickInitialLanguage({ stored: '', browserLanguages: ['en-GB'] })).toBe('en');
  });

  it('takes the first supported language in the browser preferences, in their order', () => {
    expect(pickInitialLanguage({ stored: null, browserLanguages: ['fr-FR', 'en-US'] })).toBe('fr');
    expect(pickInitialLanguage({ stored: null, browserLanguages: ['en-US', 'fr'] })).toBe('en');
    expect(pickInitialLanguage({ stored: null, browserLanguages: ['ar-MA', 'fr-MA', 'en'] })).toBe('fr');
    expect(pickInitialLanguage({ stored: null, browserLanguages: ['FR_ca'] })).toBe('fr');
  });

  it('chooses English when the browser prefers only languages we do not offer', () => {
    expect(pickInitialLanguage({ stored: null, browserLanguages: ['es-ES', 'pt-BR'] })).toBe('en');
  });

  it('chooses French when nothing is known', () => {
    expect(pickInitialLanguage({ stored: null, browserLanguages: [] })).toBe('fr');
    expect(pickInitialLanguage({ stored: undefined, browserLanguages: undefined })).toBe('fr');
  });
});

describe(toSupportedLanguage.name, () => {
  it('reduces a language tag to a supported language, or nothing', () => {
    expect(toSupportedLanguage('en-GB')).toBe('en');
    expect(toSupportedLanguage(' fr ')).toBe('fr');
    expect(toSupportedLanguage('french')).toBeUndefined();
    expect(toSupportedLanguage('')).toBeUndefined();
  });
});

describe('language storage', () => {
  it('stores and reads the choice under one key', () => {
    const values = new Map<string, string>();
    const storage = { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
    storeLanguage(storage, 'en');
    expect(values.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readStoredLanguage(storage)).toBe('en');
  });

  it('survives a storage that throws (private browsing, storage disabled)', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readStoredLanguage(broken)).toBeNull();
    expect(() => storeLanguage(broken, 'fr')).not.toThrow();
    expect(readStoredLanguage(undefined)).toBeNull();
  });
});
