/** The same lists as contract/representations.ts, repeated to keep typebox out of the bundle (representation-lists.test.ts checks they agree). */
export const SCOPES = ['applications:read', 'applications:correct', 'applications:withdraw', 'applications:documents'] as const;
export const KINDS = ['lawyer', 'association', 'family', 'other'] as const;
