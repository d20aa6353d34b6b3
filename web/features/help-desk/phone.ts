/**
 * The mobile number the text messages go to, in E.164 as the server wants it (`E164_PATTERN` of
 * contract/help-desk.ts, repeated here to keep typebox out of this module). Agents type numbers as
 * people say them: spaces, dots and dashes are dropped, and a French number written 06… or 07…
 * becomes +336… / +337….
 */
export const PHONE_PATTERN = /^\+[1-9]\d{6,14}$/;

export function normalisePhone(typed: string): string {
  const compact = typed.replace(/[\s.\-()]/g, '');
  if (/^0[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  return compact;
}
