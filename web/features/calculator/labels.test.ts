import { describe, expect, it } from 'vitest';
import frCalculator from '../../../locales/fr/calculator.json' with { type: 'json' };
import frDeadlines from '../../../locales/fr/deadlines.json' with { type: 'json' };
import { COVERAGE_DOCUMENTS, WARNING_CODES } from '../../../domain/deadlines/types';
import { RULE_IDS } from '../../../domain/rules/legal-rules';
import { documentInSentenceKey, documentTitleKey, sortWarnings, uncoveredReasonKey, warningSeverity } from './labels';

const catalogues: Record<string, unknown> = { calculator: frCalculator, deadlines: frDeadlines };

/** Whether `namespace:a.b.c` is a text of the catalogues. */
function exists(key: string): boolean {
  const [namespace, path] = key.split(':') as [string, string];
  let node: unknown = catalogues[namespace];
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string';
}

describe(documentInSentenceKey.name, () => {
  it('says “your card” or “your VLS-TS” for the permit, and names the other documents', () => {
    expect(documentInSentenceKey('permit', 'temporary_card')).toBe('calculator:result.documents.permitCard');
    expect(documentInSentenceKey('permit', 'vls_ts')).toBe('calculator:result.documents.permitVlsTs');
    for (const document of COVERAGE_DOCUMENTS) {
      if (document === 'none') continue;
      expect(exists(documentInSentenceKey(document, 'resident_card')), document).toBe(true);
    }
  });
});

describe(documentTitleKey.name, () => {
  it('has a title for every covering document, “none” included', () => {
    for (const document of COVERAGE_DOCUMENTS) {
      expect(exists(documentTitleKey(document, 'multi_year_card')), document).toBe(true);
      expect(exists(documentTitleKey(document, 'vls_ts')), document).toBe(true);
    }
  });
});

describe(uncoveredReasonKey.name, () => {
  it('explains in plain words every rule the engine gives to an uncovered period (docs/legal-rules-in-code.md)', () => {
    for (const ruleId of ['R-00', 'R-01', 'R-16', 'R-19', 'R-31', 'R-33', 'R-50', 'R-53']) {
      const key = uncoveredReasonKey(ruleId);
      expect(key, ruleId).toBeDefined();
      expect(exists(key!), ruleId).toBe(true);
    }
    expect(uncoveredReasonKey('R-10')).toBeUndefined();
  });

  it('relies on a rule label for every rule id, as the fallback', () => {
    for (const ruleId of RULE_IDS) expect(exists(`deadlines:rules.${ruleId}`), ruleId).toBe(true);
  });
});

describe(warningSeverity.name, () => {
  it('gives every warning code a severity', () => {
    for (const code of WARNING_CODES) expect(['error', 'warning', 'info']).toContain(warningSeverity(code));
    expect(warningSeverity('vls_ts_not_validated')).toBe('error');
    expect(warningSeverity('events_after_today')).toBe('info');
  });
});

describe(sortWarnings.name, () => {
  it('puts the most serious first and keeps the engine’s order otherwise', () => {
    const sorted = sortWarnings([{ code: 'fees_unconfirmed' }, { code: 'filing_late' }, { code: 'vls_ts_not_validated' }, { code: 'window_closing' }] as const);
    expect(sorted.map((w) => w.code)).toEqual(['vls_ts_not_validated', 'filing_late', 'window_closing', 'fees_unconfirmed']);
  });
});
