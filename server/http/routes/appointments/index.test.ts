/**
 * Appointments through the API: agents publish slots (one or a weekly series) in their préfecture
 * only; applicants see the free slots of theirs, book, move, cancel; 50 people booking a slot of
 * capacity N at once yield exactly N bookings and 409s for the others; cancelling a slot tells the
 * people booked; the day's list names them.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appointmentBookings, appointmentSlots, auditEvents, notifications, reminders } from '../../../db/schema/index';
import type { BookingBody, BookingList, DayList, FreeSlots, PublishedSlots } from '../../../../contract/appointments';
import { TINY_PNG } from '../../../usecases/applications/test-pdfs';
import { staffSignedIn, prefectureIdOf, createApplicationsTestApp, createProfile, expectProblem, fillChecklist, ok, recordCard, signedIn, startDraft, type Applicant } from '../applications/test-kit';
import { Browser, createUser } from '../../../../test/accounts';

const START = '2026-10-01T10:00:00Z';
const ctx = await createApplicationsTestApp(START);
const { clock, db } = ctx;

const prefectureId = (code: string) => prefectureIdOf(db, code);

const agentOf = (departement: string, options: { secondFactor?: boolean } = {}) => staffSignedIn(ctx, departement, options);

/** An applicant whose profile address is in the département. */
async function applicantIn(departement: string): Promise<Applicant> {
  const user = await createUser(db);
  await createProfile(db, user.id, { departementCode: departement });
  const browser = new Browser(ctx.app);
  expect((await browser.signIn(user.email, user.password)).statusCode).toBe(200);
  return { user, browser };
}

async function publish(agent: Applicant, departement: string, body: Record<string, unknown> = {}): Promise<string[]> {
  const result = ok<PublishedSlots>(
    await agent.browser.post('/api/v1/staff/appointment-slots', {
      prefectureId: await prefectureId(departement),
      kind: 'help_desk',
      capacity: 2,
      from: '2026-10-05',
      times: ['09:30'],
      durationMinutes: 30,
      ...body,
    }),
    201,
  );
  return result.slotIds;
}

const book = (who: Applicant, slotId: string) => who.browser.post('/api/v1/appointments', { slotId });
const mine = async (who: Applicant) => ok<BookingList>(await who.browser.get('/api/v1/appointments')).bookings;
const slotRow = async (id: string) => (await db.select().from(appointmentSlots).where(eq(appointmentSlots.id, id)))[0]!;

describe('publishing slots', () => {
  it('publishes one slot at the Paris time given, and a weekly series over a range; audited', async () => {
    clock.now = new Date(START);
    const agent = await agentOf('69');
    const [one] = await publish(agent, '69');
    const row = await slotRow(one!);
    // 09:30 in Paris on 5 October 2026 (summer time) is 07:30 UTC.
    expect(row.startsAt.toISOString()).toBe('2026-10-05T07:30:00.000Z');
    expect(row.endsAt.toISOString()).toBe('2026-10-05T08:00:00.000Z');
    // Mondays and Thursdays, two times, from Monday 12 October to Sunday 25 October: 4 days × 2 times.
    const series = await publish(agent, '69', { from: '2026-10-12', until: '2026-10-25', weekdays: [1, 4], times: ['09:00', '14:00'] });
    expect(series).toHaveLength(8);
    // Winter time from 25 October: 09:00 in Paris on Monday 26 October would be 08:00 UTC.
    const winter = await publish(agent, '69', { from: '2026-10-26', times: ['09:00'] });
    expect((await slotRow(winter[0]!)).startsAt.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, agent.user.id), eq(auditEvents.action, 'appointment_slots.publish')));
    expect(audit.map((a) => (a.details as { count: number }).count)).toEqual([1, 8, 1]);
  });

  it("refuses another préfecture (404), a slot in the past and a series too long (422), applicants and staff without second factor (403)", async () => {
    clock.now = new Date(START);
    const agent = await agentOf('69');
    const paris = await prefectureId('75');
    expectProblem(await agent.browser.post('/api/v1/staff/appointment-slots', { prefectureId: paris, kind: 'help_desk', capacity: 1, from: '2026-10-05', times: ['09:00'], durationMinutes: 30 }), 404, 'appointment_prefecture_not_found');
    const lyon = await prefectureId('69');
    expectProblem(await agent.browser.post('/api/v1/staff/appointment-slots', { prefectureId: lyon, kind: 'help_desk', capacity: 1, from: '2026-09-30', times: ['09:00'], durationMinutes: 30 }), 422, 'appointment_slot_in_past');
    expectProblem(
      await agent.browser.post('/api/v1/staff/appointment-slots', { prefectureId: lyon, kind: 'help_desk', capacity: 1, from: '2026-10-05', until: '2027-09-30', times: ['09:00', '10:00'], durationMinutes: 30 }),
      422,
      'appointment_series_invalid',
    );
    const noFactor = await agentOf('69', { secondFactor: false });
    expectProblem(await noFactor.browser.post('/api/v1/staff/appointment-slots', { prefectureId: lyon, kind: 'help_desk', capacity: 1, from: '2026-10-05', times: ['09:00'], durationMinutes: 30 }), 403, 'second_factor_required');
    const applicant = await applicantIn('69');
    expect((await applicant.browser.post('/api/v1/staff/appointment-slots', { prefectureId: lyon, kind: 'help_desk', capacity: 1, from: '2026-10-05', times: ['09:00'], durationMinutes: 30 })).statusCode).toBe(403);
  });
});

