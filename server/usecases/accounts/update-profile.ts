/** A signed-in person changes their display name, phone number or language. */
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Locale } from '../../i18n/index';
import type { MeBody } from '../../../contract/accounts';
import type { AccountsContext } from './context';
import { presentAccount } from './get-account';

export interface UpdateProfileInput {
  userId: string;
  displayName?: string | undefined;
  /** null removes the number. */
  phone?: string | null | undefined;
  locale?: Locale | undefined;
}

export async function updateProfile(ctx: AccountsContext, input: UpdateProfileInput): Promise<MeBody> {
  const changes: Partial<typeof users.$inferInsert> = {};
  if (input.displayName !== undefined) changes.displayName = input.displayName.trim();
  if (input.phone !== undefined) changes.phone = input.phone;
  if (input.locale !== undefined) changes.locale = input.locale;
  const [user] =
    Object.keys(changes).length > 0
      ? await ctx.db.update(users).set(changes).where(eq(users.id, input.userId)).returning()
      : await ctx.db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError(401, 'unauthenticated');
  return presentAccount(user);
}
