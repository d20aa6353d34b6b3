/** Route schemas of /api/v1/applications and /api/v1/card-types. */
import type { Readable } from 'node:stream';
import { Type, type TObject } from 'typebox';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import {
  ApplicationListSchema,
  AnswerDocumentRequestParamsSchema,
  ApplicationSchema,
  CardTypeListSchema,
  CorrectDetailsBodySchema,
  CreateApplicationBodySchema,
  DocumentSchema,
  IdempotencyHeadersSchema,
  UpdateApplicationBodySchema,
} from '../../../../contract/applications';
import { CsrfHeadersSchema } from '../../../../contract/accounts';

const TAGS = ['applications'];
/** 401: not signed in; 403: not an applicant, or the anti-CSRF token is missing or wrong; 404: not one of the caller's. */
const SIGNED_IN_ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS } as const;
const ApplicationParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DocumentParams = Type.Object({ id: Type.String({ format: 'uuid' }), documentId: Type.String({ format: 'uuid' }) });
const ItemParams = Type.Object({ id: Type.String({ format: 'uuid' }), itemId: Type.String({ pattern: '^[a-z0-9_]{1,64}$', description: 'Checklist item id, e.g. `passport`.' }) });
const NoContent = Type.Null({ description: 'No content.' });

const UPLOAD_DESCRIPTION =
  'Send the file as `multipart/form-data` (one file part; its field name does not matter). The type is read from the content: PDF, JPEG or PNG, ' +
  'among those the item accepts (a PNG named `.pdf` is kept as a PNG, named `.png`; anything else — an executable renamed `.pdf` — is refused with ' +
  '`document_type_not_supported`). Refused too: an empty file (`document_empty`), a file over the per-file limit (`document_too_large`) or over what ' +
  'is left of the application’s allowance (`application_documents_too_large`), a PDF without `%PDF-` header, `%%EOF` or trailer ' +
  '(`document_pdf_malformed`), a password-protected PDF (`document_pdf_encrypted`). Nothing of a refused file is kept.';

export const listCardTypesSchema = {
  tags: TAGS,
  summary: 'The cards one can apply for: situation questions, supporting documents and fees, in the caller’s language.',
  description: 'Public. Fees are those in force today, each with its rule, article and whether the amount is confirmed.',
  response: { 200: CardTypeListSchema, ...COMMON_ERRORS },
};

