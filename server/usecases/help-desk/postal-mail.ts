/**
 * Letters for people without an email address (docs/adr/0020-help-desk-substitution.md).
 *
 * - `queueLetter`: the reminder sender's `post` channel puts one letter in the queue of the
 *   préfecture whose desk registered the person, in the sender's transaction (exactly once: the
 *   reminder row is the letter's unique key).
 * - `listPostalMail`, `renderPostalLetter`, `markPosted`: the desk's queue, for the agents of that
 *   préfecture only (another préfecture's letter answers 404); printing and posting are audited.
 * - `noticeTitle`, `composeDeskSms`: what the person is told, in their language.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import type { PostalMailItem, PostalMailKind } from '../../../contract/help-desk';
import { isNoticeKind } from '../../../domain/reminders/notices';
import type { ReminderKind } from '../../../domain/reminders/compute-reminders';
import type { Db } from '../../db/client';
import { applicantProfiles, applications, assistedPeople, attestations, documentRequests, postalMail, prefecturePages, prefectures, type reminders } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { isLocale, translate, type Locale } from '../../i18n/index';
import { renderPostalLetterPdf } from '../../adapters/pdf/postal-letter-pdf';
import { toGsm7 } from '../../adapters/sms/gsm7';
import { recordAuditEvent } from '../audit/record-audit-event';
import { renderRow } from '../attestations/render-attestation';
import { prefectureIdsOf, type Origin, type StaffCaller } from '../back-office/staff-scope';
import { longDate, reminderTitle } from '../reminders/compose-reminder';

type ReminderRow = typeof reminders.$inferSelect;
type PostalRow = typeof postalMail.$inferSelect;

/** The attestation's name as the person's list shows it ("Attestation de dépôt"). */
function documentName(kind: string, locale: Locale): string {
  return translate(locale, `attestations:list.kinds.${kind}`);
}

/** The one-line title of a notice or reminder, in `locale`. */
export function titleOf(kind: string, params: Record<string, string>, locale: Locale): string {
  const aboutOn = params.aboutOn ?? '';
  if (kind === 'document_issued') return translate(locale, 'notices:titles.document_issued', { document: documentName(params.document ?? '', locale), aboutOn: longDate(aboutOn, locale) });
  if (isNoticeKind(kind)) return translate(locale, `notices:titles.${kind}`, { aboutOn: longDate(aboutOn, locale) });
  return reminderTitle(kind as ReminderKind, locale, aboutOn);
}

/** What the letter and the text message are about, read from the notice's subject. */
async function paramsOf(db: Db, row: Pick<ReminderRow, 'kind' | 'subjectId' | 'aboutOn' | 'citation'>): Promise<{ params: Record<string, string>; attestationId: string | null }> {
  const params: Record<string, string> = { reminderKind: row.kind, aboutOn: row.aboutOn, citation: row.citation };
  if (row.kind === 'document_issued') {
    const [attestation] = await db
      .select({ kind: attestations.kind, reference: applications.reference })
      .from(attestations)
      .leftJoin(applications, eq(applications.id, attestations.applicationId))
      .where(eq(attestations.id, row.subjectId));
    if (!attestation) throw new Error(`attestation ${row.subjectId} not found`);
    return { params: { ...params, document: attestation.kind, reference: attestation.reference ?? '' }, attestationId: row.subjectId };
  }
  if (row.kind === 'documents_requested') {
    const [request] = await db
      .select({ items: documentRequests.items, reference: applications.reference })
      .from(documentRequests)
      .innerJoin(applications, eq(applications.id, documentRequests.applicationId))
      .where(eq(documentRequests.id, row.subjectId));
    if (!request) throw new Error(`document request ${row.subjectId} not found`);
    return { params: { ...params, items: JSON.stringify(request.items), reference: request.reference ?? '' }, attestationId: null };
  }
  if (row.kind === 'tacit_refusal') {
    const [application] = await db.select({ reference: applications.reference }).from(applications).where(eq(applications.id, row.subjectId));
    return { params: { ...params, reference: application?.reference ?? '' }, attestationId: null };
  }
  return { params, attestationId: null };
}

export async function noticeTitle(db: Db, row: Pick<ReminderRow, 'kind' | 'subjectId' | 'aboutOn' | 'citation'>, locale: Locale): Promise<string> {
  return titleOf(row.kind, (await paramsOf(db, row)).params, locale);
}

/** The text message of a person without an email address: the title, and that a letter follows (one GSM-7 segment). */
export function composeDeskSms(title: string, locale: Locale): string {
  return toGsm7(translate(locale, 'notices:sms', { title }));
}

export async function queueLetter(tx: Db, row: ReminderRow, locale: Locale, now: Date): Promise<void> {
  const [desk] = await tx.select({ prefectureId: assistedPeople.prefectureId }).from(assistedPeople).where(eq(assistedPeople.userId, row.userId));
  if (!desk) throw new Error('a letter for a person no help desk registered');
  const { params, attestationId } = await paramsOf(tx, row);
  const kind: PostalMailKind = isNoticeKind(row.kind) ? row.kind : 'reminder';
  await tx
    .insert(postalMail)
    .values({ userId: row.userId, prefectureId: desk.prefectureId, kind, reminderId: row.id, attestationId, params, locale, createdAt: now })
    .onConflictDoNothing();
}

function present(row: PostalRow, person: { surname: string; givenNames: string } | null, locale: Locale): PostalMailItem {
  return {
    id: row.id,
    kind: row.kind,
    title: titleOf(row.params.reminderKind ?? row.kind, row.params, locale),
    personId: row.userId,
    personName: person ? `${person.surname.toUpperCase()} ${person.givenNames}` : '',
    createdAt: row.createdAt.toISOString(),
    postedAt: row.postedAt ? row.postedAt.toISOString() : null,
    attestationId: row.attestationId,
  };
}

