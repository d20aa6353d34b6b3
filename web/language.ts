/**
 * Which UI language to use, and remembering the user's choice.
 *
 * Pure functions plus two guarded storage helpers: nothing here touches i18next or React, so the
 * choice rules are unit-tested in Node (`language.test.ts`).
 */

export const SUPPORTED_LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** French is the source language of a French State service, and the answer when we know nothing. */
export const DEFAULT_LANGUAGE: Language = 'fr';

/** localStorage key holding the language the user picked in the language switch. */
export const LANGUAGE_STORAGE_KEY = 'sejour.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** `fr`, `fr-FR`, `FR_ca` → `fr`; `pt-BR` → undefined. */
export function toSupportedLanguage(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

/**
 * The language to start with:
 * 1. the choice stored by the language switch, when it is still a supported language;
 * 2. else the first of the browser's preferred languages that we support, in the browser's order
 *    (`['ar', 'fr']` → fr, `['en-US', 'fr']` → en);
 * 3. else, when the browser states preferences and none of them is French or English, English:
 *    that visitor does not read French first, and English is the language they most likely share
 *    with us (the applicants are often newcomers);
 * 4. else (no information at all) French.
 */
export function pickInitialLanguage(input: {
  stored: string | null | undefined;
  browserLanguages: readonly string[] | null | undefined;
}): Language {
  if (isLanguage(input.stored)) return input.stored;
  const preferences = (input.browserLanguages ?? []).filter((tag) => tag.trim() !== '');
  for (const tag of preferences) {
    const language = toSupportedLanguage(tag);
    if (language !== undefined) return language;
  }
  return preferences.length > 0 ? 'en' : DEFAULT_LANGUAGE;
}

/** The stored choice, or null when there is none or storage is unavailable (private mode, disabled). */
export function readStoredLanguage(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the choice; silently does nothing when storage is unavailable or full. */
export function storeLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // The choice then lasts for this page only; nothing else to do.
  }
}
