import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP_SITUATIONS, LETTER_KINDS, LETTER_RULES, helpSituationOf, letterAvailability, letterGrounds, lettersOffered, reasonsDueOn, type LetterFacts } from './letters';

// Filed 2026-10-01: the silence period of 4 months ends on 2027-02-01; the implicit
// rejection arises at the end of that day; the court deadline (2 months, franc) ends 2027-04-02.
const pending: LetterFacts = { status: 'submitted', filedOn: '2026-10-01', tacitRefusalOn: '2027-02-01', reasonsRequestDeadline: '2027-04-02' };

describe(letterAvailability.name, () => {
  it('offers the "no answer" letter for any pending filed application, never for a draft, a withdrawal or a decision', () => {
    expect(letterAvailability('no_answer', pending, '2026-10-01')).toEqual({ ok: true });
    expect(letterAvailability('no_answer', { ...pending, status: 'complete' }, '2027-03-01')).toEqual({ ok: true });
    expect(letterAvailability('no_answer', { ...pending, status: 'draft', filedOn: null }, '2026-10-01')).toEqual({ ok: false, reason: 'not_filed' });
    expect(letterAvailability('no_answer', { ...pending, status: 'withdrawn' }, '2026-10-05')).toEqual({ ok: false, reason: 'not_filed' });
    expect(letterAvailability('no_answer', { ...pending, status: 'refused' }, '2026-12-05')).toEqual({ ok: false, reason: 'decided' });
  });

  it('offers the request for reasons from the day after the implicit rejection to the last day to ask [R-41, R-58]', () => {
    expect(letterAvailability('reasons_request', pending, '2027-02-01')).toEqual({ ok: false, reason: 'no_tacit_refusal_yet' });
    expect(letterAvailability('reasons_request', pending, '2027-02-02')).toEqual({ ok: true });
    expect(letterAvailability('reasons_request', pending, '2027-04-02')).toEqual({ ok: true });
    expect(letterAvailability('reasons_request', pending, '2027-04-03')).toEqual({ ok: false, reason: 'reasons_deadline_passed' });
    expect(letterAvailability('reasons_request', { ...pending, tacitRefusalOn: null }, '2027-04-01')).toEqual({ ok: false, reason: 'no_tacit_refusal_yet' });
    expect(lettersOffered(pending, '2027-02-02')).toEqual(['no_answer', 'reasons_request']);
  });
});

describe(helpSituationOf.name, () => {
  it('names the situation the help page explains: no answer, then implicit refusal, or refusal', () => {
    expect(helpSituationOf(pending, '2027-02-01')).toBe('no_answer');
    expect(helpSituationOf(pending, '2027-02-02')).toBe('tacit_refusal');
    expect(helpSituationOf({ ...pending, status: 'refused' }, '2026-12-01')).toBe('refusal');
    expect(helpSituationOf({ ...pending, status: 'decided_favourable' }, '2027-03-01')).toBeNull();
    expect(helpSituationOf({ ...pending, status: 'draft', filedOn: null }, '2026-10-01')).toBeNull();
  });
});

describe(letterGrounds.name, () => {
  it('cites each rule of the letter from the rules data, in the letter’s order', () => {
    expect(letterGrounds('reasons_request', '2026-10-01', '2027-02-10')).toEqual([
      { ruleId: 'R-41', citation: 'CESEDA R.432-1, R.432-2 ; CRPA L.231-4, L.231-6' },
      { ruleId: 'R-58', citation: 'CRPA L.232-4' },
      { ruleId: 'R-56', citation: 'CJA R.421-2' },
    ]);
    expect(letterGrounds('no_answer', '2026-10-01', '2026-12-01').map((g) => g.ruleId)).toEqual(['R-41', 'R-42', 'R-31']);
  });

  it('gives one month for the reasons, by the month rule [R-58]', () => {
    expect(reasonsDueOn('2027-02-10')).toBe('2027-03-10');
    expect(reasonsDueOn('2027-01-31')).toBe('2027-02-28');
  });
});

describe('the letters and help catalogues', () => {
  const read = (locale: string, ns: string) => JSON.parse(fs.readFileSync(new URL(`../../locales/${locale}/${ns}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const leaves = (node: unknown, prefix = ''): Map<string, string> => {
    const out = new Map<string, string>();
    if (typeof node === 'string') out.set(prefix, node);
    else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    return out;
  };
  const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

  it.each(['letters', 'help'])('has the same keys and placeholders in French and English (%s.json)', (ns) => {
    const fr = leaves(read('fr', ns));
    const en = leaves(read('en', ns));
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    for (const [key, text] of fr) expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('has the words of every letter, every ground it cites and every help situation', () => {
    for (const locale of ['fr', 'en']) {
      const letters = leaves(read(locale, 'letters'));
      const help = leaves(read(locale, 'help'));
      for (const kind of LETTER_KINDS) {
        for (const part of ['title', 'subject', 'body', 'request']) expect(letters.has(`kinds.${kind}.${part}`), `${locale} ${kind}.${part}`).toBe(true);
        for (const ruleId of LETTER_RULES[kind]) expect(letters.has(`grounds.${ruleId}`), `${locale} ${ruleId}`).toBe(true);
        expect(help.has(`application.letters.${kind}`)).toBe(true);
      }
      for (const situation of HELP_SITUATIONS) {
        for (const part of ['label', 'title', 'meaning', 'steps.step1']) expect(help.has(`situations.${situation}.${part}`), `${locale} ${situation}.${part}`).toBe(true);
        expect(help.has(`application.${situation}`)).toBe(true);
      }
    }
  });
});
