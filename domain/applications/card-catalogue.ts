/**
 * The cards an applicant can ask for in Sejour, and the supporting documents of each (the
 * checklist), as data. Ids of card types are those of `domain/rules/card-types.ts`; names, hints
 * and questions are in `locales/{fr,en}/applications.json`.
 *
 * Source: rules.json `documentChecklists` (service-public 2023 mirrors and prefecture lists,
 * **medium confidence**). The binding list is CESEDA annexe 10 (R.431-10, R.431-11, R.433-1,
 * R.433-2), not retrieved yet: every list must be reconciled with it. Where rules.json has no list
 * (travailleur temporaire, vie privée et familiale in general, talent, retraité) the items are
 * Sejour's reading of service-public, marked **low confidence**.
 */
import { CARD_TYPES, type CardTypeId } from '../rules/card-types';
import type { PermitKind } from '../rules/legal-rules';
import type { Confidence } from '../rules/rule';

/** What the upload check accepts, by content (never by file name): PDF, JPEG, PNG. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

export function isDocumentMediaType(value: string): value is DocumentMediaType {
  return (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(value);
}

// ——— Questions about the person's situation (they decide the conditional documents) ———

export const EMPLOYMENT_SITUATIONS = ['same_job', 'job_lost', 'new_job'] as const;
export type EmploymentSituation = (typeof EMPLOYMENT_SITUATIONS)[number];

export const SITUATION_QUESTIONS = {
  /** Married, or with children: civil-status documents of the family. */
  marriedOrHasChildren: { kind: 'boolean' },
  /** Asking for a multi-year card (L.433-4): the CIR / OFII certificate. */
  multiYearCardRequested: { kind: 'boolean' },
  /** Doctoral students add their supervisor's letter. */
  doctoralStudent: { kind: 'boolean' },
  /** Salarié: same job, job lost, or a new job (rules.json `documentChecklists.salarie`). */
  employmentSituation: { kind: 'choice', values: EMPLOYMENT_SITUATIONS },
} as const;
export type QuestionId = keyof typeof SITUATION_QUESTIONS;
export const QUESTION_IDS = Object.keys(SITUATION_QUESTIONS) as readonly QuestionId[];

export interface Answers {
  readonly marriedOrHasChildren?: boolean;
  readonly multiYearCardRequested?: boolean;
  readonly doctoralStudent?: boolean;
  readonly employmentSituation?: EmploymentSituation;
}

// ——— Checklist items ———

export type DocumentCondition =
  /** The permit being replaced is a VLS-TS (first card after the visa). */
  | { readonly kind: 'previous_permit_is_vls_ts' }
  /** An answer to a situation question is one of `values`. */
  | { readonly kind: 'answer'; readonly question: QuestionId; readonly values: readonly (boolean | string)[] }
  /** Only when the préfecture asks for it (never needed to file). */
  | { readonly kind: 'requested_by_prefecture' };

export type DocumentRequirement =
  | { readonly kind: 'required' }
  | { readonly kind: 'conditional'; readonly condition: DocumentCondition };

export interface ChecklistItem {
  /** Stable id (snake_case): the key of its name and hint in the catalogues. */
  readonly id: string;
  readonly requirement: DocumentRequirement;
  readonly accepts: readonly DocumentMediaType[];
  /** How many files the item may hold (pages scanned separately, several payslips…). */
  readonly maxFiles: number;
  readonly confidence: Confidence;
  readonly source: string;
}

export interface CardTypeEntry {
  readonly id: CardTypeId;
  readonly basis: string;
  /** A multi-year card may follow (L.433-4); false where L.433-5 excludes it. */
  readonly multiYearEligible: boolean;
  /** Questions the applicant answers before filing. */
  readonly questions: readonly QuestionId[];
  readonly documents: readonly ChecklistItem[];
}

const ALL_TYPES = DOCUMENT_MEDIA_TYPES;
const IMAGES: readonly DocumentMediaType[] = ['image/jpeg', 'image/png'];
const COMMON_SOURCE = 'rules.json documentChecklists.commonRenewal (service-public 2023; CESEDA annexe 10 to reconcile)';
const SEJOUR_READING = 'Sejour reading of service-public (no list in rules.json; CESEDA annexe 10 to reconcile)';

const required = { kind: 'required' } as const;
const onlyIf = (condition: DocumentCondition): DocumentRequirement => ({ kind: 'conditional', condition });
const answered = (question: QuestionId, ...values: (boolean | string)[]): DocumentRequirement =>
  onlyIf({ kind: 'answer', question, values });

