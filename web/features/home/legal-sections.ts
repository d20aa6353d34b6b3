/** Anchors of the home page's "About this service" sections, linked from the footer. */
export const LEGAL_SECTION_IDS = {
  legal: 'mentions-legales',
  personalData: 'donnees-personnelles',
  accessibility: 'accessibilite',
} as const;
