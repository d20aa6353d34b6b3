/**
 * The yardstick of bench/load-national.ts: a bare Fastify process with one route doing one indexed
 * PostgreSQL read (an application by primary key), no sessions, no schemas, no logging. Sejour's
 * figures are read against this one, measured in the same session on the same machine.
 *
 *   PORT=4001 DATABASE_URL=postgres://… npx tsx bench/bare-read-server.ts
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get<{ Params: { n: string } }>('/bare/:n', async (request) => {
  const { rows } = await pool.query<{ id: string; status: string }>("select id, status from applications where id = md5('a' || $1)::uuid", [request.params.n]);
  return rows[0] ?? null;
});
app.get('/readyz', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT ?? 4001), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
