/**
 * The national phone helpline shown in the contact section: the ANEF "centre de contact citoyen"
 * (anchors.md: "Phone and contact-form help from the ANTS centre de contact citoyens"). The
 * number and hours are data; a préfecture's own number comes from its published page.
 */
export const NATIONAL_HELPLINE = {
  phone: '0 806 001 620',
  /** Service gratuit + prix d'un appel. */
  hours: { fr: 'du lundi au vendredi, de 9 h à 17 h (service gratuit + prix d’un appel)', en: 'Monday to Friday, 9 am to 5 pm (free service, call charged at the standard rate)' },
} as const;
