import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Browser, createAccountsTestApp, createUser } from '../../../../test/accounts';
import { auditEvents, prefectures, totpSecrets, userPrefectures } from '../../../db/schema/index';
import { totpCodeAt } from '../../../adapters/totp';

const clock = new Date('2026-11-26T10:00:05Z');
const { app, database } = await createAccountsTestApp({}, { now: () => clock });
const db = database.db;

function expectProblem(response: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect((response.json() as { code: string }).code).toBe(code);
}

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** A supervisor of `departement`, signed in and past the second factor. */
async function supervisorOf(departement: string) {
  const user = await createUser(db, { role: 'supervisor' });
  const [prefecture] = await db.select({ id: prefectures.id }).from(prefectures).where(eq(prefectures.departementCode, departement));
  await db.insert(userPrefectures).values({ userId: user.id, prefectureId: prefecture?.id ?? '' });
  await db.insert(totpSecrets).values({ userId: user.id, secret: SECRET, confirmedAt: clock, createdAt: clock });
  const browser = new Browser(app);
  await browser.signIn(user.email, user.password);
  expect((await browser.post('/api/v1/auth/second-factor/verify', { code: await totpCodeAt(SECRET, clock) })).statusCode).toBe(200);
  return { user, browser };
}

const PAGE = {
  address: 'Préfecture du Rhône\nService des étrangers\n106 rue Pierre Corneille\n69003 Lyon',
  phone: '+33 4 72 61 60 60',
  receptionHours: [
    { day: 3, opens: '13:30', closes: '16:00' },
    { day: 1, opens: '08:45', closes: '12:00' },
  ],
  helpDeskAddress: 'Point d’accueil numérique, hall d’entrée',
  helpDeskHours: [{ day: 2, opens: '09:00', closes: '12:00' }],
  notesFr: 'Permanence sans rendez-vous le jeudi matin.',
  notesEn: 'Drop-in session on Thursday mornings.',
  appointmentUrl: 'https://www.rhone.gouv.fr/rendez-vous',
};

describe('préfecture pages', () => {
  it('shows an unpublished page, then what its supervisor publishes, in order of the week', async () => {
    const before = await app.inject({ url: '/api/v1/prefectures/69/page' });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ departement: { code: '69', name: 'Rhône' }, prefecture: { name: 'Préfecture du Rhône' }, page: null });

    const { user, browser } = await supervisorOf('69');
    const published = await browser.request({ method: 'PUT', url: '/api/v1/prefectures/69/page', payload: PAGE });
    expect(published.statusCode).toBe(200);
    const after = (await app.inject({ url: '/api/v1/prefectures/69/page' })).json() as { page: { receptionHours: Array<{ day: number }>; phone: string } };
    expect(after.page.receptionHours.map((p) => p.day)).toEqual([1, 3]);
    expect(after.page.phone).toBe('+33 4 72 61 60 60');

    await browser.request({ method: 'PUT', url: '/api/v1/prefectures/69/page', payload: { ...PAGE, phone: '+33 4 00 00 00 00' } });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.actorUserId, user.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ['prefecture-page.publish', { changed: expect.arrayContaining(['address', 'phone', 'receptionHours']) }],
      ['prefecture-page.update', { changed: ['phone'] }],
    ]);
  });

  it("refuses another préfecture's page as if it did not exist, and applicants and agents altogether", async () => {
    const { browser } = await supervisorOf('13');
    expectProblem(await browser.request({ method: 'PUT', url: '/api/v1/prefectures/69/page', payload: PAGE }), 404, 'not_found');
    const agent = await createUser(db, { role: 'agent' });
    const agentBrowser = new Browser(app);
    await agentBrowser.signIn(agent.email, agent.password);
    expectProblem(await agentBrowser.request({ method: 'PUT', url: '/api/v1/prefectures/13/page', payload: PAGE }), 403, 'forbidden');
    expectProblem(await new Browser(app).request({ method: 'PUT', url: '/api/v1/prefectures/13/page', payload: PAGE }), 401, 'unauthenticated');
  });

  it('names each wrong opening period in the language of the reader, and keeps the page as it was', async () => {
    const { browser } = await supervisorOf('01');
    await browser.request({ method: 'PUT', url: '/api/v1/prefectures/01/page', payload: PAGE });
    const refused = await browser.request({
      method: 'PUT',
      url: '/api/v1/prefectures/01/page',
      headers: { 'accept-language': 'en' },
      payload: { ...PAGE, receptionHours: [{ day: 1, opens: '09:00', closes: '12:00' }, { day: 1, opens: '11:00', closes: '10:00' }, { day: 1, opens: '10:00', closes: '11:00' }] },
    });
    expectProblem(refused, 400, 'validation_failed');
    expect((refused.json() as { errors: Array<{ field: string; message: string }> }).errors).toEqual([
      expect.objectContaining({ field: 'receptionHours.1', message: 'The closing time must come after the opening time.' }),
      expect.objectContaining({ field: 'receptionHours.2', message: 'This period overlaps period no. 1 of the same day.' }),
    ]);
    const kept = (await app.inject({ url: '/api/v1/prefectures/01/page' })).json() as { page: { receptionHours: unknown[] } };
    expect(kept.page.receptionHours).toHaveLength(2);
    expectProblem(await browser.request({ method: 'PUT', url: '/api/v1/prefectures/01/page', payload: { ...PAGE, appointmentUrl: 'http://insecure.example' } }), 400, 'validation_failed');
  });
});

describe('postcode search', () => {
  it('finds the préfecture of a postcode, both départements of a straddling one, and says when none exists', async () => {
    const lyon = (await app.inject({ url: '/api/v1/postal-codes/69003' })).json() as { departements: Array<{ code: string; prefecture: { name: string } }> };
    expect(lyon.departements).toEqual([expect.objectContaining({ code: '69', prefecture: expect.objectContaining({ name: 'Préfecture du Rhône' }) })]);
    const ajaccio = (await app.inject({ url: '/api/v1/postal-codes/20000' })).json() as { departements: Array<{ code: string }> };
    expect(ajaccio.departements.map((d) => d.code)).toEqual(['2A']);
    const straddling = (await app.inject({ url: '/api/v1/postal-codes/33220' })).json() as { departements: Array<{ code: string }> };
    expect(straddling.departements.map((d) => d.code)).toEqual(['24', '33']);
    const reunion = (await app.inject({ url: '/api/v1/postal-codes/97400' })).json() as { departements: Array<{ code: string }> };
    expect(reunion.departements.map((d) => d.code)).toEqual(['974']);
    const unknown = await app.inject({ url: '/api/v1/postal-codes/00000', headers: { 'accept-language': 'fr' } });
    expectProblem(unknown, 404, 'postal_code_unknown');
    expect((unknown.json() as { detail: string }).detail).toContain('00000');
    expectProblem(await app.inject({ url: '/api/v1/postal-codes/6900' }), 400, 'validation_failed');
  });
});
