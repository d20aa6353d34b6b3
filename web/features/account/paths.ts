/**
 * Addresses of the account pages. The first six are `ACCOUNT_PAGES` of contract/accounts.ts (the
 * server's emails and redirects point to them), repeated here so that the bundle does not pull that
 * module's schemas (and typebox) in; paths.test.ts checks they agree.
 */
export const ACCOUNT_PATHS = {
  register: '/compte/creer',
  signIn: '/connexion',
  /** `?token=…` */
  confirmEmail: '/compte/confirmer',
  forgotPassword: '/compte/mot-de-passe/oublie',
  /** `?token=…` */
  resetPassword: '/compte/mot-de-passe/reinitialiser',
  personalSpace: '/espace',
  /** Name, phone, language, email, password and sessions. */
  settings: '/compte',
} as const;

/** Query parameter of the sign-in page: where to go back after signing in (a path of this site). */
export const RETURN_PARAM = 'retour';
/** Query parameter of the sign-in page set by the identity-provider callback (`OIDC_ERROR_CODES`). */
export const OIDC_ERROR_PARAM = 'erreur';

/** The emailed links' secret: 32 random bytes in base64url (`TokenSchema` of the contract). */
export const EMAIL_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A path of this site to go back to after signing in, or undefined. Refuses anything that could
 * leave the site (`//host`, `/\host`, `https://…`) or loop back to the sign-in page.
 */
export function safeReturnPath(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || value.length > 500) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if ([...value].some((character) => character.charCodeAt(0) < 0x20)) return undefined;
  const pathname = value.split(/[?#]/)[0] ?? '';
  if (pathname === ACCOUNT_PATHS.signIn || pathname.startsWith('/api/')) return undefined;
  return value;
}

/** `/connexion?retour=/compte`: the sign-in page, then back to `path`. */
export function signInPathReturningTo(path: string): string {
  const back = safeReturnPath(path);
  return back === undefined ? ACCOUNT_PATHS.signIn : `${ACCOUNT_PATHS.signIn}?${new URLSearchParams({ [RETURN_PARAM]: back })}`;
}
