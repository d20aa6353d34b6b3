import { describe, expect, it } from 'vitest';
import { applicantScope, helpDeskScope } from './person-scope';

describe(applicantScope.name, () => {
  it('keeps the applicant’s own API paths and personal-space links', () => {
    const scope = applicantScope();
    expect(scope.personId).toBeNull();
    expect(scope.api('/applications/a1/submit')).toBe('/applications/a1/submit');
    expect(scope.url('/attestations/t1/pdf?lang=fr')).toBe('/api/v1/attestations/t1/pdf?lang=fr');
    expect(scope.profilePath).toBe('/me/profile');
    expect(scope.paths).toMatchObject({ home: '/espace', visa: '/espace/visa', newApplication: '/espace/demandes/nouvelle' });
    expect(scope.paths.application('a1')).toBe('/espace/demandes/a1');
  });
});

describe(helpDeskScope.name, () => {
  it('prefixes the person’s API paths and links under the desk', () => {
    const scope = helpDeskScope('p1');
    expect(scope.personId).toBe('p1');
    expect(scope.api('/applications/a1/submit')).toBe('/staff/help-desk/people/p1/applications/a1/submit');
    expect(scope.url('/applications/a1/documents/d1/content')).toBe('/api/v1/staff/help-desk/people/p1/applications/a1/documents/d1/content');
    expect(scope.profilePath).toBe('/staff/help-desk/people/p1');
    expect(scope.paths).toMatchObject({ home: '/agent/guichet/p1', visa: '/agent/guichet/p1/visa', newApplication: '/agent/guichet/p1/demandes/nouvelle' });
    expect(scope.paths.application('a1')).toBe('/agent/guichet/p1/demandes/a1');
  });
});
