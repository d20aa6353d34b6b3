/**
 * Public transparency statistics (issue 9, docs/adr/0015-public-statistics.md): read from
 * `prefecture_statistics`, computed daily by the `statistics.compute` job. Everything public;
 * suppressed cells are null ("not enough data").
 */
import { Type } from 'typebox';
import type { App } from '../../app';
import { SELF, type PersonScope } from '../person-scope';
import type { Db } from '../../../db/client';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import {
  CardTypeFilter,
  DecisionEstimateBodySchema,
  OpenDataSchema,
  StatisticsMapSchema,
  StatisticsMeasureSchema,
  StatisticsScope,
  StatisticsTrendSchema,
  StatisticsWindowSchema,
  type StatisticsMeasure,
} from '../../../../contract/statistics';
import { AppError } from '../../problem';
import { readDecisionEstimate } from '../../../usecases/statistics/read-decision-estimate';
import { OPEN_DATA_LICENCE, readLatest, readOpenData, readTrend, toCsv } from '../../../usecases/statistics/read-statistics';

const SCHEMA_DOC = 'https://github.com/sejour/sejour/blob/main/docs/open-data.md';

export function registerStatisticsRoutes(app: App, deps: { db: Db }): void {
  app.get(
    '/api/v1/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary: 'The latest figures of every prefecture and of France, with the chosen measure for the map.',
        querystring: Type.Object(
          {
            measure: Type.Optional(StatisticsMeasureSchema),
            window: Type.Optional(StatisticsWindowSchema),
            cardType: Type.Optional(CardTypeFilter),
          },
          { additionalProperties: false },
        ),
        response: { 200: StatisticsMapSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const measure: StatisticsMeasure = request.query.measure ?? 'prolongation_median_days';
      const windowDays = Number(request.query.window ?? '90');
      const cardType = request.query.cardType ?? 'all';
      const latest = await readLatest(deps.db, windowDays, cardType);
      return {
        computedOn: latest.computedOn,
        window: windowDays,
        cardType,
        measure,
        items: latest.items.map((item) => ({ ...item, value: item.figures[measure] })),
      };
    },
  );

  app.get(
    '/api/v1/statistics/:scope',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary: 'One département’s (or France’s) figures over every computed day: its trend.',
        params: Type.Object({ scope: StatisticsScope }),
        querystring: Type.Object({ window: Type.Optional(StatisticsWindowSchema), cardType: Type.Optional(CardTypeFilter) }, { additionalProperties: false }),
        response: { 200: StatisticsTrendSchema, 404: ProblemSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const windowDays = Number(request.query.window ?? '90');
      const cardType = request.query.cardType ?? 'all';
      const { scope } = request.params;
      if (scope !== 'FR') {
        const latest = await readLatest(deps.db, windowDays, cardType);
        if (!latest.items.some((i) => i.scope === scope)) throw new AppError(404, 'not_found');
      }
      return { scope, window: windowDays, cardType, points: await readTrend(deps.db, scope, windowDays, cardType) };
    },
  );

  app.get(
    '/api/v1/statistics.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary: 'Open data (Licence Ouverte 2.0): every figure of the latest computation, JSON.',
        response: { 200: OpenDataSchema, ...COMMON_ERRORS },
      },
    },
    async () => {
      const data = await readOpenData(deps.db);
      return { licence: OPEN_DATA_LICENCE, computedOn: data.computedOn, schema: SCHEMA_DOC, rows: data.rows };
    },
  );

  app.get(
    '/api/v1/statistics.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary: 'Open data (Licence Ouverte 2.0): every figure of the latest computation, CSV (documented in docs/open-data.md).',
        response: { 200: Type.String({ description: 'text/csv; two `#` lines (licence, computation date), then a header row.' }), ...COMMON_ERRORS },
      },
    },
    async (_request, reply) => {
      const data = await readOpenData(deps.db);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="sejour-statistics-${data.computedOn ?? 'empty'}.csv"`)
        .send(toCsv(data));
    },
  );

  registerDecisionEstimateRoute(app, deps.db);
}

/** The estimate of an application's decision, for its owner (or at the help desk, for the person: ADR 0020). */
export function registerDecisionEstimateRoute(app: App, db: Db, scope: PersonScope = SELF): void {
  app.get(
    `${scope.prefix}/applications/:id/decision-estimate`,
    {
      config: { access: scope.access },
      schema: scope.schema({
        tags: ['statistics'],
        summary: 'The owner’s estimate of when their application will be decided (backlog ÷ recent decisions), updated daily.',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: DecisionEstimateBodySchema, 404: ProblemSchema, ...COMMON_ERRORS },
      }),
    },
    async (request, reply) => {
      const viewer = await scope.viewer(request);
      reply.header('cache-control', 'no-store');
      return readDecisionEstimate(db, viewer, request.params.id);
    },
  );
}
