/**
 * Helpers for the API tests of permits, VLS-TS and applications (kept beside them): an app on a
 * fresh database with a clock the test sets and its own `DATA_DIR`, signed-in applicants, and
 * `multipart/form-data` bodies built by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, expect } from 'vitest';
import { loadEnv } from '../../../env';
import { buildApp, type App } from '../../app';
import type { Db } from '../../../db/client';
import { createTestDatabase, type TestDatabase } from '../../../../test/db';
import { Browser, createUser, type TestUser } from '../../../../test/accounts';
import type { UserRole } from '../../../db/schema/users';
import { applicantProfiles } from '../../../db/schema/profiles';
import { prefectures, sessions, userPrefectures } from '../../../db/schema/index';
import { eq } from 'drizzle-orm';
import type { FileStorage } from '../../../adapters/storage/file-storage';

export interface Clock {
  now: Date;
}

export interface ApplicationsTestContext {
  app: App;
  database: TestDatabase;
  db: Db;
  /** Where uploaded files go: `<dataDir>/files`. */
  dataDir: string;
  clock: Clock;
}

/** The app with a settable clock (`clock.now`), on its own database and data folder. */
export async function createApplicationsTestApp(start = '2026-10-01T10:00:00Z', overrides: { storage?: (dataDir: string) => FileStorage } = {}): Promise<ApplicationsTestContext> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-apps-'));
  const env = loadEnv({
    NODE_ENV: 'test',
    RATE_LIMIT_MAX: '100000',
    DEMO_DATA: 'false',
    DATA_DIR: dataDir,
    WEB_DIST_DIR: `/nonexistent/sejour-web-${randomBytes(4).toString('hex')}`,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  });
  const clock: Clock = { now: new Date(start) };
  const app = await buildApp({ env, database, logger: false, now: () => clock.now, ...(overrides.storage ? { storage: overrides.storage(dataDir) } : {}) });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, database, db: database.db, dataDir, clock };
}

export interface Applicant {
  user: TestUser;
  browser: Browser;
}

