/** The same limits as contract/profile.ts `PROFILE_LIMITS` (repeated to keep typebox out of the bundle; limits.test.ts checks they agree). */
export const PROFILE_LIMITS_WEB = { surname: 100, givenNames: 150, birthPlace: 120, addressLine: 200, city: 100, reason: 500 } as const;
