import { describe, expect, it } from 'vitest';
import { REPRESENTATION_SCOPE_VALUES, REPRESENTATIVE_KIND_VALUES } from '../../../contract/representations';
import { KINDS, SCOPES } from './representation-lists';

describe('representation lists', () => {
  it('are the same in the page and the contract', () => {
    expect([...SCOPES]).toEqual([...REPRESENTATION_SCOPE_VALUES]);
    expect([...KINDS]).toEqual([...REPRESENTATIVE_KIND_VALUES]);
  });
});
