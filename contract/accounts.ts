/**
 * Accounts, sessions and sign-in: request and response bodies shared by the server and the web.
 *
 * Browser clients: every state-changing call that uses the session cookie (sign-in, register,
 * sign-out, everything under /me) carries the `x-csrf-token` header with the value of the
 * `sejour_csrf` cookie (readable by scripts), or the `token` of `GET /api/v1/auth/csrf`.
 */
import { Type, type Static } from 'typebox';

export const SESSION_COOKIE = 'sejour_session';
export const CSRF_COOKIE = 'sejour_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Front-end pages that emails and redirects point to (relative to PUBLIC_URL). */
export const ACCOUNT_PAGES = {
  register: '/compte/creer',
  signIn: '/connexion',
  /** `?token=…`: confirms a new account's address or a new address (one API call for both). */
  confirmEmail: '/compte/confirmer',
  forgotPassword: '/compte/mot-de-passe/oublie',
  /** `?token=…` */
  resetPassword: '/compte/mot-de-passe/reinitialiser',
  personalSpace: '/espace',
} as const;

/**
 * Why an identity-provider sign-in came back to the sign-in page (`/connexion?erreur=<code>`):
 * cancelled by the person, expired (more than 10 minutes, or cookies blocked), failed (provider
 * or network), no verified email from the provider, or an agent account (staff sign in with a
 * password).
 */
export const OIDC_ERROR_CODES = ['oidc_cancelled', 'oidc_expired', 'oidc_failed', 'oidc_email_unverified', 'oidc_not_allowed'] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

export const LocaleSchema = Type.Union([Type.Literal('fr'), Type.Literal('en')], {
  description: 'Language of emails and messages.',
});

export const EmailSchema = Type.String({ format: 'email', maxLength: 254, examples: ['amina.diallo@example.org'] });

/** Rules are checked by the server with a reason code (see `PasswordRulesSchema`), not by the schema. */
const NewPasswordSchema = Type.String({
  maxLength: 1024,
  description: 'At least 12 characters (at most 128); not a common password; not containing the address before the @.',
});
const PasswordSchema = Type.String({ minLength: 1, maxLength: 1024 });
const TokenSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: 'The `token` parameter of the link sent by email.' });

export const DisplayNameSchema = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', examples: ['Amina Diallo'] });
export const PhoneSchema = Type.String({
  pattern: '^\\+[1-9][0-9]{6,14}$',
  description: 'International format (E.164), e.g. +33612345678.',
  examples: ['+33612345678'],
});

export const RoleSchema = Type.Union([
  Type.Literal('applicant'),
  Type.Literal('agent'),
  Type.Literal('supervisor'),
  Type.Literal('admin'),
]);

export const MeSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  locale: LocaleSchema,
  phone: Type.Union([Type.String(), Type.Null()]),
  emailVerified: Type.Boolean(),
  /** False for accounts that sign in only through the identity provider. */
  hasPassword: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type MeBody = Static<typeof MeSchema>;

export const RegisterBodySchema = Type.Object(
  {
    email: EmailSchema,
    password: NewPasswordSchema,
    displayName: DisplayNameSchema,
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBodySchema>;

export const AcceptedSchema = Type.Object(
  { status: Type.Literal('accepted') },
  {
    description:
      'Taken into account. The answer is the same whether or not an account uses the address: the owner of the address receives an email saying what to do.',
  },
);
export type AcceptedBody = Static<typeof AcceptedSchema>;

export const ConfirmEmailBodySchema = Type.Object({ token: TokenSchema }, { additionalProperties: false });
export const ConfirmEmailResultSchema = Type.Object({
  purpose: Type.Union([Type.Literal('confirm_email'), Type.Literal('change_email')], {
    description: '`confirm_email`: a new account is active; `change_email`: the account now uses this address.',
  }),
  email: Type.String(),
});
export type ConfirmEmailResultBody = Static<typeof ConfirmEmailResultSchema>;

export const SignInBodySchema = Type.Object({ email: EmailSchema, password: PasswordSchema }, { additionalProperties: false });
export type SignInBody = Static<typeof SignInBodySchema>;

export const SignInResultSchema = Type.Object({
  user: MeSchema,
  csrfToken: Type.String({ description: 'Also in the `sejour_csrf` cookie: send it as `x-csrf-token` from now on.' }),
});
export type SignInResultBody = Static<typeof SignInResultSchema>;

export const CsrfTokenSchema = Type.Object({
  token: Type.String({ description: 'Send as the `x-csrf-token` header; also set as the `sejour_csrf` cookie.' }),
});

export const PasswordResetRequestBodySchema = Type.Object(
  { email: EmailSchema, locale: Type.Optional(LocaleSchema) },
  { additionalProperties: false },
);
export const PasswordResetConfirmBodySchema = Type.Object(
  { token: TokenSchema, newPassword: NewPasswordSchema },
  { additionalProperties: false },
);

export const UpdateMeBodySchema = Type.Object(
  {
    displayName: Type.Optional(DisplayNameSchema),
    phone: Type.Optional(Type.Union([PhoneSchema, Type.Null()], { description: 'null removes the number.' })),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeBody = Static<typeof UpdateMeBodySchema>;

export const ChangeEmailBodySchema = Type.Object(
  {
    newEmail: EmailSchema,
    password: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1024, description: 'Current password; required when the account has one.' }),
    ),
  },
  { additionalProperties: false },
);
export type ChangeEmailBody = Static<typeof ChangeEmailBodySchema>;

export const ChangePasswordBodySchema = Type.Object(
  { currentPassword: PasswordSchema, newPassword: NewPasswordSchema },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBodySchema>;

export const SessionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  device: Type.Union([Type.String(), Type.Null()], {
    description: 'Browser and system, e.g. `Firefox · Android`; null when unknown.',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time', description: 'Latest end: earlier if left unused.' }),
  current: Type.Boolean({ description: 'The session making this request.' }),
});
export const SessionListSchema = Type.Object({ items: Type.Array(SessionSchema) });
export type SessionListBody = Static<typeof SessionListSchema>;

export const AuthOptionsSchema = Type.Object({
  password: Type.Object({ minLength: Type.Integer(), maxLength: Type.Integer() }),
  oidc: Type.Object({
    enabled: Type.Boolean({ description: 'Whether "sign in with the identity provider" is offered.' }),
    startUrl: Type.String({ description: 'Navigate the browser here to start it.' }),
  }),
});
export type AuthOptionsBody = Static<typeof AuthOptionsSchema>;

export const NoContentSchema = Type.Null({ description: 'Done; no body.' });
export const RedirectSchema = Type.Null({ description: 'Redirect: see the Location header.' });

/** The request header every state-changing route documents: the anti-CSRF token (ADR 0003). */
export const CsrfHeadersSchema = Type.Object(
  { [CSRF_HEADER]: Type.Optional(Type.String({ description: 'Value of the `sejour_csrf` cookie (see GET /api/v1/auth/csrf).' })) },
  { additionalProperties: true },
);
