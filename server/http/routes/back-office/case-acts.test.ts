/**
 * The back office's acts that do not change the status (docs/adr/0019-back-office-flags-and-dashboard.md):
 * assigning a case (to myself, a colleague of the préfecture, nobody) and holding back the
 * automatic attestation de prolongation with a written reason — allowed and refused, another
 * préfecture's case 404, history and audit rows, two agents at once.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, attestations, auditEvents } from '../../../db/schema/index';
import type { UserRole } from '../../../db/schema/users';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import { issueDueProlongations } from '../../../usecases/attestations/issue-due-prolongations';
import { keysOf } from '../../../usecases/attestations/context';
import { loadEnv } from '../../../env';
import type { CaseFile, QueuePage } from '../../../../contract/back-office';
import { staffSignedIn, createApplicationsTestApp, expectProblem, fillChecklist, ok, recordCard, signedIn, startDraft, type Applicant } from '../applications/test-kit';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { clock, db } = ctx;
const keys = keysOf(loadEnv({ NODE_ENV: 'test', DATA_DIR: ctx.dataDir }));
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };


const agentOf = (departement: string, role: UserRole = 'agent') => staffSignedIn(ctx, departement, { role });

/** A visiteur application filed in time on 2026-10-01 in the Rhône (card expires 2026-12-31). */
async function filed(options: { validUntil?: string; surname?: string } = {}): Promise<Applicant & { id: string }> {
  clock.now = new Date(START);
  const applicant = await signedIn(ctx);
  await recordCard(applicant.browser, { validUntil: options.validUntil ?? '2026-12-31', cardType: 'visiteur', foreignerNumber: String(7_000_000_000 + Math.floor(Math.random() * 999_999_999)) });
  const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false }, departement: '69' });
  await fillChecklist(applicant.browser, draft.id, PNG);
  ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } }));
  return { ...applicant, id: draft.id };
}

const caseOf = async (agent: Applicant, id: string) => ok<CaseFile>(await agent.browser.get(`/api/v1/staff/applications/${id}`));
const url = (id: string, tail: string) => `/api/v1/staff/applications/${id}/${tail}`;
const auditOf = (actorId: string) => db.select().from(auditEvents).where(eq(auditEvents.actorUserId, actorId)).orderBy(auditEvents.id);
const prolongationsOf = (id: string) => db.select().from(attestations).where(and(eq(attestations.applicationId, id), eq(attestations.kind, 'prolongation')));

