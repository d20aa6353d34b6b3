/**
 * Which reminders a person is owed, from their facts and today (pure: no clock, no I/O).
 *
 * - R-90 (ANEF practice, also sent by Sejour): 4 months before the current permit expires, and
 *   2 months and 1 week before (month rule R-60, then minus 7 days) — only while no application
 *   following that permit is filed (withdrawn ones do not count).
 * - Sejour's own reminders (`sejourOwn: true`, policy 3 of legal-rules.md): the filing window
 *   closing (S-01), the VLS-TS validation deadline (S-02), an attestation de prolongation about to
 *   lapse (R-31 + policy 3, 14 days before its last day, while the application is undecided), and an
 *   open request for documents (R-20, 7 days before and on its due date).
 *
 * - An appointment booked (`appointments`, Sejour's own, ADR 0016): the day before it, Paris time.
 *
 * Each reminder is sent at 09:00 Europe/Paris on `dueOn` (`sendAt`, an instant). The result holds
 * every reminder that still applies, past ones included (`past: true`), so the caller can keep a
 * pending reminder whose moment passed while the service was down and cancel only those that no
 * longer apply; it stores only the ones not past.
 */
import { Temporal } from 'temporal-polyfill';
import { addDays, addMonths, formatIsoDate, toEpochDay, type IsoDate } from '../calendar/epoch-day';
import { LEGAL_TIME_ZONE } from '../calendar/today-in-paris';
import { lookUpRule } from '../deadlines/rule-book';
import type { PermitKind, RuleId } from '../rules/legal-rules';

export const REMINDER_KINDS = [
  'renewal_4_months',
  'renewal_2_months_1_week',
  'window_closing',
  'vls_ts_validation',
  'prolongation_lapsing',
  'document_request_due_soon',
  'document_request_due_today',
  'appointment_tomorrow',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Local time (Europe/Paris) at which reminders go out. */
export const REMINDER_HOUR = 9;
/** Sejour policy 3: days before an attestation de prolongation lapses. */
export const PROLONGATION_REMINDER_DAYS = 14;
/** Sejour policy 3: days before a request for documents is due. */
export const DOCUMENT_REQUEST_REMINDER_DAYS = 7;

export interface ReminderPermit {
  readonly id: string;
  readonly kind: PermitKind;
  readonly validUntil: IsoDate;
  /** VLS-TS only. */
  readonly enteredFranceOn?: IsoDate;
  /** VLS-TS only: set once validated. */
  readonly validatedOn?: IsoDate;
}

export type ReminderApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'documents_requested'
  | 'complete'
  | 'decided_favourable'
  | 'refused'
  | 'withdrawn';

export interface ReminderApplication {
  readonly id: string;
  readonly permitId: string;
  readonly status: ReminderApplicationStatus;
}

export interface ReminderFacts {
  /** The person's current permit (the latest to expire), if any. */
  readonly permit?: ReminderPermit;
  readonly applications: readonly ReminderApplication[];
  /** Attestations de prolongation in force (not superseded), with their last day. */
  readonly prolongations: readonly { readonly id: string; readonly applicationId: string; readonly validUntil: IsoDate }[];
  readonly documentRequests: readonly { readonly id: string; readonly applicationId: string; readonly dueOn: IsoDate; readonly answeredOn?: IsoDate }[];
  /** Active appointment bookings: the booking id and when the slot starts (ISO instant). */
  readonly appointments?: readonly { readonly id: string; readonly startsAt: string }[];
}

export interface Reminder {
  readonly kind: ReminderKind;
  /** The permit, attestation or request the reminder is about. */
  readonly subjectId: string;
  readonly dueOn: IsoDate;
  /** 09:00 Europe/Paris on `dueOn`, an ISO instant (`2027-02-28T08:00:00Z`). */
  readonly sendAt: string;
  /** The date the reminder is about (expiry, deadline, due date). */
  readonly aboutOn: IsoDate;
  readonly ruleId: RuleId | 'R-20' | typeof APPOINTMENT_RULE_ID;
  readonly citation: string;
  /** Sejour's own reminder (policy 3), not one of the administration's. */
  readonly sejourOwn: boolean;
  readonly past: boolean;
}

const FILED: ReadonlySet<ReminderApplicationStatus> = new Set(['submitted', 'documents_requested', 'complete', 'decided_favourable', 'refused']);
const UNDECIDED: ReadonlySet<ReminderApplicationStatus> = new Set(['submitted', 'documents_requested', 'complete']);
const R20_CITATION = 'CESEDA R.431-11 (since June 2025)';
/** Sejour's own appointment reminder (no legal rule: a service of the préfecture's booking). */
export const APPOINTMENT_RULE_ID = 'S-RDV';
const APPOINTMENT_CITATION = 'Politique Sejour : rappel de rendez-vous';

/** The Europe/Paris calendar date of an instant. */
export function parisDateOf(instant: string): IsoDate {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(LEGAL_TIME_ZONE).toPlainDate().toString();
}

/** 09:00 Europe/Paris on `day`, as an ISO instant in UTC (DST handled by the time-zone data). */
export function reminderSendAt(day: IsoDate): string {
  const zoned = Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: LEGAL_TIME_ZONE, plainTime: Temporal.PlainTime.from({ hour: REMINDER_HOUR }) });
  return zoned.toInstant().toString();
}

