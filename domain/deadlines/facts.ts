/**
 * The input with its dates read as epoch days, once, so that the rules compute on integers.
 */
import { toEpochDay, type EpochDay, type IsoDate } from '../calendar/epoch-day';
import type { CardTypeId, DeadlineInput, DecisionKind, DepartmentCode, PermitKind } from './types';

export interface SuspensionFacts {
  readonly requested: EpochDay;
  readonly due: EpochDay;
  readonly answered: EpochDay | undefined;
}

export interface DecisionFacts {
  readonly kind: DecisionKind;
  readonly notified: EpochDay;
}

export interface ApplicationFacts {
  readonly filed: EpochDay;
  readonly complete: EpochDay | undefined;
  readonly requests: readonly SuspensionFacts[];
  readonly decision: DecisionFacts | undefined;
  readonly reasonsRequested: EpochDay | undefined;
  readonly reasonsGiven: EpochDay | undefined;
}

export interface Facts {
  readonly kind: PermitKind;
  readonly cardType: CardTypeId;
  readonly department: DepartmentCode;
  readonly validFrom: EpochDay;
  /** The expiry date E: the permit's last day of validity. */
  readonly expiry: EpochDay;
  readonly entered: EpochDay | undefined;
  readonly validated: EpochDay | undefined;
  readonly application: ApplicationFacts | undefined;
  readonly today: EpochDay;
}

function optionalDay(text: IsoDate | undefined): EpochDay | undefined {
  return text === undefined ? undefined : toEpochDay(text);
}

export function readFacts(input: DeadlineInput): Facts {
  const { permit, application } = input;
  return {
    kind: permit.kind,
    cardType: permit.cardType,
    department: input.department,
    validFrom: toEpochDay(permit.validFrom),
    expiry: toEpochDay(permit.validUntil),
    entered: optionalDay(input.enteredFranceOn),
    validated: optionalDay(input.vlsTsValidatedOn),
    today: toEpochDay(input.today),
    application:
      application === undefined
        ? undefined
        : {
            filed: toEpochDay(application.filedOn),
            complete: optionalDay(application.completeOn),
            requests: (application.documentRequests ?? []).map((request) => ({
              requested: toEpochDay(request.requestedOn),
              due: toEpochDay(request.dueOn),
              answered: optionalDay(request.answeredOn),
            })),
            decision:
              application.decision === undefined
                ? undefined
                : { kind: application.decision.kind, notified: toEpochDay(application.decision.notifiedOn) },
            reasonsRequested: optionalDay(application.reasonsRequestedOn),
            reasonsGiven: optionalDay(application.reasonsGivenOn),
          },
  };
}
