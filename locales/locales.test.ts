/**
 * The catalogues of every language say the same things: same namespaces, same keys, no empty
 * text, same `{{placeholders}}`. French is the source; every other language follows it.
 * New namespace files in `locales/<language>/` are picked up without touching this test.
 *
 * Plural forms (`key_one`, `key_other`, `key_many`…) are compared as one key, because languages
 * need different forms (French has `_many`, English has not): each language must have `_other`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = dirname(fileURLToPath(import.meta.url));
const SOURCE_LANGUAGE = 'fr';
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Leaves = Map<string, unknown>;

const languages = readdirSync(LOCALES_DIR)
  .filter((entry) => statSync(join(LOCALES_DIR, entry)).isDirectory())
  .sort();

function namespacesOf(language: string): string[] {
  return readdirSync(join(LOCALES_DIR, language))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function load(language: string, namespace: string): unknown {
  const path = join(LOCALES_DIR, language, `${namespace}.json`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`locales/${language}/${namespace}.json is not valid JSON: ${(error as Error).message}`);
  }
}

/** `{ a: { b: 'x' } }` → `a.b` → 'x'. Arrays count as objects indexed by position. */
function flatten(value: unknown, prefix = '', leaves: Leaves = new Map()): Leaves {
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) leaves.set(prefix, value);
    for (const [key, child] of entries) flatten(child, prefix === '' ? key : `${prefix}.${key}`, leaves);
  } else {
    leaves.set(prefix, value);
  }
  return leaves;
}

/** Keys with plural forms merged: `days_one`, `days_other` → `days`. */
function baseKeys(leaves: Leaves): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const key of leaves.keys()) {
    const base = key.replace(PLURAL_SUFFIX, '');
    bases.set(base, [...(bases.get(base) ?? []), key]);
  }
  return bases;
}

/** `{{count}}`, `{{- name}}`, `{{date, datetime}}` → count, name, date. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{([^}]*)\}\}/g)) {
    const name = (match[1] ?? '').replace(/^\s*-\s*/, '').split(',')[0]?.trim() ?? '';
    names.add(name);
  }
  return [...names].sort();
}

function placeholdersOfBase(leaves: Leaves, keys: readonly string[]): string[] {
  const names = new Set<string>();
  for (const key of keys) {
    const value = leaves.get(key);
    if (typeof value === 'string') for (const name of placeholders(value)) names.add(name);
  }
  return [...names].sort();
}

describe('translation catalogues', () => {
  it('has the French source and at least one other language', () => {
    expect(languages).toContain(SOURCE_LANGUAGE);
    expect(languages.length).toBeGreaterThan(1);
  });

  it('has the same namespace files in every language', () => {
    const source = namespacesOf(SOURCE_LANGUAGE);
    for (const language of languages) {
      expect(namespacesOf(language), `namespaces of locales/${language}/ vs locales/${SOURCE_LANGUAGE}/`).toEqual(source);
    }
  });

  const allNamespaces = [...new Set(languages.flatMap(namespacesOf))].sort();

  describe.each(allNamespaces)('namespace %s', (namespace) => {
    const present = languages.filter((language) => namespacesOf(language).includes(namespace));
    const leavesByLanguage = new Map(present.map((language) => [language, flatten(load(language, namespace))]));

    it('is a JSON object of texts, none of them empty', () => {
      const problems: string[] = [];
      for (const language of present) {
        const root = load(language, namespace);
        if (typeof root !== 'object' || root === null || Array.isArray(root)) {
          problems.push(`locales/${language}/${namespace}.json: the top level must be an object`);
          continue;
        }
        for (const [key, value] of leavesByLanguage.get(language) ?? []) {
          if (typeof value !== 'string') problems.push(`${language} ${namespace}:${key} is not a text (${JSON.stringify(value)})`);
          else if (value.trim() === '') problems.push(`${language} ${namespace}:${key} is empty`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('has the same keys in every language', () => {
      const problems: string[] = [];
      const union = new Set<string>();
      const basesByLanguage = new Map<string, Map<string, string[]>>();
      for (const [language, leaves] of leavesByLanguage) {
        const bases = baseKeys(leaves);
        basesByLanguage.set(language, bases);
        for (const base of bases.keys()) union.add(base);
      }
      for (const base of [...union].sort()) {
        for (const language of present) {
          const forms = basesByLanguage.get(language)?.get(base);
          if (forms === undefined) {
            const others = present.filter((other) => basesByLanguage.get(other)?.has(base));
            problems.push(`${namespace}:${base} is in ${others.join(', ')} but missing in ${language}`);
          } else if (forms.some((key) => PLURAL_SUFFIX.test(key)) && !forms.includes(`${base}_other`)) {
            problems.push(`${language} ${namespace}:${base} has plural forms but no ${base}_other`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('uses the same placeholders in every language', () => {
      const problems: string[] = [];
      const source = leavesByLanguage.get(SOURCE_LANGUAGE);
      if (source === undefined) return;
      for (const [base, sourceKeys] of baseKeys(source)) {
        const expected = placeholdersOfBase(source, sourceKeys);
        for (const [language, leaves] of leavesByLanguage) {
          if (language === SOURCE_LANGUAGE) continue;
          const keys = baseKeys(leaves).get(base);
          if (keys === undefined) continue; // reported by the key test
          const actual = placeholdersOfBase(leaves, keys);
          if (actual.join(',') !== expected.join(',')) {
            problems.push(
              `${namespace}:${base} — ${SOURCE_LANGUAGE} uses [${expected.join(', ')}], ${language} uses [${actual.join(', ')}]`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });
});

/**
 * Keys written twice in one object: JSON.parse keeps the last silently, so a key added by one
 * change can overwrite another's message (it happened when two branches each added a key).
 */
function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: Array<Set<string> | null> = [];
  const token = /"((?:[^"\\]|\\.)*)"(\s*:)?|[{}[\]]/g;
  for (let match = token.exec(text); match !== null; match = token.exec(text)) {
    const [whole, key, colon] = match;
    if (whole === '{') stack.push(new Set());
    else if (whole === '[') stack.push(null);
    else if (whole === '}' || whole === ']') stack.pop();
    else if (colon !== undefined && key !== undefined) {
      const keys = stack.at(-1);
      if (keys?.has(key)) found.push(key);
      keys?.add(key);
    }
  }
  return found;
}

describe('catalogue files', () => {
  it('finds a key written twice', () => {
    expect(duplicateKeys('{"a": {"b": "x", "c": "y"}, "d": ["a", "a"], "e": {"b": "z", "b": "w"}}')).toEqual(['b']);
  });

  for (const language of languages) {
    for (const namespace of namespacesOf(language)) {
      it(`${language}/${namespace}.json writes no key twice in one object`, () => {
        expect(duplicateKeys(readFileSync(join(LOCALES_DIR, language, `${namespace}.json`), 'utf8'))).toEqual([]);
      });
    }
  }
});
