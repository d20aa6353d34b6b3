/** /api/v1/vls-ts: record the VLS-TS one entered France with, and validate it online. */
import type { Keyring } from '../../../adapters/signing/keyring';
import { Type } from 'typebox';
import type { App } from '../../app';
import { SELF, type PersonScope } from '../person-scope';
import type { Db } from '../../../db/client';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { PermitSchema, RecordVlsTsBodySchema, ValidateVlsTsBodySchema, VlsTsValidationSchema } from '../../../../contract/applications';
import { recordVlsTs } from '../../../usecases/vls-ts/record-vls-ts';
import { validateVlsTs } from '../../../usecases/vls-ts/validate-vls-ts';

const TAGS = ['vls-ts'];
const SIGNED_IN_ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS } as const;


export function registerVlsTsRoutes(app: App, deps: { db: Db; now?: (() => Date) | undefined; keys?: () => Keyring }, scope: PersonScope = SELF): void {
  const ctx = { db: deps.db, now: deps.now ?? (() => new Date()), keys: deps.keys };

  app.post(
    `${scope.prefix}/vls-ts`,
    {
      config: { access: scope.access },
      schema: scope.schema({
        tags: TAGS,
        summary: 'Record my VLS-TS (dates printed on the visa, day of entry); the answer says by which date to validate it.',
        description: 'The deadline engine checks the visa (at most one year, entry within its validity): its issues come as a 400 whose `errors` name the fields.',
        body: RecordVlsTsBodySchema,
        response: { 201: PermitSchema, ...SIGNED_IN_ERRORS },
      }),
    },
    async (request, reply) => reply.code(201).send(await recordVlsTs(ctx, await scope.viewer(request), request.body)),
  );

  app.post(
    `${scope.prefix}/vls-ts/:id/validation`,
    {
      config: { access: scope.access },
      schema: scope.schema({
        tags: TAGS,
        summary: 'Validate my VLS-TS online: address in France and tax stamp; gives my numéro d’étranger.',
        description:
          'Possible until entry + 3 months [R-01] (never after the visa ends). Afterwards: `vls_ts_validation_too_late` (409) — the visa no longer ' +
          'covers a stay beyond 3 months and the person must contact their préfecture. Also refused: `vls_ts_not_entered_yet`, ' +
          '`vls_ts_already_validated`, `tax_stamp_already_used`.',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: ValidateVlsTsBodySchema,
        response: { 200: VlsTsValidationSchema, 409: ProblemSchema, 422: ProblemSchema, ...SIGNED_IN_ERRORS },
      }),
    },
    async (request) => validateVlsTs(ctx, await scope.viewer(request), { ...request.body, permitId: request.params.id }),
  );
}
