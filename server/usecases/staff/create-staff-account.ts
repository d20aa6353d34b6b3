/**
 * Staff accounts (administrators, supervisors, agents) are never self-registered: the first
 * administrator comes from the `npm run admin` command, later ones from an administrator. The
 * password is drawn at random and shown once to whoever creates the account; staff must then
 * enrol a second factor before they see any case.
 */
import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { STAFF_ROLES} from '../../db/schema/index';
import { prefectures, userPrefectures, users } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { hashPassword } from '../../adapters/password';
import { normalizeEmail } from '../accounts/secrets';

export type StaffRole = (typeof STAFF_ROLES)[number];

export interface CreateStaffInput {
  email: string;
  displayName: string;
  role: StaffRole;
  /** Départements whose prefecture the agent or supervisor works for (at least one for them). */
  departements: readonly string[];
}

export async function createStaffAccount(db: Db, input: CreateStaffInput): Promise<{ userId: string; email: string; password: string }> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'email', code: 'format', params: { format: 'email' } }]);
  if (input.displayName.trim() === '') throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'displayName', code: 'required' }]);
  const departements = [...new Set(input.departements)];
  if (input.role !== 'admin' && departements.length === 0) {
    throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'departements', code: 'required' }]);
  }
  const password = randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) throw new AppError(409, 'email_taken');
    const prefectureRows = departements.length
      ? await tx.select({ id: prefectures.id, code: prefectures.departementCode }).from(prefectures).where(inArray(prefectures.departementCode, departements))
      : [];
    const unknown = departements.filter((code) => !prefectureRows.some((p) => p.code === code));
    if (unknown.length > 0) {
      throw new AppError(400, 'validation_failed', {}, [{ in: 'body', field: 'departements', code: 'departement_without_prefecture', params: { code: unknown.join(', ') } }]);
    }
    const [user] = await tx
      .insert(users)
      .values({ email, displayName: input.displayName.trim(), role: input.role, passwordHash })
      .returning({ id: users.id });
    if (!user) throw new Error('user insert returned nothing');
    if (prefectureRows.length > 0) await tx.insert(userPrefectures).values(prefectureRows.map((p) => ({ userId: user.id, prefectureId: p.id })));
    return { userId: user.id, email, password };
  });
}