describe('assigning a case', () => {
  it('assigns to myself, then to a colleague; shows the assignee in the queue and the case; filters assigned=me|none', async () => {
    const applicant = await filed();
    const other = await filed();
    const me = await agentOf('69');
    const colleague = await agentOf('69', 'supervisor');
    const before = await caseOf(me, applicant.id);
    expect(before.assignment.assignee).toBeNull();
    expect(before.assignment.colleagues.map((c) => c.id)).toEqual(expect.arrayContaining([me.user.id, colleague.user.id]));

    const mine = ok<{ updatedAt: string }>(await me.browser.post(url(applicant.id, 'assignment'), { assigneeId: 'me', expectedUpdatedAt: before.application.updatedAt }));
    expect((await caseOf(me, applicant.id)).assignment.assignee?.id).toBe(me.user.id);
    const queue = ok<QueuePage>(await me.browser.get('/api/v1/staff/applications?assigned=me'));
    expect(queue.rows.map((r) => r.id)).toEqual([applicant.id]);
    expect(queue.rows[0]?.assignee).toEqual({ id: me.user.id, name: me.user.displayName });
    const unassigned = ok<QueuePage>(await me.browser.get('/api/v1/staff/applications?assigned=none&limit=100'));
    expect(unassigned.rows.map((r) => r.id)).toContain(other.id);
    expect(unassigned.rows.map((r) => r.id)).not.toContain(applicant.id);

    ok(await me.browser.post(url(applicant.id, 'assignment'), { assigneeId: colleague.user.id, expectedUpdatedAt: mine.updatedAt }));
    const after = await caseOf(colleague, applicant.id);
    expect(after.assignment.assignee?.id).toBe(colleague.user.id);
    expect(after.application.status).toBe('submitted');
    expect(after.history.filter((h) => h.event === 'assign')).toHaveLength(2);
    const audit = await auditOf(me.user.id);
    expect(audit.filter((a) => a.action === 'case.assign').map((a) => a.details)).toEqual([
      expect.objectContaining({ from: null, to: me.user.id }),
      expect.objectContaining({ from: me.user.id, to: colleague.user.id }),
    ]);
    // …and nobody.
    ok(await colleague.browser.post(url(applicant.id, 'assignment'), { assigneeId: null }));
    expect((await caseOf(me, applicant.id)).assignment.assignee).toBeNull();
  });

  it("refuses a colleague of another préfecture, another préfecture's case (404), a stale view, and a closed case", async () => {
    const applicant = await filed();
    const me = await agentOf('69');
    const paris = await agentOf('75');
    expectProblem(await me.browser.post(url(applicant.id, 'assignment'), { assigneeId: paris.user.id }), 422, 'assignee_not_colleague');
    expectProblem(await me.browser.post(url(applicant.id, 'assignment'), { assigneeId: applicant.user.id }), 422, 'assignee_not_colleague');
    expectProblem(await paris.browser.post(url(applicant.id, 'assignment'), { assigneeId: 'me' }), 404, 'application_not_found');
    expectProblem(await paris.browser.post(url(applicant.id, 'prolongation-block'), { reason: 'Une vérification de fraude documentaire est en cours.' }), 404, 'application_not_found');
    expectProblem(await paris.browser.delete(url(applicant.id, 'prolongation-block')), 404, 'application_not_found');
    expect(await auditOf(paris.user.id)).toEqual([]);
    expectProblem(await applicant.browser.post(url(applicant.id, 'assignment'), { assigneeId: 'me' }), 403, 'forbidden');

    const seen = await caseOf(me, applicant.id);
    const two = await agentOf('69');
    const [a, b] = await Promise.all([
      me.browser.post(url(applicant.id, 'assignment'), { assigneeId: 'me', expectedUpdatedAt: seen.application.updatedAt }),
      two.browser.post(url(applicant.id, 'assignment'), { assigneeId: 'me', expectedUpdatedAt: seen.application.updatedAt }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await caseOf(me, applicant.id)).history.filter((h) => h.event === 'assign')).toHaveLength(1);

    ok(await me.browser.post(url(applicant.id, 'refusal'), { reasons: ['Les ressources ne sont pas suffisantes.'] }));
    expectProblem(await me.browser.post(url(applicant.id, 'assignment'), { assigneeId: 'me' }), 409, 'application_status_conflict');
  });
});

describe('holding back the automatic attestation de prolongation', () => {
  it('needs a written reason; while blocked neither completeness nor the job issues one; lifting it issues what is due', async () => {
    const applicant = await filed();
    const agent = await agentOf('69');
    clock.now = new Date('2026-10-05T09:00:00Z');
    expectProblem(await agent.browser.post(url(applicant.id, 'prolongation-block'), { reason: 'trop court' }), 422, 'block_reason_too_short');
    expectProblem(await agent.browser.delete(url(applicant.id, 'prolongation-block')), 409, 'prolongation_not_blocked');
    const reason = 'Suspicion de fraude documentaire : vérification en cours auprès du consulat.';
    ok(await agent.browser.post(url(applicant.id, 'prolongation-block'), { reason }));
    expectProblem(await agent.browser.post(url(applicant.id, 'prolongation-block'), { reason }), 409, 'prolongation_already_blocked');
    const file = await caseOf(agent, applicant.id);
    expect(file.prolongationBlock).toMatchObject({ reason, blockedBy: agent.user.displayName });

    ok(await agent.browser.post(url(applicant.id, 'complete'), {}));
    expect(await prolongationsOf(applicant.id)).toEqual([]);
    // The card ended on 31 December: the hourly job would issue the next document, but the block holds.
    clock.now = new Date('2027-01-01T09:00:00Z');
    await issueDueProlongations({ db, keys, now: () => clock.now }, '2027-01-01');
    expect(await prolongationsOf(applicant.id)).toEqual([]);

    const lifted = ok<{ issued: number }>(await agent.browser.delete(url(applicant.id, 'prolongation-block')));
    expect(lifted.issued).toBe(1);
    expect(await prolongationsOf(applicant.id)).toHaveLength(1);
    const after = await caseOf(agent, applicant.id);
    expect(after.prolongationBlock).toBeNull();
    expect(after.history.map((h) => h.event)).toEqual(expect.arrayContaining(['blockProlongation', 'unblockProlongation']));
    // The reason is for the préfecture: in the audit log, not in the history the applicant reads.
    expect(after.history.find((h) => h.event === 'blockProlongation')?.details).toEqual({});
    const audit = await auditOf(agent.user.id);
    expect(audit.find((a) => a.action === 'case.blockProlongation')?.details).toMatchObject({ reason });
    expect(audit.find((a) => a.action === 'case.unblockProlongation')?.details).toMatchObject({ previousReason: reason });
    const [row] = await db.select().from(applications).where(eq(applications.id, applicant.id));
    expect(row?.prolongationBlockedAt).toBeNull();
  });
});
