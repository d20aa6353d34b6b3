import { describe, expect, it } from 'vitest';
import { clockOf } from './clock';
import { ConfigError, loadEnv } from './env';

describe(loadEnv.name, () => {
  it('uses the embedded database and demo data when DATABASE_URL is unset', () => {
    const env = loadEnv({}, '/srv/sejour');
    expect(env.databaseMode).toBe('pglite');
    expect(env.demoData).toBe(true);
    expect(env.dataDir).toBe('/srv/sejour/data');
    expect(env.port).toBe(3000);
    expect(env.publicUrl).toBe('http://localhost:3000');
  });

  it('switches to PostgreSQL without demo data when DATABASE_URL is set', () => {
    const env = loadEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(env.databaseMode).toBe('postgres');
    expect(env.demoData).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ DATABASE_URL: 'postgres://h/db', DEMO_DATA: 'true' }, 'DEMO_DATA'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ S3_BUCKET: 'sejour-docs' }, 'S3_ACCESS_KEY_ID'],
    [{ S3_ENDPOINT: 'http://127.0.0.1:9000' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'Bad_Bucket', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' }, 'S3_BUCKET'],
    [{ CLOCK_START: '2027-03-31' }, 'CLOCK_START'],
    [{ CLOCK_START: '2027-03-31T09:00:00Z', NODE_ENV: 'production' }, 'CLOCK_START'],
  ])('refuses %o naming %s', (source, variable) => {
    expect(() => loadEnv(source)).toThrowError(ConfigError);
    try {
      loadEnv(source);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as ConfigError).message).toContain(variable);
    }
  });
});

describe(clockOf.name, () => {
  it('starts at CLOCK_START and runs on at the normal pace; real time without it', () => {
    const startedAt = Date.now();
    const clock = clockOf(loadEnv({ CLOCK_START: '2027-03-31T09:00:00+02:00' }), startedAt - 1500);
    const elapsed = clock().getTime() - Date.parse('2027-03-31T07:00:00Z');
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    expect(elapsed).toBeLessThan(60_000);
    expect(Math.abs(clockOf(loadEnv({}))().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe('configuration documentation', () => {
  it('lists in the README table every variable env.ts reads, and nothing else', async () => {
    const fs = await import('node:fs');
    const { ENV_DOCS } = await import('./env');
    const code = fs.readFileSync(new URL('./env.ts', import.meta.url), 'utf8');
    const read = new Set([...code.matchAll(/\(source, '([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1]));
    const documented = new Set(ENV_DOCS.map((d) => d.name));
    expect([...read].sort()).toEqual([...documented].sort());
    const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const rows = new Set([...readme.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]));
    expect([...rows].sort()).toEqual([...documented].sort());
  });
});
