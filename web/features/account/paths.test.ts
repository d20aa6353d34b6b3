import { describe, expect, it } from 'vitest';
import { ACCOUNT_PAGES } from '../../../contract/accounts';
import { ACCOUNT_PATHS, safeReturnPath, signInPathReturningTo } from './paths';

describe('ACCOUNT_PATHS', () => {
  it('matches the pages the server links to', () => {
    for (const [name, path] of Object.entries(ACCOUNT_PAGES)) {
      expect(ACCOUNT_PATHS[name as keyof typeof ACCOUNT_PATHS], name).toBe(path);
    }
  });
});

describe(safeReturnPath.name, () => {
  it('keeps a path of this site, with its query string', () => {
    expect(safeReturnPath('/compte')).toBe('/compte');
    expect(safeReturnPath('/espace?onglet=1#haut')).toBe('/espace?onglet=1#haut');
  });

  it('refuses what could leave the site, the sign-in page itself and the API', () => {
    for (const value of [null, undefined, '', 'compte', '//evil.example', '/\\evil.example', 'https://evil.example/', '/connexion', '/connexion?retour=/x', '/api/v1/me', '/a\nb']) {
      expect(safeReturnPath(value), String(value)).toBeUndefined();
    }
  });

  it('builds the sign-in address that comes back', () => {
    expect(signInPathReturningTo('/compte')).toBe('/connexion?retour=%2Fcompte');
    expect(signInPathReturningTo('//evil.example')).toBe('/connexion');
  });
});
