/**
 * The i18next instance of the web app.
 *
 * Catalogues live in `locales/<language>/<namespace>.json` (French is the source) and are bundled
 * at build time: every namespace file found there is loaded, so a feature adds its strings by
 * adding `locales/fr/<feature>.json` and `locales/en/<feature>.json` — nothing to register here.
 * Use them with `useTranslation('<feature>')` / `t('key')`, or `t('<feature>:key')`.
 * (If a namespace ever serves only the server — e-mails, PDFs — exclude it from the glob below with
 * a `'!../locales/*\/<namespace>.json'` pattern to keep it out of the bundle.)
 */
import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  SUPPORTED_LANGUAGES,
  isLanguage,
  pickInitialLanguage,
  readStoredLanguage,
  storeLanguage,
  type Language,
} from './language';

type Catalogue = ResourceLanguage[string];

const catalogueFiles = import.meta.glob<Catalogue>('../locales/*/*.json', { eager: true, import: 'default' });

/** `{ '../locales/fr/home.json': {…} }` → `{ fr: { home: {…} } }`, supported languages only. */
export function buildResources(files: Record<string, Catalogue>): Resource {
  const resources: Resource = {};
  for (const [path, catalogue] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (match === null) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    if (!isLanguage(language)) continue;
    (resources[language] ??= {})[namespace] = catalogue;
  }
  return resources;
}

const resources = buildResources(catalogueFiles);
export const NAMESPACES = Object.keys(resources[DEFAULT_LANGUAGE] ?? {});

const browser = typeof window !== 'undefined';
const storage = browser ? safeLocalStorage() : undefined;

const initialLanguage = pickInitialLanguage({
  stored: readStoredLanguage(storage),
  browserLanguages: browser ? (navigator.languages?.length ? navigator.languages : [navigator.language]) : [],
});

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  ns: NAMESPACES,
  defaultNS: 'common',
  // Catalogues are bundled: initialise synchronously so the first render is already translated.
  initAsync: false,
  returnEmptyString: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

function applyDocumentLanguage(language: string): void {
  if (browser) document.documentElement.lang = language;
}
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

/** Switches the UI language, remembers it for the next visits and updates `<html lang>`. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(storage, language);
  await i18n.changeLanguage(language);
}

/** The current UI language; in a component prefer `useLanguage()` so it re-renders on change. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** The current UI language, re-rendering the component when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage ?? instance.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
