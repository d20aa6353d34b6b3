/** Addresses of the back office (the staff's own namespace `/agent/…`). */
export const BACK_OFFICE_PATHS = {
  secondFactor: '/agent/verification',
  queue: '/agent/dossiers',
  caseFile: (id: string) => `/agent/dossiers/${id}`,
  dashboard: '/agent/tableau-de-bord',
} as const;