export interface PostalContext {
  db: Db;
  now: () => Date;
  publicUrl: string;
}

/** The letters of the caller's préfectures: to post (oldest first, the order to print them) or posted (newest first). */
export async function listPostalMail(ctx: PostalContext, caller: StaffCaller, status: 'to_post' | 'posted', locale: Locale): Promise<PostalMailItem[]> {
  const mine = await prefectureIdsOf(ctx.db, caller);
  if (mine.length === 0) return [];
  const rows = await ctx.db
    .select({ row: postalMail, person: { surname: applicantProfiles.surname, givenNames: applicantProfiles.givenNames } })
    .from(postalMail)
    .leftJoin(applicantProfiles, eq(applicantProfiles.userId, postalMail.userId))
    .where(and(inArray(postalMail.prefectureId, mine), status === 'to_post' ? isNull(postalMail.postedAt) : isNotNull(postalMail.postedAt)))
    .orderBy(status === 'to_post' ? asc(postalMail.createdAt) : desc(postalMail.postedAt))
    .limit(200);
  return rows.map(({ row, person }) => present(row, person, locale));
}

async function loadLetter(db: Db, caller: StaffCaller, id: string): Promise<PostalRow> {
  const mine = await prefectureIdsOf(db, caller);
  const [row] = mine.length === 0 ? [] : await db.select().from(postalMail).where(and(eq(postalMail.id, id), inArray(postalMail.prefectureId, mine)));
  if (!row) throw new AppError(404, 'postal_mail_not_found');
  return row;
}

/**
 * The letter as a PDF ready for a window envelope, in the person's language, followed by the
 * attestation it announces (rendered from its row, so the copy posted is the genuine signed one).
 */
export async function renderPostalLetter(ctx: PostalContext, caller: StaffCaller, id: string, origin: Origin): Promise<{ bytes: Uint8Array; filename: string }> {
  const row = await loadLetter(ctx.db, caller, id);
  const [profile] = await ctx.db.select().from(applicantProfiles).where(eq(applicantProfiles.userId, row.userId));
  const [prefecture] = await ctx.db
    .select({ name: prefectures.name, city: prefectures.city, phone: prefecturePages.phone, desk: prefecturePages.helpDeskAddress, address: prefecturePages.address })
    .from(prefectures)
    .leftJoin(prefecturePages, eq(prefecturePages.prefectureId, prefectures.id))
    .where(eq(prefectures.id, row.prefectureId));
  if (!profile || !prefecture) throw new AppError(404, 'postal_mail_not_found');
  const locale: Locale = isLocale(row.locale) ? row.locale : 'fr';
  const writtenOn = row.createdAt.toISOString().slice(0, 10);
  const kind = row.params.reminderKind ?? row.kind;
  const items = row.params.items ? (JSON.parse(row.params.items) as string[]) : [];
  const letter = await renderPostalLetterPdf(
    {
      kind: row.kind,
      noticeKind: kind,
      title: titleOf(kind, row.params, locale),
      writtenOn,
      reference: row.params.reference ?? null,
      aboutOn: row.params.aboutOn ?? writtenOn,
      document: row.params.document ?? null,
      items,
      citation: row.params.citation ?? '',
      person: {
        name: `${profile.givenNames} ${profile.surname.toUpperCase()}`,
        addressLines: [profile.addressLine1, profile.addressLine2, [profile.postalCode, profile.city?.toUpperCase()].filter(Boolean).join(' ')].filter((line): line is string => Boolean(line)),
      },
      prefecture: { name: prefecture.name, city: prefecture.city, phone: prefecture.phone ?? null, address: prefecture.desk ?? prefecture.address ?? null },
      verifyUrl: `${ctx.publicUrl}/verify`,
    },
    locale,
  );
  let bytes = letter;
  if (row.attestationId) {
    const [attestation] = await ctx.db.select().from(attestations).where(eq(attestations.id, row.attestationId));
    if (attestation) {
      const merged = await PDFDocument.load(letter);
      const enclosed = await PDFDocument.load(await renderRow(attestation, locale, ctx.publicUrl));
      for (const page of await merged.copyPages(enclosed, enclosed.getPageIndices())) merged.addPage(page);
      bytes = await merged.save({ useObjectStreams: false });
    }
  }
  await recordAuditEvent(ctx.db, { actor: caller, action: 'postalMail.print', object: { type: 'postal_mail', id: row.id }, prefectureId: row.prefectureId, origin, details: { personId: row.userId }, at: ctx.now() });
  return { bytes, filename: `courrier-${row.kind}-${writtenOn}.pdf` };
}

/** Marks the letter posted (a second call keeps the first date); audited. */
export async function markPosted(ctx: PostalContext, caller: StaffCaller, id: string, origin: Origin, locale: Locale): Promise<PostalMailItem> {
  return ctx.db.transaction(async (tx) => {
    const row = await loadLetter(tx, caller, id);
    let current = row;
    if (!row.postedAt) {
      const [updated] = await tx.update(postalMail).set({ postedAt: ctx.now(), postedBy: caller.id }).where(and(eq(postalMail.id, id), isNull(postalMail.postedAt))).returning();
      if (updated) {
        current = updated;
        await recordAuditEvent(tx, { actor: caller, action: 'postalMail.posted', object: { type: 'postal_mail', id }, prefectureId: row.prefectureId, origin, details: { personId: row.userId }, at: ctx.now() });
      }
    }
    const [person] = await tx.select({ surname: applicantProfiles.surname, givenNames: applicantProfiles.givenNames }).from(applicantProfiles).where(eq(applicantProfiles.userId, row.userId));
    return present(current, person ?? null, locale);
  });
}
