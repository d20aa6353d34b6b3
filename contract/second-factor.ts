/** Second factor (TOTP + recovery codes) for staff accounts: request and response shapes. */
import { Type, type Static } from 'typebox';

export const SecondFactorStatusSchema = Type.Object(
  {
    enrolled: Type.Boolean({ description: 'A confirmed authenticator app is registered.' }),
    verified: Type.Boolean({ description: 'This session passed the second factor.' }),
    recoveryCodesLeft: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type SecondFactorStatus = Static<typeof SecondFactorStatusSchema>;

export const TotpEnrolmentSchema = Type.Object(
  {
    secret: Type.String({ description: 'Base32 secret, for typing into the app when the QR code cannot be scanned.' }),
    otpauthUri: Type.String(),
    qrCode: Type.String({ description: 'The otpauth link as an SVG QR code data URL.' }),
  },
  { additionalProperties: false },
);

export const TotpCodeBodySchema = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6 digits the app shows.' }) },
  { additionalProperties: false },
);

export const RecoveryCodesSchema = Type.Object(
  { recoveryCodes: Type.Array(Type.String(), { description: 'Shown once: single-use codes for a lost phone.' }) },
  { additionalProperties: false },
);

export const SecondFactorVerifyBodySchema = Type.Union([
  TotpCodeBodySchema,
  Type.Object(
    { recoveryCode: Type.String({ pattern: '^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$' }) },
    { additionalProperties: false },
  ),
]);

export const SecondFactorVerifiedSchema = Type.Object(
  {
    method: Type.Union([Type.Literal('totp'), Type.Literal('recovery_code')]),
    recoveryCodesLeft: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  },
  { additionalProperties: false },
);
