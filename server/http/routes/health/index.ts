import { Type } from 'typebox';
import type { Registry } from 'prom-client';
import type { App } from '../../app';
import { type Database, appliedMigrationCount, expectedMigrationCount } from '../../../db/client';
import { ProblemSchema } from '../../../../contract/problem';
import { AppError } from '../../problem';

export function registerHealthRoutes(app: App, deps: { database: Database; metrics: Registry }): void {
  const expected = expectedMigrationCount();
  const noRateLimit = { rateLimit: false } as const;

  app.get(
    '/healthz',
    {
      config: { access: 'public', ...noRateLimit },
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process is up.',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public', ...noRateLimit },
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers and every migration is applied.',
        response: {
          200: Type.Object({
            status: Type.Literal('ready'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            migrations: Type.Object({ applied: Type.Integer(), expected: Type.Integer() }),
          }),
          503: ProblemSchema,
        },
      },
    },
    async () => {
      try {
        await deps.database.ping();
      } catch {
        throw new AppError(503, 'service_unavailable');
      }
      const applied = await appliedMigrationCount(deps.database.db);
      if (applied < expected) throw new AppError(503, 'service_unavailable');
      return { status: 'ready' as const, database: deps.database.mode, migrations: { applied, expected } };
    },
  );

  app.get(
    '/metrics',
    {
      config: { access: 'internal', ...noRateLimit },
      schema: {
        tags: ['health'],
        summary: 'Prometheus metrics: bearer METRICS_TOKEN, or clients on this machine when unset.',
        produces: ['text/plain'],
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      reply.type(deps.metrics.contentType);
      return deps.metrics.metrics();
    },
  );
}
