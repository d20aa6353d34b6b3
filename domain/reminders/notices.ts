/**
 * Notices: what a person without an email address is told when something happens to their file
 * (docs/adr/0020-help-desk-substitution.md). People with an address see these events in their
 * space; a person registered at a préfecture's desk without one gets a text message (when a
 * mobile number is known) and a letter. Notices travel through the `reminders` table, like the
 * reminders, so they share its idempotency, retries and quiet hours; unlike reminders they are
 * not recomputed from the facts: an event that happened stays told.
 */
import type { IsoDate } from '../calendar/epoch-day';

export const NOTICE_KINDS = ['document_issued', 'documents_requested', 'tacit_refusal'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function isNoticeKind(kind: string): kind is NoticeKind {
  return (NOTICE_KINDS as readonly string[]).includes(kind);
}

/** Sejour policy: the substitution route keeps the notifications (rule id ≤ 8 characters). */
export const NOTICE_RULE_ID = 'S-GUI';
export const NOTICE_CITATION = 'CE, Section, 3 juin 2022, n° 452798 ; décret n° 2023-191 du 22 mars 2023 — politique Sejour : avis par SMS et par courrier';

export interface Notice {
  readonly kind: NoticeKind;
  /** The attestation issued, the request for documents, or the application tacitly refused. */
  readonly subjectId: string;
  /** The day it is about: the issue date, the request's due date, the day the refusal arose. */
  readonly aboutOn: IsoDate;
}

/** One send per person, notice, subject and channel (reminders use the due date instead: one notice a day could be two attestations). */
export function noticeKey(userId: string, notice: Pick<Notice, 'kind' | 'subjectId'>, channel: string): string {
  return `${userId}:${notice.kind}:${notice.subjectId}:${channel}`;
}
