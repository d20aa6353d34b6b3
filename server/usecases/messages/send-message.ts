/**
 * An applicant writes to their préfecture: checks the category and subject against the lists,
 * links the application when the message concerns one (the applicant must own it; its préfecture
 * receives the message), else finds the préfecture from the person's address like applications do;
 * computes the answer due date (rule MSG-SLA) and returns the acknowledgement (reference + due date).
 */
import type { SendMessageBody, Thread } from '../../../contract/messages';
import { answerDue } from '../../../domain/messages/answer-due';
import { findCategory, findSubject } from '../../../domain/messages/topics';
import { todayInParis } from '../../../domain/deadlines/index';
import { messageThreads, messages } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Locale } from '../../i18n/index';
import type { Viewer } from '../../policies/applications';
import { isUniqueViolation, loadOwnApplication, prefectureById, prefectureOf } from '../applications/queries';
import { drawMessageReference, messagesOf, residenceDepartementOf, summarise, type MessagesContext } from './context';
import { answerWorkingDaysOf } from './get-contact';

/** Representatives do not write in the person's name here (ADR 0017): refused, nothing leaks. */
export function applicantOnly(viewer: Viewer): void {
  if (viewer.role !== 'applicant' || viewer.representative !== undefined) throw new AppError(403, 'forbidden');
}

export async function sendMessage(ctx: MessagesContext, viewer: Viewer, input: SendMessageBody, locale: Locale): Promise<Thread> {
  applicantOnly(viewer);
  const category = findCategory(input.categoryId);
  if (!category || !findSubject(input.categoryId, input.subjectId)) {
    throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: category ? 'subjectId' : 'categoryId', code: 'message_topic' }]);
  }
  const body = input.body.trim();
  if (body.length === 0) throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'body', code: 'required' }]);
  if (category.concernsApplication && !input.applicationId) throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'applicationId', code: 'required' }]);

  let prefecture;
  let applicationId: string | null = null;
  if (input.applicationId) {
    const application = await loadOwnApplication(ctx.db, viewer, input.applicationId);
    applicationId = application.id;
    prefecture = await prefectureById(ctx.db, application.prefectureId);
  } else {
    const departement = (await residenceDepartementOf(ctx.db, viewer.id)) ?? input.departement;
    if (!departement) throw new AppError(400, 'departement_required');
    prefecture = await prefectureOf(ctx.db, departement);
  }

  const now = ctx.now();
  const today = todayInParis(now);
  const due = answerDue(today, prefecture.departementCode, await answerWorkingDaysOf(ctx.db, prefecture.id));
  for (let attempt = 0; ; attempt += 1) {
    try {
      const thread = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(messageThreads)
          .values({
            reference: drawMessageReference(Number(today.slice(0, 4))),
            userId: viewer.id,
            prefectureId: prefecture.id,
            applicationId,
            categoryId: input.categoryId,
            subjectId: input.subjectId,
            status: 'awaiting_answer',
            createdAt: now,
            lastMessageAt: now,
            dueOn: due.dueOn,
            escalateOn: due.escalateOn,
            ruleId: due.ruleId,
          })
          .returning();
        if (!row) throw new Error('thread not inserted');
        await tx.insert(messages).values({ threadId: row.id, author: 'applicant', authorUserId: viewer.id, body, createdAt: now });
        return row;
      });
      const [summary] = await summarise(ctx.db, [thread], locale);
      if (!summary) throw new Error('thread vanished');
      return { thread: summary, messages: await messagesOf(ctx.db, thread.id) };
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error, 'message_threads_reference_unique')) continue;
      throw error;
    }
  }
}
