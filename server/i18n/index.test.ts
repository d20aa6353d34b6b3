import { describe, expect, it } from 'vitest';
import { pickLocale, translate } from './index';

describe(pickLocale.name, () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.8,fr;q=0.7', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en;q=0.2,fr;q=0.5', 'fr'],
    ['ar,tr', 'fr'],
    ['en;q=0', 'fr'],
  ])('reads %s as %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});

describe(translate.name, () => {
  it('interpolates parameters in the chosen language', () => {
    expect(translate('en', 'errors:problems.payload_too_large.detail', { limit: 10 })).toContain('(10 bytes)');
    expect(translate('fr', 'errors:problems.payload_too_large.detail', { limit: 10 })).toContain('(10 octets)');
  });

  it('returns the key itself when it exists nowhere', () => {
    expect(translate('en', 'errors:problems.nope.title')).toBe('errors:problems.nope.title');
  });
});