export const createApplicationSchema = {
  tags: TAGS,
  summary: 'Start a draft application for a card type (needs the numéro d’étranger; follows the current permit).',
  description:
    'Refused with `application_too_early` (409, with the opening date) before the filing window opens [R-10]; accepted late, the draft’s ' +
    '`filing` then lists the consequences (180 € fee, no attestation de prolongation; entry conditions again after 6 months).',
  headers: CsrfHeadersSchema,
  body: CreateApplicationBodySchema,
  response: { 201: ApplicationSchema, 409: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const listApplicationsSchema = {
  tags: TAGS,
  summary: 'My applications, newest first, with their status.',
  response: { 200: ApplicationListSchema, ...SIGNED_IN_ERRORS },
};

export const getApplicationSchema = {
  tags: TAGS,
  summary: 'One of my applications: status, filing, checklist with its documents, requests and full history.',
  params: ApplicationParams,
  response: { 200: ApplicationSchema, ...SIGNED_IN_ERRORS },
};

export const updateApplicationSchema = {
  tags: TAGS,
  summary: 'Change a draft: card type, département, answers, tax stamp number.',
  headers: CsrfHeadersSchema,
  params: ApplicationParams,
  body: UpdateApplicationBodySchema,
  response: { 200: ApplicationSchema, 409: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const submitApplicationSchema = {
  tags: TAGS,
  summary: 'File the application: status, filing date (today, Paris), reference and history in one transaction; idempotent.',
  description:
    'Send an `Idempotency-Key` (e.g. a UUID drawn when the page is shown): repeating the request with it — a double click, a retry after a ' +
    'network error — returns the same filed application and reference (`Idempotent-Replayed: true`). Refused with `documents_missing` or ' +
    '`application_questions_unanswered` (409, `errors` name them), `application_too_early`, `application_already_submitted` (another key), ' +
    '`idempotency_key_reused` (422, the key filed another application); `identity_missing` (422, no applicant profile: the attestation de dépôt issued with the filing prints it).',
  headers: IdempotencyHeadersSchema,
  params: ApplicationParams,
  response: { 200: ApplicationSchema, 409: ProblemSchema, 422: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const withdrawApplicationSchema = {
  tags: TAGS,
  summary: 'Withdraw a draft or a filed application not yet decided.',
  headers: CsrfHeadersSchema,
  params: ApplicationParams,
  response: { 200: ApplicationSchema, 409: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const uploadDocumentSchema = {
  tags: TAGS,
  summary: 'Send a document for a checklist item (before filing, or added after filing and kept in the history).',
  description:
    `${UPLOAD_DESCRIPTION} After filing the document is kept for good (\`addedAfterFiling\`, an \`addDocument\` history row); for an item ` +
    'the préfecture asked for in the open request, the item’s file limit counts only the files sent since the request.',
  consumes: ['multipart/form-data'],
  headers: CsrfHeadersSchema,
  params: ItemParams,
  response: { 201: DocumentSchema, 409: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const replaceDocumentSchema = {
  tags: TAGS,
  summary: 'Replace a document of a draft by another file (same checklist item).',
  description: UPLOAD_DESCRIPTION,
  consumes: ['multipart/form-data'],
  headers: CsrfHeadersSchema,
  params: DocumentParams,
  response: { 200: DocumentSchema, 409: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const removeDocumentSchema = {
  tags: TAGS,
  summary: 'Remove a document from a draft.',
  headers: CsrfHeadersSchema,
  params: DocumentParams,
  response: { 204: NoContent, 409: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const readDocumentSchema = {
  tags: TAGS,
  summary: 'Download one of my documents (as sent, with the type found in its content).',
  params: DocumentParams,
  produces: ['application/pdf', 'image/jpeg', 'image/png'],
  response: {
    200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'The file, with `Content-Disposition: attachment`.' }),
    ...SIGNED_IN_ERRORS,
  },
};

export const answerDocumentRequestSchema = {
  tags: TAGS,
  summary: 'Answer the préfecture’s request for documents, once a new file is sent for every requested item.',
  description:
    'Send the files first (POST …/items/:itemId/documents, one or more per requested item), then this. The application goes back to ' +
    '`submitted`; the filing date, the in-time status and the right to an attestation de prolongation are kept [R-20, CESEDA R.431-11]. ' +
    'An answer after the due date is still taken and flagged `late` in the history. Returns the same body as GET /api/v1/applications/:id. ' +
    'Repeating the call once answered returns the same body (`Idempotent-Replayed: true`). Refused with `document_request_items_missing` ' +
    '(409, `errors` name the items without a new file), `document_request_already_answered` (an earlier request), ' +
    '`document_request_not_open` (the application is no longer waiting for it); 404 `document_request_not_found`.',
  headers: CsrfHeadersSchema,
  params: AnswerDocumentRequestParamsSchema,
  response: { 200: ApplicationSchema, 409: ProblemSchema, ...SIGNED_IN_ERRORS },
};

export const correctDetailsSchema = {
  tags: TAGS,
  summary: 'Correct my details (answers to the situation questions) after filing; recorded in the history, old → new.',
  description:
    'Allowed while the application is open (submitted, documents requested, complete). The answers given replace those of the same ' +
    'questions; the history row lists each field changed with its old and new value and the day. Refused with `application_correction_empty` ' +
    '(nothing differs), `application_correction_draft` (a draft is changed with PATCH), `application_closed` (decided or withdrawn).',
  headers: CsrfHeadersSchema,
  params: ApplicationParams,
  body: CorrectDetailsBodySchema,
  response: { 200: ApplicationSchema, 409: ProblemSchema, ...SIGNED_IN_ERRORS },
};

/**
 * The same route for a representative, under /api/v1/represented/:representationId/applications/…
 * (docs/adr/0013-representatives.md): same body and answers, the parameters given (the route's own
 * plus `representationId`), and the scope it needs named in the summary.
 */
export function asRepresentative<S extends { summary: string }, Q extends TObject>(schema: S, scope: string, params: Q): Omit<S, 'params' | 'tags'> & { tags: string[]; params: Q } {
  return {
    ...schema,
    tags: ['representations'],
    summary: `As a representative (scope ${scope}): ${schema.summary.charAt(0).toLowerCase()}${schema.summary.slice(1)}`,
    params,
  };
}

const RepresentationId = Type.String({ format: 'uuid' });
export const RepresentedDocumentParams = Type.Object({ representationId: RepresentationId, ...DocumentParams.properties });
export const RepresentedItemParams = Type.Object({ representationId: RepresentationId, ...ItemParams.properties });
export const RepresentedRequestParams = Type.Object({ representationId: RepresentationId, ...AnswerDocumentRequestParamsSchema.properties });

export const renderLetterSchema = {
  tags: TAGS,
  summary: 'Draft a registered letter to the préfecture about my application, as a PDF ready to print, sign and post.',
  description:
    '`no_answer`: while the application is pending, asks for its progress and, if needed, the attestation de prolongation [R-41, R-42, R-31]. ' +
    '`reasons_request`: after an implicit rejection arose and within the time limit to go to court, asks for its reasons [R-41, R-58, R-56]. ' +
    'The letter is in French; with `Accept-Language: en` a translation page marked "do not send" follows. 409 `letter_not_available` when the letter does not fit the situation.',
  params: Type.Object({ id: Type.String({ format: 'uuid' }), kind: Type.Union([Type.Literal('no_answer'), Type.Literal('reasons_request')]) }),
  querystring: Type.Object(
    { lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')], { description: 'Language of the explanation page; default from Accept-Language.' })) },
    { additionalProperties: false },
  ),
  produces: ['application/pdf'],
  response: {
    200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The PDF, with `Content-Disposition: attachment`.' }),
    409: ProblemSchema,
    ...SIGNED_IN_ERRORS,
  },
};
