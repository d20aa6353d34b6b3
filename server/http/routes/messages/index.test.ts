/**
 * Messaging through its API: the acknowledgement (reference, due date from the préfecture's
 * target), a message about an application going to that application's préfecture, one thread seen
 * by applicant and agent, the inbox filters and assignment, and isolation: another applicant's or
 * another préfecture's thread is 404. Escalation on the test clock: once, to the supervisors.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, messageThreads, notifications, outboxMessages, prefectureMessageSettings } from '../../../db/schema/index';
import type { UserRole } from '../../../db/schema/users';
import type { Contact, Inbox, StaffThread, Thread, ThreadList } from '../../../../contract/messages';
import { escalateDueThreads } from '../../../usecases/messages/escalate-due-threads';
import { staffSignedIn, prefectureIdOf, createApplicationsTestApp, expectProblem, fillChecklist, ok, recordCard, signedIn, startDraft, upload, type Applicant } from '../applications/test-kit';
import { EXE_HEAD, TINY_PNG } from '../../../usecases/applications/test-pdfs';
import type { CaseFile } from '../../../../contract/back-office';

const START = '2026-10-01T10:00:00Z'; // a Thursday
const ctx = await createApplicationsTestApp(START);
const { clock, db } = ctx;
const escalate = () => escalateDueThreads({ db, now: () => clock.now, publicUrl: 'http://sejour.test' });

const prefectureId = (code: string) => prefectureIdOf(db, code);

const staffOf = (departement: string, options: { role?: UserRole; secondFactor?: boolean } = {}) => staffSignedIn(ctx, departement, options);

const send = (who: Applicant, body: Record<string, unknown>) => who.browser.post('/api/v1/messages', { categoryId: 'anef', subjectId: 'other', body: 'Je ne peux pas me connecter.', ...body });

describe('messages from applicants', () => {
  it('acknowledges with a reference and the due date from the préfecture’s target (MSG-SLA), and lists the ANEF “other” subject', async () => {
    clock.now = new Date(START);
    const applicant = await signedIn(ctx);
    const contact = ok<Contact>(await applicant.browser.get('/api/v1/contact', { headers: { 'accept-language': 'en' } }));
    expect(contact.categories.find((c) => c.id === 'anef')?.subjects.map((s) => s.label)).toContain('Other');
    expect(contact.helpline.phone).toMatch(/\d/);
    expectProblem(await send(applicant, {}), 400, 'departement_required');
    expectProblem(await send(applicant, { departement: '69', subjectId: 'status' }), 400, 'validation_failed');

    const sent = ok<Thread>(await send(applicant, { departement: '69' }), 201);
    expect(sent.thread.reference).toMatch(/^MSG-2026-[2-9A-Z]{6}$/);
    // Thursday 1 October + 10 working days (default) → Thursday 15 October.
    expect(sent.thread).toMatchObject({ status: 'awaiting_answer', dueOn: '2026-10-15', ruleId: 'MSG-SLA', prefectureName: expect.stringMatching(/Rhône/) });

    await db.insert(prefectureMessageSettings).values({ prefectureId: await prefectureId('69'), answerWorkingDays: 3, updatedAt: new Date() });
    const faster = ok<Thread>(await send(applicant, { departement: '69' }), 201);
    expect(faster.thread.dueOn).toBe('2026-10-06');
    await db.delete(prefectureMessageSettings);
  });

  it('sends a message about an application to that application’s préfecture; someone else’s application is 404', async () => {
    clock.now = new Date(START);
    const owner = await signedIn(ctx);
    await recordCard(owner.browser, { validUntil: '2026-12-31', cardType: 'visiteur', foreignerNumber: '7512345678' });
    const draft = await startDraft(owner.browser, { departement: '75', answers: { marriedOrHasChildren: false } });
    expectProblem(await send(owner, { categoryId: 'application', subjectId: 'status' }), 400, 'validation_failed');
    const sent = ok<Thread>(await send(owner, { categoryId: 'application', subjectId: 'status', applicationId: draft.id }), 201);
    expect(sent.thread.applicationId).toBe(draft.id);
    const [row] = await db.select().from(messageThreads).where(eq(messageThreads.id, sent.thread.id));
    expect(row?.prefectureId).toBe(await prefectureId('75'));

    const stranger = await signedIn(ctx);
    expectProblem(await send(stranger, { categoryId: 'application', subjectId: 'status', applicationId: draft.id }), 404, 'application_not_found');

    // Once filed, the case file of the application lists the thread for the Paris agents.
    await fillChecklist(owner.browser, draft.id, { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' });
    ok(await owner.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } }));
    const parisAgent = await staffOf('75');
    const file = ok<CaseFile>(await parisAgent.browser.get(`/api/v1/staff/applications/${draft.id}`));
    expect(file.messageThreads).toEqual([expect.objectContaining({ id: sent.thread.id, reference: sent.thread.reference, status: 'awaiting_answer' })]);
  });

  it('keeps one thread between applicant and agent: the reply is answered, first answer time kept, the applicant notified in the app and by email', async () => {
    clock.now = new Date(START);
    const applicant = await signedIn(ctx);
    const sent = ok<Thread>(await send(applicant, { departement: '69', body: 'Mon compte est bloqué.' }), 201);
    const agent = await staffOf('69');
    const colleague = await staffOf('69');
    const parisAgent = await staffOf('75');

    const unassigned = ok<Inbox>(await agent.browser.get('/api/v1/staff/messages?filter=unassigned'));
    expect(unassigned.threads.map((t) => t.id)).toContain(sent.thread.id);
    const assign = (who: Applicant, userId: string) => who.browser.request({ method: 'PUT', url: `/api/v1/staff/messages/${sent.thread.id}/assignee`, payload: { userId } });
    expectProblem(await assign(agent, parisAgent.user.id), 422, 'validation_failed');
    const assigned = ok<StaffThread>(await assign(agent, colleague.user.id));
    expect(assigned.thread.assignee?.id).toBe(colleague.user.id);
    expect(ok<Inbox>(await colleague.browser.get('/api/v1/staff/messages?filter=mine')).threads.map((t) => t.id)).toEqual([sent.thread.id]);
    expect(assigned.templates.length).toBeGreaterThan(0);

    clock.now = new Date('2026-10-02T08:00:00Z');
    const replied = ok<StaffThread>(await colleague.browser.post(`/api/v1/staff/messages/${sent.thread.id}/replies`, { body: 'Votre compte est débloqué.' }), 201);
    expect(replied.thread).toMatchObject({ status: 'answered', firstAnsweredAt: '2026-10-02T08:00:00.000Z' });
    ok<StaffThread>(await colleague.browser.get(`/api/v1/staff/messages/${sent.thread.id}`));
    // Every agent read and action on the thread is in the préfecture's audit log, with who did it.
    const audit = await db.select({ actor: auditEvents.actorUserId, action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.objectId, sent.thread.id));
    expect(audit).toEqual(
      expect.arrayContaining([
        { actor: agent.user.id, action: 'message_thread.assign' },
        { actor: colleague.user.id, action: 'message_thread.reply' },
        { actor: colleague.user.id, action: 'message_thread.read' },
      ]),
    );
    expect(audit.filter((entry) => entry.action === 'message_thread.assign')).toHaveLength(1);

    const seen = ok<Thread>(await applicant.browser.get(`/api/v1/messages/${sent.thread.id}`));
    expect(seen.messages.map((m) => [m.author, m.body])).toEqual([
      ['applicant', 'Mon compte est bloqué.'],
      ['agent', 'Votre compte est débloqué.'],
    ]);
    const list = ok<{ notifications: { kind: string; title: string }[] }>(await applicant.browser.get('/api/v1/me/notifications'));
    expect(list.notifications[0]).toMatchObject({ kind: 'message_reply', title: expect.stringContaining(sent.thread.reference) });
    const mail = await db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, applicant.user.email), eq(outboxMessages.kind, 'message_reply')));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain(`/espace/messages/${sent.thread.id}`);

    // Writing again makes it wait for an answer again, with a new due date; the first answer time stays.
    clock.now = new Date('2026-10-05T08:00:00Z');
    const again = ok<Thread>(await applicant.browser.post(`/api/v1/messages/${sent.thread.id}/messages`, { body: 'Merci !' }), 201);
    expect(again.thread).toMatchObject({ status: 'awaiting_answer', dueOn: '2026-10-19', firstAnsweredAt: '2026-10-02T08:00:00.000Z' });
  });

  it('hides a thread from another applicant and from another préfecture (404), and refuses staff without the second factor', async () => {
    clock.now = new Date(START);
    const applicant = await signedIn(ctx);
    const sent = ok<Thread>(await send(applicant, { departement: '69' }), 201);
    const id = sent.thread.id;
    const other = await signedIn(ctx);
    expectProblem(await other.browser.get(`/api/v1/messages/${id}`), 404, 'message_thread_not_found');
    expectProblem(await other.browser.post(`/api/v1/messages/${id}/messages`, { body: 'x' }), 404, 'message_thread_not_found');
    expect(ok<ThreadList>(await other.browser.get('/api/v1/messages')).threads).toEqual([]);

    const paris = await staffOf('75');
    expectProblem(await paris.browser.get(`/api/v1/staff/messages/${id}`), 404, 'message_thread_not_found');
    expectProblem(await paris.browser.post(`/api/v1/staff/messages/${id}/replies`, { body: 'x' }), 404, 'message_thread_not_found');
    expectProblem(await paris.browser.request({ method: 'PUT', url: `/api/v1/staff/messages/${id}/assignee`, payload: { userId: paris.user.id } }), 404, 'message_thread_not_found');
    expect(ok<Inbox>(await paris.browser.get('/api/v1/staff/messages')).threads.map((t) => t.id)).not.toContain(id);

    const noSecondFactor = await staffOf('69', { secondFactor: false });
    expectProblem(await noSecondFactor.browser.get(`/api/v1/staff/messages/${id}`), 403, 'second_factor_required');
    expectProblem(await applicant.browser.get('/api/v1/staff/messages'), 403, 'forbidden');
    expectProblem(await paris.browser.get('/api/v1/messages'), 403, 'forbidden');
  });
});

describe('message attachments', () => {
  it('takes PDF, JPEG or PNG files sniffed by the document intake, three per message, readable by the applicant and the préfecture only', async () => {
    clock.now = new Date(START);
    const applicant = await signedIn(ctx);
    const sent = ok<Thread>(await send(applicant, { departement: '69' }), 201);
    const url = `/api/v1/messages/${sent.thread.id}/attachments`;
    const png = { data: TINY_PNG, filename: 'capture écran.png', contentType: 'image/png' };
    // A program named .png is refused by its content, and nothing is attached.
    expectProblem(await upload(applicant.browser, url, { data: EXE_HEAD, filename: 'photo.png', contentType: 'image/png' }), 415, 'document_type_not_supported');
    const attached = ok<{ id: string; mediaType: string }>(await upload(applicant.browser, url, png), 201);
    expect(attached.mediaType).toBe('image/png');
    ok(await upload(applicant.browser, url, png), 201);
    ok(await upload(applicant.browser, url, png), 201);
    expectProblem(await upload(applicant.browser, url, png), 409, 'message_attachments_full');
    const thread = ok<Thread>(await applicant.browser.get(`/api/v1/messages/${sent.thread.id}`));
    expect(thread.messages[0]?.attachments).toHaveLength(3);

    const own = await applicant.browser.get(`${url}/${attached.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(own.rawPayload, TINY_PNG)).toBe(0);
    const other = await signedIn(ctx);
    expectProblem(await other.browser.get(`${url}/${attached.id}`), 404, 'message_attachment_not_found');
    expectProblem(await upload(other.browser, url, png), 404, 'message_thread_not_found');
    const lyon = await staffOf('69');
    expect((await lyon.browser.get(`/api/v1/staff/messages/${sent.thread.id}/attachments/${attached.id}`)).statusCode).toBe(200);
    const paris = await staffOf('75');
    expectProblem(await paris.browser.get(`/api/v1/staff/messages/${sent.thread.id}/attachments/${attached.id}`), 404, 'message_attachment_not_found');
  });
});

describe('escalation (messages.escalate)', () => {
  it('tells the supervisors of the préfecture once, two working days before the due date, and never for an answered thread', async () => {
    await db.update(messageThreads).set({ status: 'answered' });
    clock.now = new Date(START);
    const applicant = await signedIn(ctx);
    const waiting = ok<Thread>(await send(applicant, { departement: '69' }), 201);
    const answered = ok<Thread>(await send(applicant, { departement: '69' }), 201);
    const agent = await staffOf('69');
    const supervisor = await staffOf('69', { role: 'supervisor' });
    const parisSupervisor = await staffOf('75', { role: 'supervisor' });
    ok(await agent.browser.post(`/api/v1/staff/messages/${answered.thread.id}/replies`, { body: 'Réponse.' }), 201);

    // Due Thursday 15 October: escalation on Tuesday 13.
    clock.now = new Date('2026-10-12T20:00:00Z');
    expect(await escalate()).toEqual({ escalated: 0, notified: 0 });
    clock.now = new Date('2026-10-13T07:00:00Z');
    expect(await escalate()).toEqual({ escalated: 1, notified: 1 });
    expect(await escalate()).toEqual({ escalated: 0, notified: 0 });

    const told = await db.select().from(notifications).where(eq(notifications.userId, supervisor.user.id));
    expect(told.map((n) => [n.kind, n.params.reference])).toEqual([['message_escalated', waiting.thread.reference]]);
    expect(await db.select().from(notifications).where(eq(notifications.userId, parisSupervisor.user.id))).toEqual([]);
    expect(await db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, supervisor.user.email), eq(outboxMessages.kind, 'message_escalated')))).toHaveLength(1);
    const escalatedRow = ok<StaffThread>(await agent.browser.get(`/api/v1/staff/messages/${waiting.thread.id}`));
    expect(escalatedRow.thread.escalated).toBe(true);
    clock.now = new Date('2026-10-16T07:00:00Z');
    expect(ok<Inbox>(await agent.browser.get('/api/v1/staff/messages?filter=overdue')).threads.map((t) => t.id)).toEqual([waiting.thread.id]);
  });
});
