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

const created: TestContext[] = [];

// Registered when a test file imports this module, so apps created inside a test are closed too.
afterAll(async () => {
  for (const { app, database } of created.splice(0)) {
    await app.close();
    await database.close();
  }
});

export async function createTestApp(overrides: Record<string, string> = {}, options: { now?: () => Date } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const env = loadEnv({ NODE_ENV: 'test', RATE_LIMIT_MAX: '100000', DEMO_DATA: 'false', ...overrides });
  const app = await buildApp({ env, database, logger: false, ...(options.now ? { now: options.now } : {}) });
  await app.ready();
  const context = { app, database, env };
  created.push(context);
  return context;
}
