import { describe, expect, it } from 'vitest';
import { actorKindOf, canSeeDocument, isOwnedBy } from './applications';

const amina = { id: 'u-amina', role: 'applicant' as const };
const agent = { id: 'u-agent', role: 'agent' as const };

describe(isOwnedBy.name, () => {
  it('lets an applicant see their own objects only', () => {
    expect(isOwnedBy(amina, { userId: 'u-amina' })).toBe(true);
    expect(isOwnedBy(amina, { userId: 'u-other' })).toBe(false);
  });

  it('does not open applicants’ objects to staff through these routes (their own rules come later)', () => {
    expect(isOwnedBy(agent, { userId: 'u-agent' })).toBe(false);
  });
});

describe(canSeeDocument.name, () => {
  it('requires the document to belong to the application named in the address', () => {
    expect(canSeeDocument(amina, { userId: 'u-amina' }, { applicationId: 'a1' }, 'a1')).toBe(true);
    expect(canSeeDocument(amina, { userId: 'u-amina' }, { applicationId: 'a2' }, 'a1')).toBe(false);
  });
});

describe(actorKindOf.name, () => {
  it('maps an applicant to the applicant actor, and nobody else yet', () => {
    expect(actorKindOf(amina)).toBe('applicant');
    expect(actorKindOf(agent)).toBeUndefined();
  });
});
