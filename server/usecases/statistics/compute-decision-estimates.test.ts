import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app';
import { Browser, createUser } from '../../../test/accounts';
import { applications, decisionEstimates, prefectures } from '../../db/schema/index';
import { computeDecisionEstimates } from './compute-decision-estimates';
import { NOW, TODAY, addDays, insertKnownSet } from './test-kit';

// The known set (test-kit.ts): in 75, 10 applications decided within the last 25 days and 20
// pending — 10 filed 130 days ago, 10 filed 25 days ago; in 13, 9 pending and no decision.
const ctx = await createTestApp({}, { now: () => NOW });
const db = ctx.database.db;

const pendingOf = async (dep: string) =>
  db
    .select({ id: applications.id, filedOn: applications.filedOn, position: decisionEstimates.position, decided30: decisionEstimates.decided30, decided90: decisionEstimates.decided90 })
    .from(decisionEstimates)
    .innerJoin(applications, eq(applications.id, decisionEstimates.applicationId))
    .innerJoin(prefectures, eq(prefectures.id, applications.prefectureId))
    .where(eq(prefectures.departementCode, dep))
    .orderBy(decisionEstimates.position);

beforeAll(async () => {
  await insertKnownSet(db);
  await computeDecisionEstimates({ db, now: () => NOW });
});

describe(computeDecisionEstimates.name, () => {
  it('places each pending application in its prefecture’s backlog by filing date, with the prefecture’s 30/90-day decisions', async () => {
    const paris = await pendingOf('75');
    expect(paris.map((r) => r.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(paris.slice(0, 10).every((r) => r.filedOn === addDays(TODAY, -130))).toBe(true);
    expect(paris.slice(10).every((r) => r.filedOn === addDays(TODAY, -25))).toBe(true);
    expect(paris.every((r) => r.decided30 === 10 && r.decided90 === 10)).toBe(true);
    const marseille = await pendingOf('13');
    expect(marseille).toHaveLength(9);
    expect(marseille.every((r) => r.decided90 === 0)).toBe(true);
  });

  it('drops an application once it is decided, and moves the others up', async () => {
    const [first] = await pendingOf('75');
    await db.update(applications).set({ status: 'decided_favourable', decidedOn: TODAY }).where(eq(applications.id, first!.id));
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    await computeDecisionEstimates({ db, now: () => tomorrow });
    const paris = await pendingOf('75');
    expect(paris).toHaveLength(19);
    expect(paris.some((r) => r.id === first!.id)).toBe(false);
    expect(paris[0]).toMatchObject({ position: 1, decided30: 11, decided90: 11 });
    await computeDecisionEstimates({ db, now: () => NOW });
  });
});

describe('GET /api/v1/applications/:id/decision-estimate', () => {
  it('gives the owner their estimate, and anyone else a 404', async () => {
    const owner = await createUser(db, { role: 'applicant' });
    const other = await createUser(db, { role: 'applicant' });
    const [last] = (await pendingOf('75')).slice(-1);
    await db.update(applications).set({ userId: owner.id }).where(eq(applications.id, last!.id));
    const ownerBrowser = new Browser(ctx.app);
    await ownerBrowser.signIn(owner.email, owner.password);
    const response = await ownerBrowser.get(`/api/v1/applications/${last!.id}/decision-estimate`);
    expect(response.statusCode).toBe(200);
    // 20th in line (19 after the decision above, recomputed for TODAY): 11 decisions in 30 and 90 days.
    const body = response.json();
    expect(body.computedOn).toBe(TODAY);
    expect(body.estimate).toMatchObject({ kind: 'estimated', position: 19 });
    expect(body.estimate.likelyOn > TODAY).toBe(true);

    const otherBrowser = new Browser(ctx.app);
    await otherBrowser.signIn(other.email, other.password);
    expect((await otherBrowser.get(`/api/v1/applications/${last!.id}/decision-estimate`)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/applications/${last!.id}/decision-estimate` })).statusCode).toBe(401);
  });

  it('says "not enough data" where the prefecture decided fewer than 10 applications in 90 days', async () => {
    const owner = await createUser(db, { role: 'applicant' });
    const [one] = await pendingOf('13');
    await db.update(applications).set({ userId: owner.id }).where(and(eq(applications.id, one!.id), isNotNull(applications.filedOn)));
    const browser = new Browser(ctx.app);
    await browser.signIn(owner.email, owner.password);
    const body = (await browser.get(`/api/v1/applications/${one!.id}/decision-estimate`)).json();
    expect(body.estimate).toMatchObject({ kind: 'not_enough_data', decided90: 0 });
  });
});
