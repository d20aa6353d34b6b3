/**
 * Demo accounts for the embedded database only (refused with DATABASE_URL by env.ts).
 * Passwords are random per installation, kept in `DATA_DIR/demo-accounts.json` (mode 0600)
 * so that every start can print them; nothing is a default password.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from './client';
import { applicantProfiles, prefectures, totpSecrets, userPrefectures, users, type UserRole } from './schema/index';
import { hashPassword, verifyPassword } from '../adapters/password';
import { newTotpSecret } from '../adapters/totp';

export interface DemoAccount {
  email: string;
  password: string;
  role: UserRole;
  displayName: string;
  /** Départements whose prefecture the account works for (agents, supervisors). */
  departements: string[];
  /** Staff only: the authenticator secret already enrolled, so the demo can pass the second factor. */
  totpSecret?: string;
}

const DEMO_PREFECTURE = '69';

const TEMPLATES: ReadonlyArray<Omit<DemoAccount, 'password'>> = [
  { email: 'demo.applicant@sejour.test', role: 'applicant', displayName: 'Amina Diallo', departements: [] },
  { email: 'demo.agent@sejour.test', role: 'agent', displayName: 'Agent Rhône', departements: [DEMO_PREFECTURE] },
  { email: 'demo.supervisor@sejour.test', role: 'supervisor', displayName: 'Superviseur Rhône', departements: [DEMO_PREFECTURE] },
  { email: 'demo.admin@sejour.test', role: 'admin', displayName: 'Administrateur', departements: [] },
];

function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

function readSaved(file: string): Map<string, { password: string; totpSecret?: string }> {
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ email: string; password: string; totpSecret?: string }>;
    return new Map(saved.map((a) => [a.email, a]));
  } catch {
    return new Map();
  }
}

export async function ensureDemoAccounts(db: Db, dataDir: string): Promise<DemoAccount[]> {
  const file = path.join(dataDir, 'demo-accounts.json');
  const saved = readSaved(file);
  const accounts: DemoAccount[] = TEMPLATES.map((t) => {
    const previous = saved.get(t.email);
    const account: DemoAccount = { ...t, password: previous?.password ?? newPassword() };
    if (t.role !== 'applicant') account.totpSecret = previous?.totpSecret ?? newTotpSecret();
    return account;
  });

  const existing = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(inArray(users.email, accounts.map((a) => a.email)));
  const byEmail = new Map(existing.map((u) => [u.email, u]));

  for (const account of accounts) {
    const current = byEmail.get(account.email);
    if (current && account.totpSecret) await ensureDemoSecondFactor(db, current.id, account.totpSecret);
    if (current?.passwordHash && (await verifyPassword(current.passwordHash, account.password))) continue;
    const passwordHash = await hashPassword(account.password);
    await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: account.email, displayName: account.displayName, role: account.role, passwordHash })
        .onConflictDoUpdate({ target: users.email, set: { passwordHash } })
        .returning({ id: users.id });
      if (user && account.totpSecret) await ensureDemoSecondFactor(tx, user.id, account.totpSecret);
      if (user && account.role === 'applicant') await ensureDemoProfile(tx, user.id);
      if (!user || account.departements.length === 0) return;
      const prefectureRows = await tx
        .select({ id: prefectures.id })
        .from(prefectures)
        .where(inArray(prefectures.departementCode, account.departements));
      await tx.delete(userPrefectures).where(eq(userPrefectures.userId, user.id));
      if (prefectureRows.length > 0) {
        await tx.insert(userPrefectures).values(prefectureRows.map((p) => ({ userId: user.id, prefectureId: p.id })));
      }
    });
  }

  fs.writeFileSync(file, JSON.stringify(accounts.map(({ email, password, totpSecret }) => ({ email, password, totpSecret })), null, 2), {
    mode: 0o600,
  });
  return accounts;
}

/** Staff demo accounts come enrolled: the secret is printed so it can be typed into an authenticator app. */
async function ensureDemoSecondFactor(db: Db, userId: string, secret: string): Promise<void> {
  const now = new Date();
  await db
    .insert(totpSecrets)
    .values({ userId, secret, confirmedAt: now, createdAt: now })
    .onConflictDoUpdate({ target: totpSecrets.userId, set: { secret, confirmedAt: now } });
}

/** The demo applicant has an identity and an address, so that filing and attestations work at once. */
async function ensureDemoProfile(db: Db, userId: string): Promise<void> {
  const now = new Date();
  await db
    .insert(applicantProfiles)
    .values({
      userId,
      surname: 'DIALLO',
      givenNames: 'Amina',
      birthDate: '1996-04-12',
      birthPlace: 'Dakar, Sénégal',
      nationality: 'SEN',
      addressLine1: '12 rue de la République',
      postalCode: '69002',
      city: 'Lyon',
      departementCode: '69',
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
}
