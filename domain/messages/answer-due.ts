/**
 * When a message must be answered, and when an unanswered one goes to the supervisor.
 *
 * Rule MSG-SLA (a Sejour service-level target, not a legal deadline): a préfecture answers a
 * message within N working days (Monday–Friday, public holidays of its département excluded)
 * counted from the day after it was sent; N is the préfecture's own target, or
 * DEFAULT_ANSWER_WORKING_DAYS when it has set none.
 * Rule MSG-ESC: a thread still unanswered ESCALATE_WORKING_DAYS_BEFORE working days before its due
 * date (or on the day after sending, if that comes later) is escalated to the supervisors.
 */
import type { DepartmentCode } from '../departments';
import { isPublicHoliday } from '../calendar/holidays';
import { addDays, formatIsoDate, isoDayOfWeek, toEpochDay, type EpochDay, type IsoDate } from '../calendar/epoch-day';

export const DEFAULT_ANSWER_WORKING_DAYS = 10;
export const ESCALATE_WORKING_DAYS_BEFORE = 2;

export interface AnswerDue {
  dueOn: IsoDate;
  escalateOn: IsoDate;
  workingDays: number;
  ruleId: 'MSG-SLA';
}

function isWorkingDay(day: EpochDay, departement: DepartmentCode): boolean {
  return isoDayOfWeek(day) < 6 && !isPublicHoliday(day, departement);
}

function addWorkingDays(from: EpochDay, count: number, departement: DepartmentCode): EpochDay {
  let day = from;
  let left = count;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, departement)) left -= 1;
  }
  return day;
}

function subtractWorkingDays(from: EpochDay, count: number, departement: DepartmentCode): EpochDay {
  let day = from;
  let left = count;
  while (left > 0) {
    day = addDays(day, -1);
    if (isWorkingDay(day, departement)) left -= 1;
  }
  return day;
}

/** The due date of a message sent on `sentOn` (a Paris calendar date) to a préfecture of `departement`. */
export function answerDue(sentOn: IsoDate, departement: DepartmentCode, workingDays: number | null | undefined): AnswerDue {
  const days = workingDays && workingDays > 0 ? workingDays : DEFAULT_ANSWER_WORKING_DAYS;
  const sent = toEpochDay(sentOn);
  const due = addWorkingDays(sent, days, departement);
  const before = subtractWorkingDays(due, Math.min(ESCALATE_WORKING_DAYS_BEFORE, days), departement);
  const escalate = before > sent ? before : addDays(sent, 1);
  return { dueOn: formatIsoDate(due), escalateOn: formatIsoDate(escalate as EpochDay), workingDays: days, ruleId: 'MSG-SLA' };
}
