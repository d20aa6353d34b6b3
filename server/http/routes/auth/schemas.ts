/** Route schemas of /api/v1/auth: every status each route can answer, for validation and OpenAPI. */
import { Type } from 'typebox';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import {
  AcceptedSchema,
  AuthOptionsSchema,
  ConfirmEmailBodySchema,
  ConfirmEmailResultSchema,
  CsrfTokenSchema,
  NoContentSchema,
  PasswordResetConfirmBodySchema,
  PasswordResetRequestBodySchema,
  RedirectSchema,
  RegisterBodySchema,
  SignInBodySchema,
  SignInResultSchema,
} from '../../../../contract/accounts';
import { CsrfHeadersSchema } from '../../../../contract/accounts';

const TAGS = ['accounts'];

export const registerSchema = {
  tags: TAGS,
  summary: 'Create an applicant account; a confirmation link is emailed (the answer is the same if the address already has an account).',
  headers: CsrfHeadersSchema,
  body: RegisterBodySchema,
  response: { 202: AcceptedSchema, 403: ProblemSchema, ...COMMON_ERRORS },
};

export const confirmEmailSchema = {
  tags: TAGS,
  summary: 'Follow an emailed confirmation link: activates a new account, or moves the account to its new address.',
  body: ConfirmEmailBodySchema,
  response: { 200: ConfirmEmailResultSchema, 409: ProblemSchema, 410: ProblemSchema, ...COMMON_ERRORS },
};

export const signInSchema = {
  tags: TAGS,
  summary: 'Sign in with email and password; sets the `sejour_session` and `sejour_csrf` cookies.',
  description:
    'Repeated failures are slowed, then locked for 15 minutes (429 with Retry-After), per address and per client. The answer never says whether an account uses the address.',
  headers: CsrfHeadersSchema,
  body: SignInBodySchema,
  response: { 200: SignInResultSchema, 401: ProblemSchema, 403: ProblemSchema, ...COMMON_ERRORS },
};

export const signOutSchema = {
  tags: TAGS,
  summary: "End this browser's session and remove its cookie.",
  headers: CsrfHeadersSchema,
  response: { 204: NoContentSchema, 403: ProblemSchema, ...COMMON_ERRORS },
};

export const passwordResetRequestSchema = {
  tags: TAGS,
  summary: 'Ask for a password reset link by email (valid 1 hour); the answer is the same whether or not an account uses the address.',
  body: PasswordResetRequestBodySchema,
  response: { 202: AcceptedSchema, ...COMMON_ERRORS },
};

export const passwordResetConfirmSchema = {
  tags: TAGS,
  summary: 'Set a new password with an emailed reset link; every session of the account ends.',
  body: PasswordResetConfirmBodySchema,
  response: { 204: NoContentSchema, 410: ProblemSchema, ...COMMON_ERRORS },
};

export const csrfSchema = {
  tags: TAGS,
  summary: 'The anti-CSRF token to send as `x-csrf-token` on state-changing account requests (also set as the `sejour_csrf` cookie).',
  response: { 200: CsrfTokenSchema, ...COMMON_ERRORS },
};

export const optionsSchema = {
  tags: TAGS,
  summary: 'How one can sign in here: password rules, and whether the identity provider is offered.',
  response: { 200: AuthOptionsSchema, ...COMMON_ERRORS },
};

export const oidcStartSchema = {
  tags: TAGS,
  summary: 'Start signing in with the identity provider (FranceConnect-like): redirects the browser to it.',
  response: { 302: RedirectSchema, 404: ProblemSchema, ...COMMON_ERRORS },
};

export const oidcCallbackSchema = {
  tags: TAGS,
  summary:
    'Where the identity provider sends the browser back: opens a session and redirects to /espace, or to /connexion?erreur=<code> when it fails.',
  querystring: Type.Object(
    {
      code: Type.Optional(Type.String({ maxLength: 2048 })),
      state: Type.Optional(Type.String({ maxLength: 512 })),
      iss: Type.Optional(Type.String({ maxLength: 512 })),
      error: Type.Optional(Type.String({ maxLength: 256 })),
      error_description: Type.Optional(Type.String({ maxLength: 2048 })),
    },
    { additionalProperties: true },
  ),
  response: { 302: RedirectSchema, ...COMMON_ERRORS },
};
