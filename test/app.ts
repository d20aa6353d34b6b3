/** An application instance on a fresh test database, for `inject()` tests. */
import { afterAll } from 'vitest';
import { loadEnv, type Env } from '../server/env';
import { buildApp, type App } from '../server/http/app';
import { createTestDatabase, type TestDatabase } from './db';

export interface TestContext {
  app: App;
  database: TestDatabase;
  env: Env;
}

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const env = loadEnv({ NODE_ENV: 'test', RATE_LIMIT_MAX: '100000', DEMO_DATA: 'false', ...overrides });
  const app = await buildApp({ env, database, logger: false });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return { app, database, env };
}
