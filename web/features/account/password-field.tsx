/**
 * A password field: react-dsfr's PasswordInput (DSFR "mot de passe" with its "Show" box), its
 * built-in texts taken from our catalogues, the rules of a new password from
 * `GET /api/v1/auth/options`, and the field's error.
 */
import { PasswordInput, addPasswordInputTranslations } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuthOptionsBody } from '../../../contract/accounts';
import { i18n } from '../../i18n';
import { SUPPORTED_LANGUAGES } from '../../language';

for (const lang of SUPPORTED_LANGUAGES) {
  const t = i18n.getFixedT(lang, 'account', 'passwordInput');
  addPasswordInputTranslations({
    lang,
    messages: {
      show: t('show'),
      'show password': t('showPassword'),
      'your password must contain': t('mustContain'),
      valid: t('valid'),
      error: t('error'),
    },
  });
}

export type PasswordRules = AuthOptionsBody['password'];

export interface PasswordFieldProps {
  id: string;
  name: string;
  label: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** A new password: list the rules it must follow (known once the options are loaded). */
  rules?: PasswordRules | undefined;
}

export function PasswordField({ id, name, label, autoComplete, value, onChange, error, rules }: PasswordFieldProps) {
  const { t } = useTranslation('account');
  const messages: { severity: 'error' | 'info'; message: string }[] = [];
  if (rules !== undefined) {
    messages.push(
      { severity: 'info', message: t('passwordRules.length', { min: rules.minLength, max: rules.maxLength }) },
      { severity: 'info', message: t('passwordRules.notCommon') },
      { severity: 'info', message: t('passwordRules.notEmail') },
    );
  }
  // After the rules, which the DSFR introduces with "Your password must:".
  if (error !== undefined) messages.push({ severity: 'error', message: error });
  return (
    <PasswordInput
      className="fr-mb-3w"
      label={label}
      {...(rules === undefined ? {} : { hintText: t('passwordRules.advice') })}
      messagesHint={rules === undefined ? '' : t('passwordRules.hint')}
      messages={messages}
      nativeInputProps={{
        id,
        name,
        autoComplete,
        value,
        onChange: (event) => onChange(event.target.value),
        autoCapitalize: 'off',
        spellCheck: false,
        ...(error === undefined ? {} : { 'aria-invalid': true }),
      }}
    />
  );
}

/** The browser's own check of a new password (present, long enough); the server checks it all again. */
export function newPasswordError(password: string, rules: PasswordRules | undefined, t: TFunction<'account'>): string | undefined {
  if (password === '') return t('validation.newPasswordRequired');
  const length = [...password].length;
  if (rules !== undefined && length < rules.minLength) return t('validation.newPasswordTooShort', { min: rules.minLength });
  if (rules !== undefined && length > rules.maxLength) return t('validation.newPasswordTooLong', { max: rules.maxLength });
  return undefined;
}
