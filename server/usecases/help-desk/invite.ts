/**
 * A person registered at the desk gets an email address later: the agent records it and Sejour
 * sends them a link to choose a password (a `reset_password` link, valid one hour; afterwards
 * "Forgotten password" with the same address works). Following it proves the address and opens
 * the account like any other: from then on the person is told by email and in their space
 * instead of by letter (`channelsOf`), and the desk can still act for them.
 * Docs: docs/adr/0020-help-desk-substitution.md.
 */
import { eq } from 'drizzle-orm';
import { ACCOUNT_PAGES } from '../../../contract/accounts';
import type { AssistedPersonBody } from '../../../contract/help-desk';
import { users } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { isLocale } from '../../i18n/index';
import { issueAccountToken } from '../accounts/account-tokens';
import type { AccountsContext } from '../accounts/context';
import { pageLink, sendAccountEmail } from '../accounts/emails';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Origin, StaffCaller } from '../back-office/staff-scope';
import { isUniqueViolation } from '../applications/queries';
import { recomputeReminders } from '../reminders/recompute-reminders';
import { loadAssisted, presentPerson } from './people';

export async function invitePerson(ctx: AccountsContext, caller: StaffCaller, personId: string, input: { email: string }, origin: Origin): Promise<AssistedPersonBody> {
  const now = ctx.now();
  const email = input.email.trim().toLowerCase();
  const { prefectureId } = await loadAssisted(ctx.db, caller, personId);
  try {
    await ctx.db.transaction(async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, personId)).for('update');
      if (!user) throw new AppError(404, 'person_not_found');
      if (user.email !== null) throw new AppError(409, 'person_has_email');
      await tx.update(users).set({ email, emailVerifiedAt: null }).where(eq(users.id, personId));
      const token = await issueAccountToken(tx, { userId: personId, purpose: 'reset_password', email, now });
      await sendAccountEmail(
        ctx,
        {
          kind: 'help_desk_invitation',
          to: email,
          locale: isLocale(user.locale) ? user.locale : 'fr',
          name: user.displayName,
          actions: [{ label: 'action', url: pageLink(ctx.env.publicUrl, ACCOUNT_PAGES.resetPassword, token) }],
        },
        tx,
      );
      // Reminders now go by email instead of post.
      await recomputeReminders(tx, personId, now);
      await recordAuditEvent(tx, { actor: caller, action: 'helpDesk.invite', object: { type: 'person', id: personId }, prefectureId, origin, at: now });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'email_taken', {}, [{ in: 'body', field: 'email', code: 'email_taken' }]);
    throw error;
  }
  // The invitation's own audit entry covers this answer: no second `helpDesk.read`.
  return presentPerson(ctx.db, personId);
}
