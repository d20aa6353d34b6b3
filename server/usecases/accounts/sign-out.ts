/** Ends the session a browser holds. Signing out twice, or without a session, is not an error. */
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index';
import type { AccountsContext } from './context';
import { hashToken } from './secrets';

export async function signOut(ctx: AccountsContext, input: { sessionToken: string | undefined }): Promise<void> {
  if (!input.sessionToken) return;
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(input.sessionToken)));
}