describe('booking', () => {
  it('shows the free slots of my préfecture only, books, repeats idempotently, moves and cancels', async () => {
    clock.now = new Date(START);
    const agent = await agentOf('13');
    const [first, second] = await publish(agent, '13', { times: ['09:00', '10:00'], capacity: 1 });
    const other = await agentOf('33');
    const [elsewhere] = await publish(other, '33');
    const applicant = await applicantIn('13');
    const free = ok<FreeSlots>(await applicant.browser.get('/api/v1/appointments/slots'));
    expect(free.allowedKinds).toEqual(['help_desk']);
    expect(free.slots.map((s) => s.id)).toEqual([first, second]);
    expectProblem(await book(applicant, elsewhere!), 404, 'appointment_slot_not_found');

    const booked = ok<BookingBody>(await book(applicant, first!), 201);
    expect(booked).toMatchObject({ status: 'active', kind: 'help_desk', slot: { id: first, free: 0 } });
    // A retry of the same booking returns it; another slot of the same kind must be a move.
    expect(ok<BookingBody>(await book(applicant, first!), 200).id).toBe(booked.id);
    expectProblem(await book(applicant, second!), 409, 'appointment_already_booked');
    expect((await slotRow(first!)).booked).toBe(1);
    // The full slot is no longer offered.
    expect(ok<FreeSlots>(await applicant.browser.get('/api/v1/appointments/slots')).slots.map((s) => s.id)).toEqual([second]);

    const moved = ok<BookingBody>(await applicant.browser.post(`/api/v1/appointments/${booked.id}/move`, { slotId: second }));
    expect(moved.slot.id).toBe(second);
    expect([(await slotRow(first!)).booked, (await slotRow(second!)).booked]).toEqual([0, 1]);
    expect((await mine(applicant)).map((b) => [b.slot.id, b.status])).toEqual([
      [second, 'active'],
      [first, 'moved'],
    ]);
    // A reminder the day before at 09:00 Paris (4 October, summer time: 07:00 UTC).
    const owed = await db.select().from(reminders).where(and(eq(reminders.userId, applicant.user.id), eq(reminders.kind, 'appointment_tomorrow')));
    expect(owed.filter((r) => r.status === 'pending').map((r) => [r.dueOn, r.sendAt.toISOString()])).toContainEqual(['2026-10-04', '2026-10-04T07:00:00.000Z']);

    // The calendar feed holds the appointment as a timed event.
    const feed = ok<{ url: string }>(await applicant.browser.post('/api/v1/me/calendar-feed', {}), 201);
    const ics = (await applicant.browser.get(new URL(feed.url).pathname)).body;
    expect(ics).toContain('DTSTART:20261005T080000Z');
    expect(ics).toContain("SUMMARY:Rendez-vous : Point d'accueil numérique");

    // Another person cannot see or cancel it.
    const stranger = await applicantIn('13');
    expectProblem(await stranger.browser.delete(`/api/v1/appointments/${moved.id}`), 404, 'appointment_not_found');
    // Moving to a full slot keeps the booking where it was.
    ok(await book(stranger, first!), 201);
    expectProblem(await applicant.browser.post(`/api/v1/appointments/${moved.id}/move`, { slotId: first }), 409, 'appointment_slot_full');
    expect((await mine(applicant))[0]).toMatchObject({ id: moved.id, status: 'active' });

    expect((await applicant.browser.delete(`/api/v1/appointments/${moved.id}`)).statusCode).toBe(204);
    expect((await applicant.browser.delete(`/api/v1/appointments/${moved.id}`)).statusCode).toBe(204);
    expect((await slotRow(second!)).booked).toBe(0);
    const left = await db.select().from(reminders).where(and(eq(reminders.userId, applicant.user.id), eq(reminders.kind, 'appointment_tomorrow'), eq(reminders.status, 'pending')));
    expect(left).toEqual([]);
  });

  it('opens document collection only after a favourable decision (403 before)', async () => {
    clock.now = new Date(START);
    const agent = await agentOf('69');
    const [collection] = await publish(agent, '69', { kind: 'document_collection', from: '2026-11-02' });
    const applicant = await signedIn(ctx);
    await recordCard(applicant.browser, { validUntil: '2026-12-31', cardType: 'visiteur', foreignerNumber: String(7_000_000_000 + Math.floor(Math.random() * 999_999_999)) });
    const draft = await startDraft(applicant.browser, { answers: { marriedOrHasChildren: false }, departement: '69' });
    await fillChecklist(applicant.browser, draft.id, { data: TINY_PNG, filename: 'scan.png', contentType: 'image/png' });
    ok(await applicant.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { headers: { 'idempotency-key': `key-${draft.id}` } }));
    expect(ok<FreeSlots>(await applicant.browser.get('/api/v1/appointments/slots?kind=document_collection')).slots).toEqual([]);
    expectProblem(await book(applicant, collection!), 403, 'appointment_not_allowed');
    ok(await agent.browser.post(`/api/v1/staff/applications/${draft.id}/complete`, {}));
    ok(await agent.browser.post(`/api/v1/staff/applications/${draft.id}/favourable-decision`, {}));
    const free = ok<FreeSlots>(await applicant.browser.get('/api/v1/appointments/slots?kind=document_collection'));
    expect(free.slots.map((s) => s.id)).toEqual([collection]);
    ok(await book(applicant, collection!), 201);

    // The day's list names them, with their application reference; audited.
    const day = ok<DayList>(await agent.browser.get(`/api/v1/staff/appointment-slots/day?date=2026-11-02&prefectureId=${await prefectureId('69')}`));
    const slot = day.slots.find((s) => s.id === collection);
    expect(slot?.people).toEqual([{ bookingId: expect.any(String), name: 'LEFÈVRE-NÚÑEZ Zoë Anaïs', applicationReference: expect.stringMatching(/^\S+$/) }]);
    const other = await agentOf('75');
    expectProblem(await other.browser.get(`/api/v1/staff/appointment-slots/day?date=2026-11-02&prefectureId=${await prefectureId('69')}`), 404, 'appointment_prefecture_not_found');
    expectProblem(await other.browser.delete(`/api/v1/staff/appointment-slots/${collection}`), 404, 'appointment_slot_not_found');

    // Cancelling the slot cancels the booking and tells the applicant in the app.
    expect(ok(await agent.browser.delete(`/api/v1/staff/appointment-slots/${collection}`))).toEqual({ id: collection, cancelledBookings: 1 });
    expect((await mine(applicant))[0]).toMatchObject({ status: 'cancelled' });
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, applicant.user.id), eq(notifications.kind, 'appointment_cancelled')));
    expect(told).toHaveLength(1);
    const list = ok<{ notifications: Array<{ kind: string; title: string }> }>(await applicant.browser.get('/api/v1/me/notifications'));
    expect(list.notifications.find((n) => n.kind === 'appointment_cancelled')?.title).toMatch(/annulé/);
  });
});

describe('the last places', () => {
  it('50 people booking a slot of capacity 3 at once: exactly 3 bookings, the others a 409 problem', async () => {
    clock.now = new Date(START);
    const agent = await agentOf('31');
    const [slot] = await publish(agent, '31', { capacity: 3 });
    const people = await Promise.all(Array.from({ length: 50 }, () => applicantIn('31')));
    const responses = await Promise.all(people.map((person) => book(person, slot!)));
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(47);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'appointment_slot_full', status: 409 });
    }
    expect((await slotRow(slot!)).booked).toBe(3);
    const rows = await db.select().from(appointmentBookings).where(eq(appointmentBookings.slotId, slot!));
    expect(rows).toHaveLength(3);
  });

  it('one person booking the same slot twice at once gets one booking', async () => {
    clock.now = new Date(START);
    const agent = await agentOf('31');
    const [slot] = await publish(agent, '31', { capacity: 5, from: '2026-10-06' });
    const person = await applicantIn('31');
    const responses = await Promise.all(Array.from({ length: 5 }, () => book(person, slot!)));
    expect(new Set(responses.map((r) => (r.json() as BookingBody).id)).size).toBe(1);
    expect((await slotRow(slot!)).booked).toBe(1);
  });
});
