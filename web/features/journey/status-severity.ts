/** The DSFR badge colour of each application status (none for a withdrawn application). */
export type BadgeSeverity = 'success' | 'error' | 'info' | 'warning' | 'new';

export const STATUS_SEVERITY: Readonly<Record<string, BadgeSeverity | undefined>> = {
  draft: 'new',
  submitted: 'info',
  documents_requested: 'warning',
  complete: 'info',
  decided_favourable: 'success',
  refused: 'error',
};
