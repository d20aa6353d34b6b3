/**
 * The help desk's substitution route (docs/adr/0020-help-desk-substitution.md): an agent registers
 * a person without email, files for them through the applicant's own routes — same filing date,
 * attestation de dépôt, reminders — the person is told by SMS and by letter, the desk prints and
 * posts the letter; another préfecture's agent gets 404 everywhere, an applicant 403; audited.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AssistedPersonBody, AssistedPersonListBody, PostalMailListBody, PostalMailItem } from '../../../../contract/help-desk';
import type { CaseFile, Dashboard } from '../../../../contract/back-office';
import { applicationEvents, applications, auditEvents, outboxMessages, postalMail, reminders } from '../../../db/schema/index';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import { pdfText } from '../../../usecases/attestations/test-support';
import { deliveryFor } from '../../../usecases/reminders/delivery';
import { sendReminder } from '../../../usecases/reminders/send-reminder';
import { recomputeReminders } from '../../../usecases/reminders/recompute-reminders';
import { createApplicationsTestApp, expectProblem, ok, signedIn, staffSignedIn, upload, type Applicant } from '../applications/test-kit';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { clock, db } = ctx;
const PNG = { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' };
const PEOPLE = '/api/v1/staff/help-desk/people';

let counter = 0;
function personBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    surname: `Diallo${'x'.repeat(counter % 7)}`,
    givenNames: `Aïssatou ${counter}`,
    birthDate: '1988-05-17',
    nationality: 'SEN',
    address: { line1: '4 rue Paul Bert', postalCode: '69003', city: 'Lyon', departement: '69' },
    phone: '+33612345678',
    locale: 'fr',
    reason: 'no_email',
    ...overrides,
  };
}

async function register(agent: Applicant, overrides: Record<string, unknown> = {}): Promise<AssistedPersonBody> {
  return ok<AssistedPersonBody>(await agent.browser.post(PEOPLE, personBody(overrides)), 201);
}

/** Records a card and files a visiteur renewal for the person, through the desk's routes. */
async function fileFor(agent: Applicant, personId: string): Promise<{ id: string; reference: string }> {
  const base = `${PEOPLE}/${personId}`;
  ok(await agent.browser.post(`${base}/permits`, { kind: 'temporary_card', cardType: 'visiteur', validFrom: '2025-12-31', validUntil: '2026-12-31', foreignerNumber: String(7_100_000_000 + counter) }), 201);
  const draft = ok<{ id: string; missingDocuments: string[] }>(await agent.browser.post(`${base}/applications`, { cardType: 'visiteur', answers: { marriedOrHasChildren: false } }), 201);
  for (const item of draft.missingDocuments) ok(await upload(agent.browser, `${base}/applications/${draft.id}/items/${item}/documents`, PNG), 201);
  const filed = ok<{ status: string; reference: string; filedOn: string }>(await agent.browser.post(`${base}/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `desk-${draft.id}` } }));
  expect(filed).toMatchObject({ status: 'submitted', filedOn: '2026-10-01' });
  return { id: draft.id, reference: filed.reference };
}

const outbox = () => deliveryFor({ smtpUrl: undefined, smtpFrom: 'x', sms: undefined }, () => clock.now);
/** Sends every due reminder of the person, as the sweep would. */
async function deliver(userId: string): Promise<void> {
  const due = await db.select().from(reminders).where(and(eq(reminders.userId, userId), eq(reminders.status, 'pending')));
  for (const row of due.filter((r) => r.nextAttemptAt <= clock.now)) {
    expect(await sendReminder({ db, now: () => clock.now, publicUrl: 'https://sejour.example', delivery: outbox(), quietHours: null }, row.id)).toBe('sent');
  }
}

describe('registering a person at the help desk', () => {
  it('creates a person without email who is told by SMS and post; refuses an address outside the desk’s département and a second registration', async () => {
    clock.now = new Date(START);
    const agent = await staffSignedIn(ctx, '69');
    const person = await register(agent);
    expect(person).toMatchObject({ email: null, phone: '+33612345678', locale: 'fr', reason: 'no_email', profile: { nationality: 'SEN', address: { postalCode: '69003', departement: '69' } } });
    expect(person.channels.sort()).toEqual(['in_app', 'post', 'sms']);
    const noPhone = await register(agent, { phone: null, reason: 'no_device' });
    expect(noPhone.channels.sort()).toEqual(['in_app', 'post']);

    const outside = await agent.browser.post(PEOPLE, personBody({ address: { line1: '1 rue de Rivoli', postalCode: '75001', city: 'Paris', departement: '75' } }));
    const problem = expectProblem(outside, 400, 'validation_failed');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'address.departement', code: 'address_outside_prefecture' })]);
    const badPostcode = expectProblem(await agent.browser.post(PEOPLE, personBody({ address: { line1: '1 rue', postalCode: '13001', city: 'Lyon', departement: '69' } })), 400, 'validation_failed');
    expect(badPostcode.errors).toEqual([expect.objectContaining({ field: 'address.postalCode', code: 'postal_code_departement' })]);

    const twice = await agent.browser.post(PEOPLE, { ...personBody(), surname: person.profile.surname.toUpperCase(), givenNames: person.profile.givenNames });
    expectProblem(twice, 409, 'person_already_registered');
    expect(twice.headers.location).toBe(`${PEOPLE}/${person.id}`);
    // Nothing was saved by the refused requests: the desk lists the two people registered.
    const listed = ok<AssistedPersonListBody>(await agent.browser.get(`${PEOPLE}?q=${encodeURIComponent(person.profile.givenNames)}`));
    expect(listed.items.map((p) => p.id)).toEqual([person.id]);
    const byBirth = ok<AssistedPersonListBody>(await agent.browser.get(`${PEOPLE}?q=1988-05-17`));
    expect(byBirth.items.map((p) => p.id)).toEqual(expect.arrayContaining([person.id, noPhone.id]));

    // Nobody signs in as them: no password, no address.
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, agent.user.id), eq(auditEvents.action, 'helpDesk.register')));
    expect(audit.map((a) => a.objectId).sort()).toEqual([person.id, noPhone.id].sort());
  });
});

describe('filing for the person', () => {
  it('files with the same legal effects: filing date, attestation de dépôt, the préfecture’s queue, reminders by SMS and post, never email', async () => {
    clock.now = new Date(START);
    const agent = await staffSignedIn(ctx, '69');
    const person = await register(agent);
    const { id, reference } = await fileFor(agent, person.id);

    const [row] = await db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({ userId: person.id, filedOn: '2026-10-01', late: false });
    const history = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));
    expect(history.find((h) => h.event === 'submit')).toMatchObject({ actorKind: 'help_desk', actorUserId: agent.user.id });

    // The same estimate of the decision as online (none computed yet: the daily job has not run).
    expect(ok(await agent.browser.get(`${PEOPLE}/${person.id}/applications/${id}/decision-estimate`))).toEqual({ computedOn: null, estimate: null });

    // The préfecture's back office sees it like any other filing.
    const file = ok<CaseFile>(await agent.browser.get(`/api/v1/staff/applications/${id}`));
    expect(file.application).toMatchObject({ reference, status: 'submitted', filedOn: '2026-10-01' });

    // The attestation de dépôt, printable at the desk.
    const list = ok<{ attestations: { id: string; kind: string }[] }>(await agent.browser.get(`${PEOPLE}/${person.id}/attestations`));
    const receipt = list.attestations.find((a) => a.kind === 'filing_receipt');
    expect(receipt).toBeDefined();
    const pdf = await agent.browser.get(`${PEOPLE}/${person.id}/attestations/${receipt!.id}/pdf?lang=fr`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain(`Nom et prénoms : ${person.profile.surname}, ${person.profile.givenNames}`);

    // Reminders: post and SMS, no email (the person has none).
    await recomputeReminders(db, person.id, clock.now);
    const channels = new Set((await db.select().from(reminders).where(eq(reminders.userId, person.id))).map((r) => r.channel));
    expect(channels.has('email')).toBe(false);
    expect(channels.has('post')).toBe(true);
    expect(channels.has('sms')).toBe(true);
  });

  it('tells the person by SMS and by a letter the desk prints (with the attestation) and marks posted; recomputing reminders keeps the notices', async () => {
    clock.now = new Date(START);
    const agent = await staffSignedIn(ctx, '69');
    const person = await register(agent);
    const { reference } = await fileFor(agent, person.id);
    expect(ok<AssistedPersonBody>(await agent.browser.get(`${PEOPLE}/${person.id}`)).id).toBe(person.id);
    const notices = await db.select().from(reminders).where(and(eq(reminders.userId, person.id), eq(reminders.kind, 'document_issued')));
    expect(notices.map((n) => n.channel).sort()).toEqual(['post', 'sms']);
    await recomputeReminders(db, person.id, clock.now);
    expect((await db.select().from(reminders).where(and(eq(reminders.userId, person.id), eq(reminders.kind, 'document_issued')))).every((n) => n.status === 'pending')).toBe(true);

    await deliver(person.id);
    const sms = await db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, '+33612345678'), eq(outboxMessages.kind, 'reminder_document_issued')));
    expect(sms.at(-1)?.text).toMatch(/^Sejour : Attestation de dépot délivrée le 1 octobre 2026\. Un courrier suit par la poste\./);
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.channel, 'email'))).toEqual([]);

    const queue = ok<PostalMailListBody>(await agent.browser.get('/api/v1/staff/postal-mail', { headers: { 'accept-language': 'en' } }));
    const letter = queue.items.find((item) => item.personId === person.id && item.kind === 'document_issued');
    expect(letter).toMatchObject({ title: 'Certificate of filing issued on 1 October 2026', postedAt: null });
    expect(letter?.attestationId).not.toBeNull();
    const printed = await agent.browser.get(`/api/v1/staff/postal-mail/${letter!.id}/pdf`);
    expect(printed.headers['content-type']).toBe('application/pdf');
    const text = pdfText(printed.rawPayload);
    expect(text).toContain(`${person.profile.givenNames} ${person.profile.surname.toUpperCase()}`);
    expect(text).toContain('4 rue Paul Bert');
    expect(text).toContain('69003 LYON');
    expect(text).toContain(`Demande n° ${reference}`);
    // The signed attestation follows the letter.
    expect(text).toContain('Attestation de dépôt et accusé de réception');

    // The supervisor's dashboard counts the letters still to post.
    const supervisor = await staffSignedIn(ctx, '69', { role: 'supervisor' });
    const board = async () => ok<Dashboard>(await supervisor.browser.get(`/api/v1/staff/dashboard?prefectureId=${person.prefectureId}`)).postalMail;
    const waiting = await board();
    expect(waiting.toPost).toBeGreaterThanOrEqual(1);
    expect(waiting.oldestCreatedAt).not.toBeNull();

    const posted = ok<PostalMailItem>(await agent.browser.post(`/api/v1/staff/postal-mail/${letter!.id}/posted`));
    expect((await board()).toPost).toBe(waiting.toPost - 1);
    expect(posted.postedAt).toBe(clock.now.toISOString());
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect(ok<PostalMailItem>(await agent.browser.post(`/api/v1/staff/postal-mail/${letter!.id}/posted`)).postedAt).toBe(posted.postedAt);
    const toPost = ok<PostalMailListBody>(await agent.browser.get('/api/v1/staff/postal-mail'));
    expect(toPost.items.map((i) => i.id)).not.toContain(letter!.id);
    const done = ok<PostalMailListBody>(await agent.browser.get('/api/v1/staff/postal-mail?status=posted'));
    expect(done.items.map((i) => i.id)).toContain(letter!.id);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.actorUserId, agent.user.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['helpDesk.register', 'helpDesk.act', 'helpDesk.read', 'postalMail.print', 'postalMail.posted']));
    expect(actions.filter((a) => a === 'postalMail.posted')).toHaveLength(1);
  });

  it('queues the letter at night, while the text message waits for the morning', async () => {
    clock.now = new Date('2026-10-01T20:30:00Z'); // 22:30 in Paris
    const agent = await staffSignedIn(ctx, '69');
    const person = await register(agent);
    await fileFor(agent, person.id);
    const notices = await db.select().from(reminders).where(and(eq(reminders.userId, person.id), eq(reminders.kind, 'document_issued')));
    const send = (id: string) => sendReminder({ db, now: () => clock.now, publicUrl: 'https://sejour.example', delivery: outbox() }, id);
    expect(await send(notices.find((n) => n.channel === 'post')!.id)).toBe('sent');
    expect(await send(notices.find((n) => n.channel === 'sms')!.id)).toBe('deferred');
    expect(await db.select().from(postalMail).where(eq(postalMail.userId, person.id))).toHaveLength(1);
  });

  it('sends the préfecture’s request for documents by letter, with its list', async () => {
    clock.now = new Date(START);
    const agent = await staffSignedIn(ctx, '69');
    const person = await register(agent, { phone: null });
    const { id } = await fileFor(agent, person.id);
    const before = ok<CaseFile>(await agent.browser.get(`/api/v1/staff/applications/${id}`));
    ok(await agent.browser.post(`/api/v1/staff/applications/${id}/document-requests`, { items: ['proof_of_address', 'resources_proof'], dueOn: '2026-10-31' }), 201);
    expect(before.application.status).toBe('submitted');
    await deliver(person.id);
    const letters = await db.select().from(postalMail).where(and(eq(postalMail.userId, person.id), eq(postalMail.kind, 'documents_requested')));
    expect(letters).toHaveLength(1);
    const text = pdfText((await agent.browser.get(`/api/v1/staff/postal-mail/${letters[0]!.id}/pdf`)).rawPayload);
    expect(text).toContain('avant le 31 octobre 2026');
    expect(text).toContain('– Justificatif de domicile');
    expect(text).toContain('– Justificatifs de ressources');
    // No phone: no SMS.
    expect(await db.select().from(reminders).where(and(eq(reminders.userId, person.id), eq(reminders.channel, 'sms')))).toEqual([]);
  });
});

describe('a person who gets an email address later', () => {
  it('gets a link to choose a password, signs in, sees the application filed for them, and is told by email instead of post', async () => {
    clock.now = new Date(START);
    const agent = await staffSignedIn(ctx, '69');
    const person = await register(agent);
    const { reference } = await fileFor(agent, person.id);
    const address = `desk-${person.id.slice(0, 8)}@example.org`;
    // The sign-in routes keep the real clock: the link must be fresh by it.
    clock.now = new Date();

    const invited = ok<AssistedPersonBody>(await agent.browser.post(`${PEOPLE}/${person.id}/invitation`, { email: address.toUpperCase() }));
    expect(invited.email).toBe(address);
    expect(invited.channels).toContain('email');
    expect(invited.channels).not.toContain('post');
    const pending = await db.select().from(reminders).where(and(eq(reminders.userId, person.id), eq(reminders.status, 'pending')));
    expect(pending.some((r) => r.channel === 'post' && r.kind !== 'document_issued')).toBe(false);

    const [mail] = await db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, address), eq(outboxMessages.kind, 'help_desk_invitation')));
    expect(mail?.subject).toBe('Votre espace Sejour vous attend – Sejour');
    const token = /token=([^\s]+)/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    const password = 'un guichet ouvert le mardi matin';
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: decodeURIComponent(token!), newPassword: password } })).statusCode).toBe(204);
    const { Browser } = await import('../../../../test/accounts');
    const browser = new Browser(ctx.app);
    expect((await browser.signIn(address, password)).statusCode).toBe(200);
    const mine = ok<{ items: { reference: string | null }[] }>(await browser.get('/api/v1/applications'));
    expect(mine.items.map((a) => a.reference)).toEqual([reference]);

    expectProblem(await agent.browser.post(`${PEOPLE}/${person.id}/invitation`, { email: 'other@example.org' }), 409, 'person_has_email');
    const other = await register(agent);
    const taken = await agent.browser.post(`${PEOPLE}/${other.id}/invitation`, { email: address });
    expectProblem(taken, 409, 'email_taken');
    // Nothing saved for the refused one: still told by post.
    expect(ok<AssistedPersonBody>(await agent.browser.get(`${PEOPLE}/${other.id}`))).toMatchObject({ email: null, channels: expect.arrayContaining(['post']) });
    expect((await staffSignedIn(ctx, '75')).browser.post(`${PEOPLE}/${other.id}/invitation`, { email: 'x@example.org' }).then((r) => r.statusCode)).resolves.toBe(404);
  });
});

describe('who may act at the desk', () => {
  it('answers 404 to another préfecture’s agent on every route of the person and of their letters, 403 to an applicant, 403 before the second factor', async () => {
    clock.now = new Date(START);
    const agent = await staffSignedIn(ctx, '69');
    const person = await register(agent);
    const { id } = await fileFor(agent, person.id);
    const [letter] = await db.select().from(postalMail).where(eq(postalMail.userId, person.id));
    await deliver(person.id);
    const [queued] = await db.select().from(postalMail).where(eq(postalMail.userId, person.id));
    expect(letter ?? queued).toBeDefined();
    const letterId = (letter ?? queued)!.id;

    const paris = await staffSignedIn(ctx, '75');
    const base = `${PEOPLE}/${person.id}`;
    const gets = [base, `${base}/permits`, `${base}/applications`, `${base}/applications/${id}`, `${base}/applications/${id}/decision-estimate`, `${base}/attestations`, `/api/v1/staff/postal-mail/${letterId}/pdf`];
    for (const url of gets) expect((await paris.browser.get(url)).statusCode, url).toBe(404);
    expect((await paris.browser.post(`${base}/applications`, { cardType: 'visiteur' })).statusCode).toBe(404);
    expect((await upload(paris.browser, `${base}/applications/${id}/items/passport/documents`, PNG)).statusCode).toBe(404);
    expect((await paris.browser.post(`/api/v1/staff/postal-mail/${letterId}/posted`)).statusCode).toBe(404);
    expect(ok<AssistedPersonListBody>(await paris.browser.get(PEOPLE)).items.map((p) => p.id)).not.toContain(person.id);
    expect(ok<PostalMailListBody>(await paris.browser.get('/api/v1/staff/postal-mail')).items.map((p) => p.personId)).not.toContain(person.id);

    const applicant = await signedIn(ctx);
    expect((await applicant.browser.get(base)).statusCode).toBe(403);
    expect((await applicant.browser.get(`${base}/applications`)).statusCode).toBe(403);
    expect((await applicant.browser.post(PEOPLE, personBody())).statusCode).toBe(403);
    // An applicant's own id under the desk's prefix is no way in either.
    expect((await agent.browser.get(`${PEOPLE}/${applicant.user.id}/applications`)).statusCode).toBe(404);

    const noSecondFactor = await staffSignedIn(ctx, '69', { secondFactor: false });
    expect((await noSecondFactor.browser.get(`${base}/applications`)).statusCode).toBe(403);
  });
});
