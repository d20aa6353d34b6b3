/** Applications, permits and documents as the API shows them (contract/applications.ts). */
import type {
  ApplicationBody,
  ApplicationSummaryBody,
  DocumentBody,
  PermitBody,
} from '../../../contract/applications';
import {
  catalogueEntry,
  decideFiling,
  decideVlsTsValidation,
  missingDocuments,
  needOf,
  unansweredQuestions,
  type Answers,
} from '../../../domain/applications/index';
import { translate, type Locale } from '../../i18n/index';
import { helpSituationOf, lettersOffered } from '../../../domain/letters/letters';
import type { UploadLimits } from './context';
import type { ApplicationRow, DocumentRequestRow, DocumentRow, EventRow, PermitRow, PrefectureRow, ValidationRow } from './queries';

export function presentPermit(permit: PermitRow, validation: ValidationRow | undefined, today: string): PermitBody {
  let vlsTs: PermitBody['vlsTs'] = null;
  if (permit.kind === 'vls_ts' && permit.enteredFranceOn) {
    const decision = decideVlsTsValidation(
      { kind: 'vls_ts', cardType: permit.cardType, validFrom: permit.validFromOn, validUntil: permit.validUntilOn, enteredFranceOn: permit.enteredFranceOn },
      today,
      validation?.departementCode,
    );
    vlsTs = {
      enteredFranceOn: permit.enteredFranceOn,
      validatedOn: permit.validatedOn,
      validation: permit.validatedOn ? 'validated' : decision.kind,
      validationDeadline: decision.deadline,
    };
  }
  return {
    id: permit.id,
    kind: permit.kind,
    cardType: permit.cardType,
    number: permit.number,
    validFrom: permit.validFromOn,
    validUntil: permit.validUntilOn,
    foreignerNumber: permit.foreignerNumber,
    vlsTs,
    createdAt: permit.createdAt.toISOString(),
  };
}

export function presentDocument(document: DocumentRow): DocumentBody {
  return {
    id: document.id,
    checklistItemId: document.checklistItemId,
    filename: document.originalFilename,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    uploadedAt: document.uploadedAt.toISOString(),
    addedAfterFiling: document.addedAfterFiling,
  };
}

export function presentSummary(application: ApplicationRow, prefecture: PrefectureRow): ApplicationSummaryBody {
  return {
    id: application.id,
    reference: application.reference,
    status: application.status,
    cardType: application.cardType,
    prefecture: { id: prefecture.id, name: prefecture.name, city: prefecture.city, departement: prefecture.departementCode },
    filedOn: application.filedOn,
    late: application.late,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}

export interface ApplicationParts {
  application: ApplicationRow;
  prefecture: PrefectureRow;
  permit: PermitRow;
  foreignerNumber: string;
  documents: readonly DocumentRow[];
  history: readonly EventRow[];
  requests: readonly DocumentRequestRow[];
}

/** Counts of active documents per checklist item. */
export function countsByItem(documents: readonly DocumentRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const document of documents) counts.set(document.checklistItemId, (counts.get(document.checklistItemId) ?? 0) + 1);
  return counts;
}

/** Documents sent after filing for the request's items since it was opened. */
function sentFor(request: DocumentRequestRow, documents: readonly DocumentRow[], itemId: string): DocumentRow[] {
  return documents.filter(
    (document) => document.addedAfterFiling && document.checklistItemId === itemId && document.uploadedAt.getTime() >= request.createdAt.getTime(),
  );
}

export function presentApplication(parts: ApplicationParts, limits: UploadLimits, today: string, locale: Locale = 'fr'): ApplicationBody {
  const { application, permit, documents } = parts;
  const entry = catalogueEntry(application.cardType);
  if (!entry) throw new Error(`card type ${application.cardType} is not in the catalogue`);
  const answers = application.answers as Answers;
  const facts = { previousPermitKind: permit.kind, answers };
  // Filed: how it was filed (the same decision, on the filing day). A draft: what filing today would mean.
  const filing = decideFiling({ validUntil: permit.validUntilOn, permitKind: permit.kind, filedOn: application.filedOn ?? today });
  const counts = countsByItem(documents);
  return {
    ...presentSummary(application, parts.prefecture),
    permit: { id: permit.id, kind: permit.kind, cardType: permit.cardType, validUntil: permit.validUntilOn },
    foreignerNumber: parts.foreignerNumber,
    answers,
    taxStampNumber: application.taxStampNumber,
    filing: {
      status: filing.kind,
      opensOn: filing.opensOn,
      closesOn: filing.closesOn,
      entryConditionsAgainFrom: filing.entryConditionsAgainFrom,
      consequences:
        filing.kind === 'too_early'
          ? []
          : filing.consequences.map((c) => ({ code: c.code, ruleIds: [...c.ruleIds], citation: c.citation, amountEur: c.amountEur ?? null })),
    },
    completeOn: application.completeOn,
    decidedOn: application.decidedOn,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    help: helpOf(application, today),
    unansweredQuestions: unansweredQuestions(entry, answers),
    missingDocuments: missingDocuments(entry, facts, counts),
    checklist: entry.documents.map((item) => ({
      itemId: item.id,
      requirement: item.requirement.kind,
      need: needOf(item.requirement, facts),
      accepts: [...item.accepts],
      maxFiles: item.maxFiles,
      documents: documents.filter((document) => document.checklistItemId === item.id).map(presentDocument),
    })),
    documentRequests: parts.requests.map((request) => ({
      id: request.id,
      requestedOn: request.requestedOn,
      dueOn: request.dueOn,
      answeredOn: request.answeredOn,
      items: request.items,
      open: request.answeredOn === null && application.status === 'documents_requested',
      overdue: (request.answeredOn ?? (application.status === 'documents_requested' ? today : request.dueOn)) > request.dueOn,
      entries: request.items.map((itemId) => ({
        itemId,
        name: translate(locale, `applications:documents.${itemId}.name`),
        hint: translate(locale, `applications:documents.${itemId}.hint`),
        documents: sentFor(request, documents, itemId).map(presentDocument),
      })),
    })),
    history: parts.history.map((event) => ({
      sequence: event.sequence,
      event: event.event,
      statusFrom: event.statusFrom,
      statusTo: event.statusTo,
      actorKind: event.actorKind,
      at: event.at.toISOString(),
      details: event.details,
    })),
    storage: {
      usedBytes: documents.reduce((total, document) => total + document.sizeBytes, 0),
      limitBytes: limits.maxApplicationBytes,
      maxFileBytes: limits.maxFileBytes,
    },
  };
}

function helpOf(application: ApplicationRow, today: string): ApplicationBody['help'] {
  const facts = { status: application.status, filedOn: application.filedOn, tacitRefusalOn: application.tacitRefusalOn, reasonsRequestDeadline: null };
  return { situation: helpSituationOf(facts, today), tacitRefusalOn: application.tacitRefusalOn, letters: lettersOffered(facts, today) };
}
