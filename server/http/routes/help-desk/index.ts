/**
 * The préfecture's help desk (docs/adr/0020-help-desk-substitution.md), agents and supervisors only,
 * after the second factor:
 *
 * - /api/v1/staff/help-desk/people: register a person who cannot use the online service, find them;
 * - /api/v1/staff/help-desk/people/:personId/…: the applicant's own routes (permits, VLS-TS,
 *   applications, documents, attestations), registered again from the same code for the person;
 * - /api/v1/staff/postal-mail: the letters to print and post to people without an email address.
 *
 * A person or a letter of another préfecture is 404. Reads and acts are written to the audit log.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import type { Env } from '../../../env';
import type { FileStorage } from '../../../adapters/storage/file-storage';
import type { Keyring } from '../../../adapters/signing/keyring';
import { AppError, requestLocale } from '../../problem';
import { auditOrigin } from '../../audit-origin';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { CsrfHeadersSchema } from '../../../../contract/accounts';
import {
  AssistedPersonListSchema,
  AssistedPersonSchema,
  InvitePersonBodySchema,
  PeopleQuerySchema,
  PersonParamsSchema,
  PostalMailItemSchema,
  PostalMailListSchema,
  PostalMailQuerySchema,
  RegisterPersonBodySchema,
} from '../../../../contract/help-desk';
import type { UploadLimits } from '../../../usecases/applications/context';
import type { StaffCaller } from '../../../usecases/back-office/staff-scope';
import { getPerson, listPeople, registerPerson } from '../../../usecases/help-desk/people';
import { invitePerson } from '../../../usecases/help-desk/invite';
import { accountsContext } from '../../../usecases/accounts/context';
import { listPostalMail, markPosted, renderPostalLetter } from '../../../usecases/help-desk/postal-mail';
import { helpDeskScope } from '../person-scope';
import { registerApplicationRoutes } from '../applications/index';
import { registerAttestationRoutes } from '../attestations/index';
import { registerPermitRoutes } from '../permits/index';
import { registerVlsTsRoutes } from '../vls-ts/index';
import { registerDecisionEstimateRoute } from '../statistics/index';

export interface HelpDeskRouteDeps {
  db: Db;
  env: Pick<Env, 'dataDir' | 'attestation' | 'publicUrl' | 'sessionIdleMinutes' | 'sessionMaxHours'>;
  now?: (() => Date) | undefined;
  storage: FileStorage;
  keys: () => Keyring;
  limits: UploadLimits;
}

const AGENTS = ['agent', 'supervisor'] as const;
const TAGS = ['help-desk'];
const ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS } as const;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

function staff(request: FastifyRequest): StaffCaller {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return { id: request.user.id, role: request.user.role };
}

export function registerHelpDeskRoutes(app: App, deps: HelpDeskRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  const ctx = { db: deps.db, now };
  const postal = { db: deps.db, now, publicUrl: deps.env.publicUrl };
  const accounts = accountsContext({ db: deps.db, env: deps.env, now });

  app.post(
    '/api/v1/staff/help-desk/people',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Register a person at the help desk (substitution route): identity, address in the desk’s département, mobile number, language, reason.',
        description:
          'The person gets an account without email or password: nobody signs in as them; the desk’s agents file for them with the routes below, and notices go by SMS (when a mobile number is given) and by post. ' +
          'Refused: `validation_failed` (400, field issues: `address_outside_prefecture`, `postal_code_departement`, `birth_date_*`, `nationality_code`; 422 `prefecture_not_yours` or `required` for `prefectureId`), ' +
          '`person_already_registered` (409: same names and birth date at this desk; the `Location` header names the existing person).',
        headers: CsrfHeadersSchema,
        body: RegisterPersonBodySchema,
        response: { 201: AssistedPersonSchema, 409: ProblemSchema, 422: ProblemSchema, ...ERRORS },
      },
    },
    async (request, reply) => reply.code(201).send(await registerPerson(ctx, staff(request), request.body, auditOrigin(request))),
  );

  app.get(
    '/api/v1/staff/help-desk/people',
    {
      config: { access: AGENTS },
      schema: { tags: TAGS, summary: 'The people registered at my préfectures’ desks, newest first (50); `q` matches a name, a birth date or a reference.', querystring: PeopleQuerySchema, response: { 200: AssistedPersonListSchema, ...ERRORS } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await listPeople(ctx, staff(request), request.query.q) };
    },
  );

  app.get(
    '/api/v1/staff/help-desk/people/:personId',
    {
      config: { access: AGENTS },
      schema: { tags: TAGS, summary: 'A person registered at one of my préfectures’ desks: identity, address, phone, the channels they are told on (audited).', params: PersonParamsSchema, response: { 200: AssistedPersonSchema, ...ERRORS } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getPerson(ctx, staff(request), request.params.personId, auditOrigin(request));
    },
  );

  app.post(
    '/api/v1/staff/help-desk/people/:personId/invitation',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Record the email address the person now has and send them a link to choose a password (their account then works like any other; audited).',
        description: 'Refused: `person_has_email` (409, they already have one), `email_taken` (409, another account uses it).',
        headers: CsrfHeadersSchema,
        params: PersonParamsSchema,
        body: InvitePersonBodySchema,
        response: { 200: AssistedPersonSchema, 409: ProblemSchema, ...ERRORS },
      },
    },
    async (request) => invitePerson(accounts, staff(request), request.params.personId, request.body, auditOrigin(request)),
  );

  // The applicant's own routes, for the person.
  const scope = helpDeskScope(ctx);
  registerPermitRoutes(app, { db: deps.db, now }, scope);
  registerVlsTsRoutes(app, { db: deps.db, now, keys: deps.keys }, scope);
  registerApplicationRoutes(app, { db: deps.db, env: deps.env, now, storage: deps.storage, limits: deps.limits }, scope);
  registerAttestationRoutes(app, { db: deps.db, now, keys: deps.keys, publicUrl: deps.env.publicUrl }, scope);
  registerDecisionEstimateRoute(app, deps.db, scope);

  app.get(
    '/api/v1/staff/postal-mail',
    {
      config: { access: AGENTS },
      schema: { tags: TAGS, summary: 'Letters to print and post to people without an email address (to_post: oldest first), or those posted (newest first).', querystring: PostalMailQuerySchema, response: { 200: PostalMailListSchema, ...ERRORS } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      reply.header('vary', 'accept-language');
      return { items: await listPostalMail(postal, staff(request), request.query.status ?? 'to_post', requestLocale(request)) };
    },
  );

  app.get(
    '/api/v1/staff/postal-mail/:id/pdf',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'The letter as a PDF for a window envelope, in the person’s language, followed by the attestation it announces (audited).',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }), ...ERRORS },
      },
    },
    async (request, reply) => {
      const { bytes, filename } = await renderPostalLetter(postal, staff(request), request.params.id, auditOrigin(request));
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).header('cache-control', 'private, no-store').send(Buffer.from(bytes));
    },
  );

  app.post(
    '/api/v1/staff/postal-mail/:id/posted',
    {
      config: { access: AGENTS },
      schema: { tags: TAGS, summary: 'Mark a letter posted (again: keeps the first date; audited).', headers: CsrfHeadersSchema, params: IdParams, response: { 200: PostalMailItemSchema, ...ERRORS } },
    },
    async (request) => markPosted(postal, staff(request), request.params.id, auditOrigin(request), requestLocale(request)),
  );
}
