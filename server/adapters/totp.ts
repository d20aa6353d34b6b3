/**
 * TOTP (RFC 6238) through otplib: 160-bit secrets, SHA-1, 6 digits, 30-second steps — what every
 * authenticator app reads from an `otpauth://` link. A code one step early or late is accepted
 * (phone clocks drift), and a step already used is refused (replay).
 */
import { generate, generateSecret, generateURI, verify } from 'otplib';

const PERIOD_SECONDS = 30;
/** One step either side. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(input: { issuer: string; account: string; secret: string }): string {
  return generateURI({ issuer: input.issuer, label: input.account, secret: input.secret, period: PERIOD_SECONDS });
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false };

/**
 * Checks a 6-digit code at `now`. `afterTimeStep`: the last step accepted for this secret; that step
 * and earlier ones are refused.
 */
export async function checkTotp(input: { secret: string; code: string; now: Date; afterTimeStep?: number | null }): Promise<TotpCheck> {
  if (!/^\d{6}$/.test(input.code)) return { valid: false };
  const result = await verify({
    secret: input.secret,
    token: input.code,
    epoch: Math.floor(input.now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(input.afterTimeStep != null ? { afterTimeStep: input.afterTimeStep } : {}),
  });
  return result.valid && 'timeStep' in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}

/** The code an authenticator shows at `now` (tests, and the demo accounts' helper). */
export async function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
