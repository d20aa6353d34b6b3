/** The signed-in person's account as the API shows it. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/index';
import type { MeBody } from '../../../contract/accounts';
import { isLocale } from '../../i18n/index';
import { accountEmail } from './context';

export type UserRow = typeof users.$inferSelect;

export function presentAccount(user: UserRow): MeBody {
  return {
    id: user.id,
    email: accountEmail(user),
    displayName: user.displayName,
    role: user.role,
    locale: isLocale(user.locale) ? user.locale : 'fr',
    phone: user.phone,
    emailVerified: user.emailVerifiedAt !== null,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

export async function findUserById(db: Db, userId: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user;
}

export async function getAccount(db: Db, userId: string): Promise<MeBody | undefined> {
  const user = await findUserById(db, userId);
  return user ? presentAccount(user) : undefined;
}
