/**
 * The card catalogue in the caller's language: for each card type Sejour takes applications for,
 * its situation questions, its supporting documents (required or conditional, accepted types) and
 * its fees in force today (domain/applications/card-catalogue.ts, card-fees.ts).
 */
import type { CardTypeListBody } from '../../../contract/applications';
import { translate, type Locale } from '../../i18n/index';
import { CARD_CATALOGUE, SITUATION_QUESTIONS, cardTypeFees, type DocumentCondition } from '../../../domain/applications/index';

function conditionLabel(locale: Locale, condition: DocumentCondition): string {
  switch (condition.kind) {
    case 'previous_permit_is_vls_ts':
      return translate(locale, 'applications:conditions.previous_permit_is_vls_ts');
    case 'requested_by_prefecture':
      return translate(locale, 'applications:conditions.requested_by_prefecture');
    case 'answer': {
      const values = condition.values
        .map((value) => translate(locale, `applications:questions.${condition.question}.values.${String(value)}`))
        .join(' / ');
      return translate(locale, 'applications:conditions.answer', { question: translate(locale, `applications:questions.${condition.question}.label`), values });
    }
  }
}

export function listCardTypes(locale: Locale, today: string): CardTypeListBody {
  return {
    on: today,
    items: CARD_CATALOGUE.map((entry) => ({
      id: entry.id,
      name: translate(locale, `applications:cardTypes.${entry.id}.name`),
      description: translate(locale, `applications:cardTypes.${entry.id}.description`),
      basis: entry.basis,
      multiYearEligible: entry.multiYearEligible,
      questions: entry.questions.map((id) => {
        const spec = SITUATION_QUESTIONS[id];
        const values: readonly (boolean | string)[] = spec.kind === 'boolean' ? [true, false] : spec.values;
        return {
          id,
          kind: spec.kind,
          label: translate(locale, `applications:questions.${id}.label`),
          values: values.map((value) => ({ value, label: translate(locale, `applications:questions.${id}.values.${String(value)}`) })),
        };
      }),
      documents: entry.documents.map((item) => ({
        id: item.id,
        name: translate(locale, `applications:documents.${item.id}.name`),
        hint: translate(locale, `applications:documents.${item.id}.hint`),
        requirement: item.requirement.kind,
        condition:
          item.requirement.kind === 'conditional'
            ? {
                kind: item.requirement.condition.kind,
                question: item.requirement.condition.kind === 'answer' ? item.requirement.condition.question : null,
                values: item.requirement.condition.kind === 'answer' ? [...item.requirement.condition.values] : [],
                label: conditionLabel(locale, item.requirement.condition),
              }
            : null,
        accepts: [...item.accepts],
        maxFiles: item.maxFiles,
        confidence: item.confidence,
      })),
      fees: cardTypeFees(entry.id, today).map((fee) => ({ ...fee, label: translate(locale, `applications:fees.${fee.id}`) })),
    })),
  };
}