function item(
  id: string,
  requirement: DocumentRequirement,
  options: { accepts?: readonly DocumentMediaType[]; maxFiles?: number; confidence?: Confidence; source: string },
): ChecklistItem {
  return {
    id,
    requirement,
    accepts: options.accepts ?? ALL_TYPES,
    maxFiles: options.maxFiles ?? 5,
    confidence: options.confidence ?? 'medium',
    source: options.source,
  };
}

/** The common core of every application (rules.json `commonRenewal`). */
const COMMON: readonly ChecklistItem[] = [
  item('passport', required, { source: COMMON_SOURCE }),
  item('current_permit', required, { source: COMMON_SOURCE }),
  item('vls_ts_validation_attestation', onlyIf({ kind: 'previous_permit_is_vls_ts' }), { source: COMMON_SOURCE }),
  item('birth_certificate', onlyIf({ kind: 'previous_permit_is_vls_ts' }), { source: COMMON_SOURCE }),
  item('proof_of_address', required, { source: COMMON_SOURCE }),
  item('e_photo_receipt', required, { accepts: IMAGES, maxFiles: 1, source: COMMON_SOURCE }),
  item('family_civil_status', answered('marriedOrHasChildren', true), { maxFiles: 10, source: COMMON_SOURCE }),
];

/** Only where a multi-year card may be asked for. */
const CIR_CERTIFICATE = item('cir_certificate', answered('multiYearCardRequested', true), { source: COMMON_SOURCE });

const VISITEUR_SOURCE = 'rules.json documentChecklists.visiteur (service-public F302, 2023)';
const ETUDIANT_SOURCE = 'rules.json documentChecklists.etudiant (service-public F2231)';
const SALARIE_SOURCE = 'rules.json documentChecklists.salarie';
const CONJOINT_SOURCE = 'rules.json documentChecklists.vpf_conjoint_de_francais (service-public F1764, 2023)';

function entry(id: CardTypeId, multiYearEligible: boolean, questions: readonly QuestionId[], specific: readonly ChecklistItem[]): CardTypeEntry {
  const documents = [...COMMON, ...(multiYearEligible && questions.includes('multiYearCardRequested') ? [CIR_CERTIFICATE] : []), ...specific];
  return { id, basis: CARD_TYPES[id].basis, multiYearEligible, questions: ['marriedOrHasChildren', ...questions], documents };
}

export const CARD_CATALOGUE: readonly CardTypeEntry[] = [
  // L.433-5: the visiteur card is renewed yearly, never as a multi-year card.
  entry('visiteur', false, [], [
    item('resources_proof', required, { maxFiles: 10, source: VISITEUR_SOURCE }),
    item('health_insurance', required, { source: VISITEUR_SOURCE }),
    item('no_work_undertaking', required, { maxFiles: 1, source: VISITEUR_SOURCE }),
  ]),
  entry('etudiant', true, ['doctoralStudent'], [
    item('enrolment_certificate', required, { source: ETUDIANT_SOURCE }),
    item('study_records', required, { maxFiles: 10, source: ETUDIANT_SOURCE }),
    item('student_resources_proof', required, { maxFiles: 10, source: ETUDIANT_SOURCE }),
    item('supervisor_letter', answered('doctoralStudent', true), { maxFiles: 1, source: ETUDIANT_SOURCE }),
  ]),
  entry('salarie', true, ['multiYearCardRequested', 'employmentSituation'], [
    item('employment_certificate', answered('employmentSituation', 'same_job'), { source: SALARIE_SOURCE }),
    item('payslips', answered('employmentSituation', 'same_job', 'new_job'), { maxFiles: 6, source: SALARIE_SOURCE }),
    item('work_authorisation', answered('employmentSituation', 'same_job', 'new_job'), { source: SALARIE_SOURCE }),
    item('termination_letter', answered('employmentSituation', 'job_lost'), { source: SALARIE_SOURCE }),
    item('france_travail_certificate', answered('employmentSituation', 'job_lost'), { source: SALARIE_SOURCE }),
    item('work_certificate', answered('employmentSituation', 'job_lost'), { source: SALARIE_SOURCE }),
  ]),
  // L.433-5 1°: no multi-year card; the documents follow the salarié "same job" list.
  entry('travailleur_temporaire', false, [], [
    item('employment_contract', required, { confidence: 'low', source: SEJOUR_READING }),
    item('work_authorisation', required, { confidence: 'low', source: SEJOUR_READING }),
    item('payslips', required, { maxFiles: 6, confidence: 'low', source: SEJOUR_READING }),
  ]),
  entry('vie_privee_familiale', true, ['multiYearCardRequested'], [
    item('family_ties_proof', required, { maxFiles: 10, confidence: 'low', source: SEJOUR_READING }),
    item('residence_in_france_proof', required, { maxFiles: 10, confidence: 'low', source: SEJOUR_READING }),
  ]),
  entry('vpf_conjoint_de_francais', true, ['multiYearCardRequested'], [
    item('marriage_certificate', required, { source: CONJOINT_SOURCE }),
    item('spouse_nationality_proof', required, { source: CONJOINT_SOURCE }),
    item('community_of_life_statement', required, { maxFiles: 10, source: CONJOINT_SOURCE }),
    item('non_polygamy_declaration', onlyIf({ kind: 'requested_by_prefecture' }), { maxFiles: 1, source: CONJOINT_SOURCE }),
  ]),
  // Talent: a multi-year card of up to 4 years straight away (L.411-4); the proof depends on the
  // category (L.421-9 to L.421-21), so one item holds it.
  entry('talent', true, [], [
    item('talent_category_proof', required, { maxFiles: 10, confidence: 'low', source: SEJOUR_READING }),
    item('resources_proof', required, { maxFiles: 10, confidence: 'low', source: SEJOUR_READING }),
  ]),
  entry('retraite', false, [], [
    item('pension_proof', required, { maxFiles: 10, confidence: 'low', source: SEJOUR_READING }),
    item('health_insurance', required, { confidence: 'low', source: SEJOUR_READING }),
  ]),
];

