/** Addresses of the applicant's procedure pages (declared in web/app/routes.tsx). */
export const PROCEDURE_PATHS = {
  space: '/espace',
  profile: '/espace/profil',
} as const;
