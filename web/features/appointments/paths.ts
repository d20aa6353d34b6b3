/** Addresses of the appointment pages. */
export const APPOINTMENT_PATHS = {
  applicant: '/espace/rendez-vous',
  agent: '/agent/rendez-vous',
} as const;
