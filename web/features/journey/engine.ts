/**
 * The deadline engine (POST /api/v1/deadlines) asked about the person's own permit, so that the
 * pages state the rule and its article as the calculator does. The département only selects the
 * public holidays, which move none of the dates read here (VLS-TS validation, filing window).
 */
import { useEffect, useState } from 'react';
import type { DeadlineResponse } from '../../../contract/deadlines';
import type { PermitBody } from '../../../contract/applications';
import { requestDeadlines } from '../calculator/calculator-api';

export const DEFAULT_DEPARTEMENT = '75';

export function deadlinesOfPermit(permit: PermitBody, departement: string, signal: AbortSignal): Promise<DeadlineResponse> {
  return requestDeadlines(
    {
      permit: { kind: permit.kind, cardType: permit.cardType, validFrom: permit.validFrom, validUntil: permit.validUntil },
      department: departement,
      ...(permit.vlsTs === null ? {} : { enteredFranceOn: permit.vlsTs.enteredFranceOn, vlsTsValidatedOn: permit.vlsTs.validatedOn }),
    },
    signal,
  );
}

/** The engine's answer for this permit (undefined while it comes, or if it fails: the page then shows the permit's own dates). */
export function usePermitDeadlines(permit: PermitBody | undefined, departement: string = DEFAULT_DEPARTEMENT): DeadlineResponse | undefined {
  const [answer, setAnswer] = useState<{ key: string; response: DeadlineResponse }>();
  const key = permit === undefined ? undefined : `${permit.id}|${permit.validUntil}|${permit.vlsTs?.validatedOn ?? ''}|${departement}`;
  useEffect(() => {
    if (permit === undefined || key === undefined) return;
    const controller = new AbortController();
    deadlinesOfPermit(permit, departement, controller.signal).then(
      (response) => setAnswer({ key, response }),
      () => undefined,
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names everything the request depends on
  }, [key]);
  return answer !== undefined && answer.key === key ? answer.response : undefined;
}

export type WindowStatus = 'too_early' | 'in_time' | 'late';

/** Where today falls in the filing window, as the engine computed it for this permit. */
export function windowOf(engine: DeadlineResponse): { status: WindowStatus; opensOn?: string; closesOn?: string; lateFee?: number } {
  const opensOn = engine.dates.find((date) => date.id === 'application_window_opens')?.on;
  const closesOn = engine.dates.find((date) => date.id === 'application_window_closes')?.on;
  const lateFee = engine.fees.find((fee) => fee.id === 'late_renewal_fee')?.amountEur;
  const status: WindowStatus = opensOn !== undefined && engine.today.on < opensOn ? 'too_early' : engine.late ? 'late' : 'in_time';
  return { status, ...(opensOn === undefined ? {} : { opensOn }), ...(closesOn === undefined ? {} : { closesOn }), ...(lateFee === undefined ? {} : { lateFee }) };
}
