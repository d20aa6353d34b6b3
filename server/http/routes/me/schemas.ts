/** Route schemas of /api/v1/me: the signed-in person's account and sessions. */
import { Type } from 'typebox';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import {
  AcceptedSchema,
  ChangeEmailBodySchema,
  ChangePasswordBodySchema,
  MeSchema,
  NoContentSchema,
  SessionListSchema,
  UpdateMeBodySchema,
} from '../../../../contract/accounts';
import { CsrfHeadersSchema } from '../../../../contract/accounts';

const TAGS = ['me'];
/** 401: not signed in (or the session ended); 403: anti-CSRF token missing or wrong. */
const SIGNED_IN_ERRORS = { 401: ProblemSchema, 403: ProblemSchema, ...COMMON_ERRORS } as const;

export const getMeSchema = {
  tags: TAGS,
  summary: "The signed-in person's account.",
  response: { 200: MeSchema, 401: ProblemSchema, ...COMMON_ERRORS },
};

export const updateMeSchema = {
  tags: TAGS,
  summary: 'Change display name, phone number or language (of emails and messages).',
  headers: CsrfHeadersSchema,
  body: UpdateMeBodySchema,
  response: { 200: MeSchema, ...SIGNED_IN_ERRORS },
};

export const changeEmailSchema = {
  tags: TAGS,
  summary: 'Ask to use another email address: a link is sent to it, and nothing changes until it is followed.',
  headers: CsrfHeadersSchema,
  body: ChangeEmailBodySchema,
  response: { 202: AcceptedSchema, ...SIGNED_IN_ERRORS },
};

export const changePasswordSchema = {
  tags: TAGS,
  summary: 'Change the password (the current one is asked again); every other session ends.',
  headers: CsrfHeadersSchema,
  body: ChangePasswordBodySchema,
  response: { 204: NoContentSchema, 409: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const listSessionsSchema = {
  tags: TAGS,
  summary: 'Active sessions of this account (browser, system, last activity), most recent first.',
  response: { 200: SessionListSchema, 401: ProblemSchema, ...COMMON_ERRORS },
};

export const endSessionSchema = {
  tags: TAGS,
  summary: 'Sign out one session (another device, or this one).',
  headers: CsrfHeadersSchema,
  params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
  response: { 204: NoContentSchema, 404: ProblemSchema, ...SIGNED_IN_ERRORS },
};