const shift = (day: IsoDate, months: number, days: number): IsoDate => formatIsoDate(addDays(addMonths(toEpochDay(day), months), days));

export function computeReminders(facts: ReminderFacts, today: IsoDate): Reminder[] {
  const out: Reminder[] = [];
  const add = (kind: ReminderKind, subjectId: string, dueOn: IsoDate, aboutOn: IsoDate, ruleId: Reminder['ruleId'], citation: string, sejourOwn: boolean) =>
    out.push({ kind, subjectId, dueOn, sendAt: reminderSendAt(dueOn), aboutOn, ruleId, citation, sejourOwn, past: dueOn < today });
  const ruleAt = (id: RuleId, day: IsoDate) => lookUpRule(id, toEpochDay(day)).version;

  const { permit } = facts;
  if (permit) {
    const expiry = permit.validUntil;
    const filed = facts.applications.some((a) => a.permitId === permit.id && FILED.has(a.status));
    if (!filed) {
      const r90 = ruleAt('R-90', expiry);
      const { firstMonthsBefore, secondMonthsBefore, secondExtraDaysBefore } = r90.params as { firstMonthsBefore: number; secondMonthsBefore: number; secondExtraDaysBefore: number };
      add('renewal_4_months', permit.id, shift(expiry, -firstMonthsBefore, 0), expiry, 'R-90', r90.citation, false);
      add('renewal_2_months_1_week', permit.id, shift(expiry, -secondMonthsBefore, -secondExtraDaysBefore), expiry, 'R-90', r90.citation, false);
      const s01 = ruleAt('S-01', expiry);
      const r10 = ruleAt('R-10', expiry);
      const closesOn = shift(expiry, 0, -(r10.params as { closesDaysBefore: number }).closesDaysBefore);
      add('window_closing', permit.id, shift(expiry, 0, -(s01.params as { daysBeforeExpiry: number }).daysBeforeExpiry), closesOn, 'S-01', s01.citation, true);
    }
    if (permit.kind === 'vls_ts' && permit.enteredFranceOn !== undefined && permit.validatedOn === undefined) {
      const r01 = ruleAt('R-01', permit.enteredFranceOn);
      const deadline = shift(permit.enteredFranceOn, (r01.params as { validationMonths: number }).validationMonths, 0);
      const s02 = ruleAt('S-02', deadline);
      add('vls_ts_validation', permit.id, shift(deadline, 0, -(s02.params as { daysBeforeDeadline: number }).daysBeforeDeadline), deadline, 'S-02', `${s02.citation} ; ${r01.citation}`, true);
    }
  }

  const undecided = new Set(facts.applications.filter((a) => UNDECIDED.has(a.status)).map((a) => a.id));
  for (const prolongation of facts.prolongations) {
    if (!undecided.has(prolongation.applicationId)) continue;
    const r31 = ruleAt('R-31', prolongation.validUntil);
    add('prolongation_lapsing', prolongation.id, shift(prolongation.validUntil, 0, -PROLONGATION_REMINDER_DAYS), prolongation.validUntil, 'R-31', `${r31.citation} ; Politique Sejour 3`, true);
  }
  for (const request of facts.documentRequests) {
    if (request.answeredOn !== undefined || !undecided.has(request.applicationId)) continue;
    add('document_request_due_soon', request.id, shift(request.dueOn, 0, -DOCUMENT_REQUEST_REMINDER_DAYS), request.dueOn, 'R-20', `${R20_CITATION} ; Politique Sejour 3`, true);
    add('document_request_due_today', request.id, request.dueOn, request.dueOn, 'R-20', `${R20_CITATION} ; Politique Sejour 3`, true);
  }
  for (const appointment of facts.appointments ?? []) {
    const on = parisDateOf(appointment.startsAt);
    add('appointment_tomorrow', appointment.id, shift(on, 0, -1), on, APPOINTMENT_RULE_ID, APPOINTMENT_CITATION, true);
  }
  return out.sort((a, b) => (a.dueOn === b.dueOn ? REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind) : a.dueOn < b.dueOn ? -1 : 1));
}

/** Reminders that go out at night are held until 09:00: quiet hours, Paris time (default 21:00–08:00). */
export interface QuietHours {
  /** First quiet hour in the evening (12–23). */
  readonly from: number;
  /** First hour of the morning that is not quiet (0–9). */
  readonly until: number;
}
export const DEFAULT_QUIET_HOURS: QuietHours = { from: 21, until: 8 };

/** `nowMs` (epoch milliseconds) if it is daytime in Paris, else the next 09:00 Europe/Paris. */
export function nextDaytimeSend(nowMs: number, quiet: QuietHours = DEFAULT_QUIET_HOURS): number {
  const zoned = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(LEGAL_TIME_ZONE);
  if (zoned.hour >= quiet.until && zoned.hour < quiet.from) return nowMs;
  const day = zoned.hour >= quiet.from ? zoned.toPlainDate().add({ days: 1 }) : zoned.toPlainDate();
  return Temporal.Instant.from(reminderSendAt(day.toString())).epochMilliseconds;
}
