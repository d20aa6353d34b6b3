import { describe, expect, it } from 'vitest';
import en from '../../locales/en/deadlines.json' with { type: 'json' };
import fr from '../../locales/fr/deadlines.json' with { type: 'json' };
import { toEpochDay } from '../calendar/epoch-day';
import { RULES } from '../rules/legal-rules';
import { CARD_TYPE_IDS } from '../rules/card-types';
import { compileTemplate, formatLongDate } from './messages';
import { COVERAGE_DOCUMENTS, DATE_IDS, FEE_IDS, FILING_STATUSES, PERMIT_KINDS, VALIDATION_CODES, WARNING_CODES } from './types';

/** Every leaf of a catalogue as `path → text`. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') found.set(path, value);
  else if (Array.isArray(value)) value.forEach((item, index) => leaves(item, `${path}[${index}]`).forEach((text, key) => found.set(key, text)));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) leaves(child, path === '' ? key : `${path}.${key}`).forEach((text, k) => found.set(k, text));
  }
  return found;
}

const placeholders = (text: string): string[] => [...compileTemplate(text).names].sort();

describe('locales/{fr,en}/deadlines.json', () => {
  const frLeaves = leaves(fr);
  const enLeaves = leaves(en);

  it('has the same keys in French (the source) and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...frLeaves.keys()].sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of frLeaves) expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('has a label and explanations for every date id, and nothing else', () => {
    expect(Object.keys(fr.dates).sort()).toEqual([...DATE_IDS].sort());
    for (const id of DATE_IDS) expect(fr.dates[id].label.length).toBeGreaterThan(0);
  });

  it.each([
    ['warnings', WARNING_CODES],
    ['validation', VALIDATION_CODES],
    ['fees', FEE_IDS],
    ['documents', COVERAGE_DOCUMENTS],
    ['filingStatuses', FILING_STATUSES],
    ['permitKinds', PERMIT_KINDS],
    ['cardTypes', CARD_TYPE_IDS],
    ['rules', Object.keys(RULES)],
  ] as const)('has exactly one %s entry per code', (section, codes) => {
    expect(Object.keys(fr[section]).sort()).toEqual([...codes].sort());
  });
});

describe(formatLongDate.name, () => {
  it.each([
    ['2026-03-02', 'fr', 'lundi 2 mars 2026'],
    ['2026-11-01', 'fr', 'dimanche 1er novembre 2026'],
    ['2028-02-29', 'fr', 'mardi 29 février 2028'],
    ['2026-03-02', 'en', 'Monday 2 March 2026'],
    ['2026-11-01', 'en', 'Sunday 1 November 2026'],
  ] as const)('writes %s in %s as "%s"', (date, language, expected) => {
    expect(formatLongDate(toEpochDay(date), language)).toBe(expected);
  });
});
