/**
 * First step of enrolment: a new secret, shown as an `otpauth://` link and its QR code. It stays
 * unconfirmed (useless) until a code from the app proves the phone holds it; starting again
 * replaces an unconfirmed secret. An enrolled account cannot enrol again here (an administrator
 * resets it).
 */
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { totpSecrets, users } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { newTotpSecret, totpUri } from '../../adapters/totp';
import type { AccountsContext } from '../accounts/context';
import { accountEmail } from '../accounts/context';

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  /** The same link as an SVG QR code, `data:image/svg+xml;base64,…`. */
  qrCode: string;
}

export async function startTotpEnrolment(ctx: AccountsContext, input: { userId: string }): Promise<TotpEnrolment> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
    if (!user) throw new AppError(404, 'not_found');
    const [existing] = await tx.select().from(totpSecrets).where(eq(totpSecrets.userId, input.userId)).for('update');
    if (existing?.confirmedAt) throw new AppError(409, 'second_factor_already_enrolled');
    const secret = newTotpSecret();
    await tx
      .insert(totpSecrets)
      .values({ userId: input.userId, secret, createdAt: now })
      .onConflictDoUpdate({ target: totpSecrets.userId, set: { secret, createdAt: now, lastTimeStep: null } });
    const otpauthUri = totpUri({ issuer: 'Sejour', account: accountEmail(user), secret });
    const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
  });
}