/** The applicant's identity (printed on attestations; submission and VLS-TS validation need it). */
export async function createProfile(db: Db, userId: string, overrides: Partial<typeof applicantProfiles.$inferInsert> = {}): Promise<void> {
  const now = new Date('2026-01-01T00:00:00Z');
  await db.insert(applicantProfiles).values({
    userId,
    surname: 'Lefèvre-Núñez',
    givenNames: 'Zoë Anaïs',
    birthDate: '1994-03-15',
    nationality: 'COL',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}

/** A signed-in user; applicants get an identity unless `profile: false`. */
export async function signedIn(ctx: ApplicationsTestContext, role: UserRole = 'applicant', options: { profile?: boolean } = {}): Promise<Applicant> {
  const user = await createUser(ctx.db, { role });
  if (role === 'applicant' && options.profile !== false) await createProfile(ctx.db, user.id);
  const browser = new Browser(ctx.app);
  const response = await browser.signIn(user.email, user.password);
  expect(response.statusCode).toBe(200);
  return { user, browser };
}

/** The id of the préfecture of a département (reference data). */
export async function prefectureIdOf(db: Db, departement: string): Promise<string> {
  const [row] = await db.select({ id: prefectures.id }).from(prefectures).where(eq(prefectures.departementCode, departement));
  if (!row) throw new Error(`no préfecture ${departement}`);
  return row.id;
}

/** A staff member of the département's préfecture, signed in, second factor passed unless told otherwise. */
export async function staffSignedIn(ctx: ApplicationsTestContext, departement: string, options: { role?: UserRole; secondFactor?: boolean } = {}): Promise<Applicant> {
  const staff = await signedIn(ctx, options.role ?? 'agent');
  await ctx.db.insert(userPrefectures).values({ userId: staff.user.id, prefectureId: await prefectureIdOf(ctx.db, departement) });
  if (options.secondFactor !== false) await ctx.db.update(sessions).set({ secondFactorAt: new Date() }).where(eq(sessions.userId, staff.user.id));
  return staff;
}

export function expectProblem(response: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  const body = response.json() as Record<string, unknown>;
  expect({ status: response.statusCode, code: body.code }).toEqual({ status, code });
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  return body;
}

export function ok<T = Record<string, unknown>>(response: LightMyRequestResponse, status = 200): T {
  if (response.statusCode !== status) throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  return response.json() as T;
}

// ——— multipart/form-data ———

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}

export function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----sejour${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const head = [`--${boundary}`, `Content-Disposition: ${disposition}`, ...(part.contentType ? [`Content-Type: ${part.contentType}`] : []), '', ''].join('\r\n');
    chunks.push(Buffer.from(head), typeof part.data === 'string' ? Buffer.from(part.data) : part.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(
  browser: Browser,
  url: string,
  file: { filename?: string; data: Buffer; contentType?: string },
  options: { method?: 'POST' | 'PUT'; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const body = multipart([{ name: 'file', filename: file.filename ?? 'document.pdf', contentType: file.contentType ?? 'application/pdf', data: file.data }]);
  return browser.request({ method: options.method ?? 'POST', url, payload: body.payload, headers: { ...body.headers, ...options.headers } });
}

// ——— Permits and drafts through the API ———

export const STAMP = () => String(10n ** 15n + BigInt(`0x${randomBytes(6).toString('hex')}`) % (9n * 10n ** 15n));

/** Records a temporary card expiring on `validUntil`, with a foreigner number. */
export async function recordCard(
  browser: Browser,
  options: { validUntil: string; validFrom?: string; cardType?: string; foreignerNumber?: string; kind?: string },
): Promise<Record<string, unknown>> {
  const validFrom = options.validFrom ?? `${Number(options.validUntil.slice(0, 4)) - 1}${options.validUntil.slice(4)}`;
  return ok(
    await browser.post('/api/v1/permits', {
      kind: options.kind ?? 'temporary_card',
      cardType: options.cardType ?? 'salarie',
      validFrom,
      validUntil: options.validUntil,
      foreignerNumber: options.foreignerNumber ?? '7501234567',
    }),
    201,
  );
}

export interface Draft {
  id: string;
  [key: string]: unknown;
}

export async function startDraft(browser: Browser, body: Record<string, unknown> = {}): Promise<Draft> {
  return ok<Draft>(await browser.post('/api/v1/applications', { cardType: 'visiteur', departement: '69', ...body }), 201);
}

/** Sends a small valid file for every checklist item the draft still needs. */
export async function fillChecklist(browser: Browser, applicationId: string, file: { data: Buffer; filename: string; contentType: string }): Promise<void> {
  const application = ok<{ missingDocuments: string[] }>(await browser.get(`/api/v1/applications/${applicationId}`));
  for (const item of application.missingDocuments) {
    ok(await upload(browser, `/api/v1/applications/${applicationId}/items/${item}/documents`, file), 201);
  }
}

/** Every file under `dir`, relative paths, recursively. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(dir, entry)).isFile())
    .sort();
}

// ——— The préfecture's side (no agent route yet) ———

/**
 * Opens a request for documents on a filed application as an agent would (the use case itself:
 * the back office has no route yet). Dates follow the test clock.
 */
export async function openDocumentRequest(
  ctx: ApplicationsTestContext,
  applicationId: string,
  options: { items: readonly string[]; dueOn: string },
): Promise<{ id: string; dueOn: string; items: string[] }> {
  const { requestDocuments } = await import('../../../usecases/applications/request-documents');
  const { createLocalFileStorage } = await import('../../../adapters/storage/local');
  const { DEFAULT_UPLOAD_LIMITS } = await import('../../../usecases/applications/context');
  const request = await requestDocuments(
    { db: ctx.db, now: () => ctx.clock.now, storage: createLocalFileStorage(path.join(ctx.dataDir, 'files')), limits: DEFAULT_UPLOAD_LIMITS },
    { applicationId, items: options.items, dueOn: options.dueOn },
  );
  return { id: request.id, dueOn: request.dueOn, items: request.items };
}
