/** Refusals about passwords, shaped as field errors the form can show beside the field. */
import { AppError } from '../../http/problem';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordRefusal, passwordRefusal } from '../../policies/password';

export function weakPasswordError(refusal: PasswordRefusal, field: string): AppError {
  const limit = refusal === 'password_too_short' ? PASSWORD_MIN_LENGTH : PASSWORD_MAX_LENGTH;
  return new AppError(400, 'weak_password', {}, [{ in: 'body', field, code: refusal, params: { limit } }]);
}

/** Throws the refusal of a new password, if any. */
export function assertAcceptablePassword(password: string, email: string, field: string): void {
  const refusal = passwordRefusal(password, { email });
  if (refusal) throw weakPasswordError(refusal, field);
}

export function wrongPasswordError(field: string): AppError {
  return new AppError(403, 'wrong_password', {}, [{ in: 'body', field, code: 'wrong_password' }]);
}
