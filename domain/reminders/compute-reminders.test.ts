import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { computeReminders, nextDaytimeSend, reminderSendAt, type ReminderFacts } from './compute-reminders';

const ms = (instant: string) => Temporal.Instant.from(instant).epochMilliseconds;
const permit = { id: 'p1', kind: 'temporary_card' as const, validUntil: '2027-06-30' };
const none: ReminderFacts = { permit, applications: [], prolongations: [], documentRequests: [] };
const brief = (facts: ReminderFacts, today: string) =>
  computeReminders(facts, today).map((r) => [r.kind, r.dueOn, r.ruleId, r.sejourOwn, r.past] as const);

describe(computeReminders.name, () => {
  it.each([
    // expiry, 4 months before, 2 months and 1 week before (R-90: R-60 then −7 days), S-01 (75 days before)
    ['2027-06-30', '2027-02-28', '2027-04-23', '2027-04-16', 'R-90 + R-60: 30 Jun − 4 months = 28 Feb (clamped)'],
    ['2027-12-31', '2027-08-31', '2027-10-24', '2027-10-17', 'R-90 + R-60: month ends'],
    ['2028-04-30', '2027-12-30', '2028-02-22', '2028-02-15', 'R-90: across the year end, February of a leap year'],
  ])('expiry %s: renewal reminders on %s and %s, window closing on %s (%s)', (validUntil, first, second, closing) => {
    expect(brief({ ...none, permit: { ...permit, validUntil } }, '2026-01-01')).toEqual([
      ['renewal_4_months', first, 'R-90', false, false],
      ...[
        ['window_closing', closing, 'S-01', true, false] as const,
        ['renewal_2_months_1_week', second, 'R-90', false, false] as const,
      ].sort((a, b) => (a[1] < b[1] ? -1 : 1)),
    ]);
  });

  it('cites the rule of each reminder and sends it at 09:00 Paris (UTC+1 in winter, UTC+2 in summer)', () => {
    const [first, , second] = computeReminders(none, '2026-01-01');
    expect(first).toMatchObject({ citation: expect.stringContaining('PERSée'), sendAt: '2027-02-28T08:00:00Z', aboutOn: '2027-06-30' });
    expect(second).toMatchObject({ kind: 'renewal_2_months_1_week', sendAt: '2027-04-23T07:00:00Z' });
  });

  it('stops the renewal reminders once an application following the permit is filed, and brings them back when it is withdrawn (R-90)', () => {
    const filed = { ...none, applications: [{ id: 'a1', permitId: 'p1', status: 'submitted' as const }] };
    expect(computeReminders(filed, '2026-01-01')).toEqual([]);
    const draft = { ...none, applications: [{ id: 'a1', permitId: 'p1', status: 'draft' as const }] };
    expect(computeReminders(draft, '2026-01-01')).toHaveLength(3);
    const withdrawn = { ...none, applications: [{ id: 'a1', permitId: 'p1', status: 'withdrawn' as const }] };
    expect(computeReminders(withdrawn, '2026-01-01')).toHaveLength(3);
  });

  it('reminds a VLS-TS holder 14 days before the validation deadline (entry + 3 months, R-01, S-02) until validated', () => {
    const vls = { ...none, permit: { id: 'v1', kind: 'vls_ts' as const, validUntil: '2027-09-14', enteredFranceOn: '2026-09-15' } };
    expect(brief(vls, '2026-09-20')[0]).toEqual(['vls_ts_validation', '2026-12-01', 'S-02', true, false]);
    expect(computeReminders(vls, '2026-09-20')[0]?.citation).toContain('R.431-17');
    const validated = { ...vls, permit: { ...vls.permit, validatedOn: '2026-10-01' } };
    expect(brief(validated, '2026-09-20').map(([kind]) => kind)).toEqual(['renewal_4_months', 'window_closing', 'renewal_2_months_1_week']);
  });

  it('reminds 14 days before an attestation de prolongation lapses while the application is undecided (R-31, policy 3)', () => {
    const facts: ReminderFacts = {
      applications: [{ id: 'a1', permitId: 'p0', status: 'complete' }],
      prolongations: [{ id: 'att1', applicationId: 'a1', validUntil: '2027-03-31' }],
      documentRequests: [],
    };
    expect(brief(facts, '2027-01-01')).toEqual([['prolongation_lapsing', '2027-03-17', 'R-31', true, false]]);
    expect(computeReminders({ ...facts, applications: [{ id: 'a1', permitId: 'p0', status: 'decided_favourable' }] }, '2027-01-01')).toEqual([]);
  });

  it('reminds 7 days before and on the due date of an unanswered request for documents (R-20, R.431-11)', () => {
    const facts: ReminderFacts = {
      applications: [{ id: 'a1', permitId: 'p0', status: 'documents_requested' }],
      prolongations: [],
      documentRequests: [{ id: 'r1', applicationId: 'a1', dueOn: '2027-02-10' }],
    };
    expect(brief(facts, '2027-02-05')).toEqual([
      ['document_request_due_soon', '2027-02-03', 'R-20', true, true],
      ['document_request_due_today', '2027-02-10', 'R-20', true, false],
    ]);
    const answered = { ...facts, documentRequests: [{ id: 'r1', applicationId: 'a1', dueOn: '2027-02-10', answeredOn: '2027-02-04' }] };
    expect(computeReminders(answered, '2027-02-05')).toEqual([]);
  });
});

describe(reminderSendAt.name, () => {
  it('is 09:00 in Paris on both sides of the daylight-saving change', () => {
    expect(reminderSendAt('2027-03-27')).toEqual('2027-03-27T08:00:00Z');
    expect(reminderSendAt('2027-03-28')).toEqual('2027-03-28T07:00:00Z');
  });
});

describe(nextDaytimeSend.name, () => {
  it('keeps a daytime instant and moves a night one to the next 09:00 Paris', () => {
    expect(nextDaytimeSend(ms('2027-01-10T12:00:00Z'))).toEqual(ms('2027-01-10T12:00:00Z'));
    expect(nextDaytimeSend(ms('2027-01-10T02:00:00Z'))).toEqual(ms('2027-01-10T08:00:00Z'));
    expect(nextDaytimeSend(ms('2027-01-10T21:30:00Z'))).toEqual(ms('2027-01-11T08:00:00Z'));
  });
});

describe('appointment reminders (ADR 0016)', () => {
  it('reminds the day before an appointment, at 09:00 Paris, using the Paris date of the slot', () => {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Paris: the reminder is on 1 March.
    const facts: ReminderFacts = { ...none, appointments: [{ id: 'b1', startsAt: '2027-03-01T23:30:00Z' }] };
    const [reminder] = computeReminders(facts, '2027-02-01').filter((r) => r.kind === 'appointment_tomorrow');
    expect(reminder).toMatchObject({ subjectId: 'b1', dueOn: '2027-03-01', aboutOn: '2027-03-02', sendAt: '2027-03-01T08:00:00Z', sejourOwn: true, past: false });
  });

  it('marks past the reminder of an appointment booked for today', () => {
    const facts: ReminderFacts = { ...none, appointments: [{ id: 'b1', startsAt: '2027-03-02T14:00:00Z' }] };
    expect(computeReminders(facts, '2027-03-02').find((r) => r.kind === 'appointment_tomorrow')?.past).toBe(true);
  });
});
