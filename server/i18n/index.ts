/**
 * Server-side messages (problem details, later emails, SMS and PDFs) read the same catalogues
 * as the web front end: `locales/{fr,en}/<namespace>.json`. French is the source language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

type Catalogue = Record<string, unknown>;

const LOCALES_DIR = fileURLToPath(new URL('../../locales', import.meta.url));

function loadCatalogues(): Record<Locale, Record<string, Catalogue>> {
  const result = {} as Record<Locale, Record<string, Catalogue>>;
  for (const locale of LOCALES) {
    const dir = path.join(LOCALES_DIR, locale);
    const namespaces: Record<string, Catalogue> = {};
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith('.json')) continue;
      namespaces[file.slice(0, -5)] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Catalogue;
    }
    result[locale] = namespaces;
  }
  return result;
}

const catalogues = loadCatalogues();

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The caller's language from an `Accept-Language` header: the supported language with the
 * highest quality, French when none is supported.
 */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const base = tag?.trim().toLowerCase().split('-')[0];
    if (!isLocale(base)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { locale: base, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}

export type Params = Record<string, string | number>;

function lookup(catalogue: Catalogue | undefined, dottedKey: string): unknown {
  let node: unknown = catalogue;
  for (const part of dottedKey.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

/**
 * Translates `namespace:dotted.key`. A key missing in the language falls back to French, then
 * to the key itself, so a gap shows up in tests (the catalogue-parity test) rather than as a crash.
 */
export function translate(locale: Locale, key: string, params?: Params): string {
  const [namespace, dotted] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
  for (const candidate of [locale, DEFAULT_LOCALE]) {
    const value = lookup(catalogues[candidate][namespace], dotted);
    if (typeof value === 'string') return interpolate(value, params);
  }
  return key;
}

export function hasTranslation(locale: Locale, key: string): boolean {
  const [namespace, dotted] = key.split(':', 2) as [string, string];
  return typeof lookup(catalogues[locale][namespace], dotted) === 'string';
}
