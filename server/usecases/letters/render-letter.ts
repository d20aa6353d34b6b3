/**
 * The registered letter of one of the caller's applications, as a PDF (issue 8). Owner only: an
 * application the caller may not see is 404 (server/policies/applications.ts). A letter that does
 * not fit the application's situation (not filed, already decided, no implicit rejection yet) is
 * 409 `letter_not_available` with the reason. Nothing is written: the letter is the applicant's to
 * send, Sejour only drafts it.
 */
import { eq } from 'drizzle-orm';
import { applicantProfiles, prefecturePages } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Locale } from '../../i18n/index';
import { renderLetterPdf } from '../../adapters/pdf/letter-pdf';
import { letterAvailability, letterGrounds, reasonsDueOn, type LetterKind } from '../../../domain/letters/letters';
import { clockFactsOf, legalClockOf } from '../back-office/legal-clock';
import { todayOf, type ApplicationsContext, type Caller } from '../applications/context';
import { activeDocuments, foreignerNumberOf, loadOwnApplication, prefectureById } from '../applications/queries';

export interface RenderedLetter {
  bytes: Uint8Array;
  filename: string;
}

export async function renderLetter(
  ctx: Pick<ApplicationsContext, 'db' | 'now'>,
  caller: Caller,
  input: { applicationId: string; kind: LetterKind; locale: Locale },
): Promise<RenderedLetter> {
  const application = await loadOwnApplication(ctx.db, caller, input.applicationId);
  const today = todayOf(ctx);
  const facts = await clockFactsOf(ctx.db, application.id);
  const clock = facts ? legalClockOf(facts, today) : null;
  const reasonsDeadline = clock?.dates.find((d) => d.id === 'reasons_request_deadline')?.on ?? null;
  const availability = letterAvailability(
    input.kind,
    { status: application.status, filedOn: application.filedOn, tacitRefusalOn: clock?.tacitRefusal?.on ?? null, reasonsRequestDeadline: reasonsDeadline },
    today,
  );
  if (!availability.ok || application.filedOn === null || application.reference === null) {
    throw new AppError(409, 'letter_not_available', { reason: availability.ok ? 'not_filed' : availability.reason });
  }

  const [[profile], [page], prefecture, documents, foreignerNumber] = await Promise.all([
    ctx.db.select().from(applicantProfiles).where(eq(applicantProfiles.userId, application.userId)),
    ctx.db.select({ address: prefecturePages.address }).from(prefecturePages).where(eq(prefecturePages.prefectureId, application.prefectureId)),
    prefectureById(ctx.db, application.prefectureId),
    activeDocuments(ctx.db, application.id),
    foreignerNumberOf(ctx.db, application.userId),
  ]);
  if (!profile) throw new AppError(409, 'letter_not_available', { reason: 'no_profile' });
  const addressLines = [profile.addressLine1, profile.addressLine2, [profile.postalCode, profile.city].filter(Boolean).join(' ')].filter(
    (line): line is string => Boolean(line && line.trim()),
  );
  const items = [...new Set(documents.map((d) => d.checklistItemId))];
  const bytes = await renderLetterPdf(
    {
      kind: input.kind,
      writtenOn: today,
      reference: application.reference,
      filedOn: application.filedOn,
      cardType: application.cardType,
      applicant: {
        surname: profile.surname,
        givenNames: profile.givenNames,
        birthDate: profile.birthDate,
        addressLines,
        city: profile.city,
        foreignerNumber: foreignerNumber ?? null,
      },
      prefecture: { name: prefecture.name, city: prefecture.city, address: page?.address ?? null },
      documents: items,
      grounds: letterGrounds(input.kind, application.filedOn, today),
      tacitRefusalOn: clock?.tacitRefusal?.on ?? null,
      reasonsDueOn: reasonsDueOn(today),
    },
    input.locale,
  );
  return { bytes, filename: `${application.reference}-${input.kind === 'no_answer' ? 'lettre-relance' : 'lettre-motifs'}.pdf` };
}
