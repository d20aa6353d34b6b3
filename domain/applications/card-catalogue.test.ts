import { describe, expect, it } from 'vitest';
import { CARD_TYPE_IDS } from '../rules/card-types';
import {
  CARD_CATALOGUE,
  DOCUMENT_MEDIA_TYPES,
  SITUATION_QUESTIONS,
  answersFor,
  catalogueEntry,
  checklistItem,
  missingDocuments,
  needOf,
  unansweredQuestions,
} from './card-catalogue';

const entry = (id: string) => {
  const found = catalogueEntry(id);
  if (!found) throw new Error(`no card type ${id}`);
  return found;
};

describe('CARD_CATALOGUE', () => {
  it('offers at least the seven card types of the issue, with the ids of the rules', () => {
    const ids = CARD_CATALOGUE.map((card) => card.id);
    for (const id of ['visiteur', 'salarie', 'travailleur_temporaire', 'etudiant', 'vie_privee_familiale', 'talent', 'retraite']) {
      expect(ids).toContain(id);
    }
    for (const id of ids) expect(CARD_TYPE_IDS).toContain(id);
  });

  it('gives every card the common core: passport, current permit, proof of address, e-photo', () => {
    for (const card of CARD_CATALOGUE) {
      for (const id of ['passport', 'current_permit', 'proof_of_address', 'e_photo_receipt']) {
        expect(card.documents.find((doc) => doc.id === id)?.requirement, `${card.id} ${id}`).toEqual({ kind: 'required' });
      }
    }
  });

  it('has unique item ids per card, known media types and at least one file per item', () => {
    for (const card of CARD_CATALOGUE) {
      const ids = card.documents.map((doc) => doc.id);
      expect(new Set(ids).size, card.id).toBe(ids.length);
      for (const doc of card.documents) {
        expect(doc.accepts.length).toBeGreaterThan(0);
        for (const type of doc.accepts) expect(DOCUMENT_MEDIA_TYPES).toContain(type);
        expect(doc.maxFiles).toBeGreaterThanOrEqual(1);
        if (doc.requirement.kind === 'conditional' && doc.requirement.condition.kind === 'answer') {
          expect(card.questions, `${card.id} ${doc.id}`).toContain(doc.requirement.condition.question);
        }
      }
    }
  });

  it('lists the visiteur documents of rules.json: resources, health insurance, undertaking not to work', () => {
    const ids = entry('visiteur').documents.map((doc) => doc.id);
    expect(ids).toEqual(expect.arrayContaining(['resources_proof', 'health_insurance', 'no_work_undertaking']));
    expect(ids).not.toContain('cir_certificate'); // L.433-5: no multi-year card
  });

  it('accepts only images for the e-photo receipt', () => {
    expect(checklistItem('salarie', 'e_photo_receipt')?.accepts).toEqual(['image/jpeg', 'image/png']);
    expect(checklistItem('salarie', 'passport')?.accepts).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(checklistItem('salarie', 'no_such_item')).toBeUndefined();
    expect(catalogueEntry('salarie_detache_ict')).toBeUndefined();
  });
});

describe(needOf.name, () => {
  const vlsTs = { previousPermitKind: 'vls_ts' as const, answers: {} };
  const card = { previousPermitKind: 'temporary_card' as const, answers: {} };

  it('asks for the birth certificate and validation attestation only after a VLS-TS', () => {
    const birth = checklistItem('visiteur', 'birth_certificate');
    if (!birth) throw new Error('missing');
    expect(needOf(birth.requirement, vlsTs)).toBe('needed');
    expect(needOf(birth.requirement, card)).toBe('not_needed');
  });

  it('follows the answers, and says unknown until the question is answered', () => {
    const payslips = checklistItem('salarie', 'payslips');
    if (!payslips) throw new Error('missing');
    expect(needOf(payslips.requirement, card)).toBe('unknown');
    expect(needOf(payslips.requirement, { ...card, answers: { employmentSituation: 'new_job' } })).toBe('needed');
    expect(needOf(payslips.requirement, { ...card, answers: { employmentSituation: 'job_lost' } })).toBe('not_needed');
  });

  it('never requires a document the préfecture asks for only sometimes', () => {
    const declaration = checklistItem('vpf_conjoint_de_francais', 'non_polygamy_declaration');
    if (!declaration) throw new Error('missing');
    expect(needOf(declaration.requirement, card)).toBe('not_needed');
  });
});

describe(missingDocuments.name, () => {
  it('names the needed items without a document, in checklist order', () => {
    const salarie = entry('salarie');
    const facts = { previousPermitKind: 'vls_ts' as const, answers: { employmentSituation: 'job_lost' as const, marriedOrHasChildren: false, multiYearCardRequested: false } };
    const counts = new Map([['passport', 1], ['current_permit', 2], ['proof_of_address', 1], ['e_photo_receipt', 1], ['termination_letter', 1]]);
    expect(missingDocuments(salarie, facts, counts)).toEqual(['vls_ts_validation_attestation', 'birth_certificate', 'france_travail_certificate', 'work_certificate']);
  });
});

describe(unansweredQuestions.name, () => {
  it('lists the card type questions still open', () => {
    expect(unansweredQuestions(entry('salarie'), { marriedOrHasChildren: true })).toEqual(['multiYearCardRequested', 'employmentSituation']);
    expect(unansweredQuestions(entry('visiteur'), { marriedOrHasChildren: false })).toEqual([]);
  });
});

describe(answersFor.name, () => {
  it('keeps the questions of the card type with values of the right kind, drops the rest', () => {
    expect(answersFor(entry('salarie'), { employmentSituation: 'same_job', doctoralStudent: true, marriedOrHasChildren: 'yes', other: 1 })).toEqual({
      employmentSituation: 'same_job',
    });
    expect(answersFor(entry('salarie'), { employmentSituation: 'retired' })).toEqual({});
    expect(Object.keys(SITUATION_QUESTIONS)).toContain('employmentSituation');
  });
});