const BY_ID: ReadonlyMap<string, CardTypeEntry> = new Map(CARD_CATALOGUE.map((entry) => [entry.id, entry]));

/** The card types Sejour takes applications for. */
export const OFFERED_CARD_TYPE_IDS: readonly CardTypeId[] = CARD_CATALOGUE.map((entry) => entry.id);

export function catalogueEntry(cardType: string): CardTypeEntry | undefined {
  return BY_ID.get(cardType);
}

export function checklistItem(cardType: string, itemId: string): ChecklistItem | undefined {
  return catalogueEntry(cardType)?.documents.find((candidate) => candidate.id === itemId);
}

// ——— Evaluating a checklist for a person ———

export interface ChecklistFacts {
  readonly previousPermitKind: PermitKind;
  readonly answers: Answers;
}

/** `unknown` when the condition's question has not been answered yet. */
export type Need = 'needed' | 'not_needed' | 'unknown';

export function needOf(requirement: DocumentRequirement, facts: ChecklistFacts): Need {
  if (requirement.kind === 'required') return 'needed';
  const { condition } = requirement;
  switch (condition.kind) {
    case 'previous_permit_is_vls_ts':
      return facts.previousPermitKind === 'vls_ts' ? 'needed' : 'not_needed';
    case 'requested_by_prefecture':
      return 'not_needed';
    case 'answer': {
      const answer = facts.answers[condition.question];
      if (answer === undefined) return 'unknown';
      return condition.values.includes(answer) ? 'needed' : 'not_needed';
    }
  }
}

/** Questions of the card type not answered yet. */
export function unansweredQuestions(entry: CardTypeEntry, answers: Answers): QuestionId[] {
  return entry.questions.filter((question) => answers[question] === undefined);
}

/** Items needed to file that hold no document (`counts`: active documents per item id). */
export function missingDocuments(entry: CardTypeEntry, facts: ChecklistFacts, counts: ReadonlyMap<string, number>): string[] {
  return entry.documents.filter((doc) => needOf(doc.requirement, facts) === 'needed' && (counts.get(doc.id) ?? 0) === 0).map((doc) => doc.id);
}

/** Keeps only the answers that are questions of this card type, with values of the right kind. */
export function answersFor(entry: CardTypeEntry, answers: Readonly<Record<string, unknown>>): Answers {
  const kept: Record<string, boolean | string> = {};
  for (const question of entry.questions) {
    const value = answers[question];
    const spec = SITUATION_QUESTIONS[question];
    if (spec.kind === 'boolean' && typeof value === 'boolean') kept[question] = value;
    if (spec.kind === 'choice' && typeof value === 'string' && (spec.values as readonly string[]).includes(value)) kept[question] = value;
  }
  return kept as Answers;
}
