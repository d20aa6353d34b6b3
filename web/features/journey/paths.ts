/** Addresses of the applicant's procedure pages of issue 4 (declared in web/app/routes.tsx). */
export const JOURNEY_PATHS = {
  visa: '/espace/visa',
  newApplication: '/espace/demandes/nouvelle',
  representatives: '/espace/representants',
  application: (id: string) => `/espace/demandes/${encodeURIComponent(id)}`,
} as const;
