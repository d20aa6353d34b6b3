/**
 * The contact section: the helpline, the category/subject lists in the reader's language and, for
 * a signed-in applicant whose address is known, their préfecture with its phone and answer target.
 */
import { eq } from 'drizzle-orm';
import type { Contact } from '../../../contract/messages';
import { DEFAULT_ANSWER_WORKING_DAYS } from '../../../domain/messages/answer-due';
import { NATIONAL_HELPLINE } from '../../../domain/messages/helpline';
import { MESSAGE_CATEGORIES } from '../../../domain/messages/topics';
import { prefectureMessageSettings, prefecturePages, prefectures } from '../../db/schema/index';
import type { Locale } from '../../i18n/index';
import { residenceDepartementOf, type MessagesContext } from './context';


export async function answerWorkingDaysOf(db: MessagesContext['db'], prefectureId: string): Promise<number> {
  const [row] = await db.select({ days: prefectureMessageSettings.answerWorkingDays }).from(prefectureMessageSettings).where(eq(prefectureMessageSettings.prefectureId, prefectureId));
  return row?.days ?? DEFAULT_ANSWER_WORKING_DAYS;
}

export async function getContact(ctx: MessagesContext, userId: string | undefined, locale: Locale): Promise<Contact> {
  let prefecture: Contact['prefecture'] = null;
  const departement = userId ? await residenceDepartementOf(ctx.db, userId) : undefined;
  if (departement) {
    const [row] = await ctx.db
      .select({ id: prefectures.id, name: prefectures.name, departementCode: prefectures.departementCode, phone: prefecturePages.phone })
      .from(prefectures)
      .leftJoin(prefecturePages, eq(prefecturePages.prefectureId, prefectures.id))
      .where(eq(prefectures.departementCode, departement));
    if (row) prefecture = { name: row.name, departementCode: row.departementCode, phone: row.phone ?? null, answerWorkingDays: await answerWorkingDaysOf(ctx.db, row.id) };
  }
  return {
    helpline: { phone: NATIONAL_HELPLINE.phone, hours: NATIONAL_HELPLINE.hours[locale] },
    prefecture,
    categories: MESSAGE_CATEGORIES.map((c) => ({
      id: c.id,
      label: c.label[locale],
      concernsApplication: c.concernsApplication,
      subjects: c.subjects.map((s) => ({ id: s.id, label: s.label[locale] })),
    })),
  };
}
