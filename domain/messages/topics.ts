/**
 * What a message can be about: the contact form's "Votre demande concerne" list and, under each
 * category, its "Objet" list, as data with their French and English labels. The ANEF category
 * keeps an "other" subject for anything the listed ones do not cover (seed article: "The 'ANF'
 * section includes an 'other' option").
 */
export interface Label {
  fr: string;
  en: string;
}

export interface MessageSubject {
  id: string;
  label: Label;
}

export interface MessageCategory {
  id: string;
  label: Label;
  /** True when a message of this category is about one application (then the form asks which). */
  concernsApplication: boolean;
  subjects: readonly MessageSubject[];
}

export const MESSAGE_CATEGORIES: readonly MessageCategory[] = [
  {
    id: 'application',
    label: { fr: 'Ma demande de titre de séjour en cours', en: 'My residence permit application in progress' },
    concernsApplication: true,
    subjects: [
      { id: 'status', label: { fr: 'Où en est ma demande ?', en: 'Where is my application?' } },
      { id: 'documents', label: { fr: 'Pièces justificatives demandées', en: 'Supporting documents requested' } },
      { id: 'correction', label: { fr: 'Corriger une information de ma demande', en: 'Correct information in my application' } },
      { id: 'attestation', label: { fr: 'Attestation de prolongation ou récépissé', en: 'Extension certificate or receipt' } },
    ],
  },
  {
    id: 'card',
    label: { fr: 'Mon titre de séjour (carte)', en: 'My residence permit (card)' },
    concernsApplication: false,
    subjects: [
      { id: 'collection', label: { fr: 'Retrait de ma carte', en: 'Collecting my card' } },
      { id: 'lost_stolen', label: { fr: 'Perte ou vol de ma carte', en: 'Lost or stolen card' } },
      { id: 'error_on_card', label: { fr: 'Erreur sur ma carte', en: 'Mistake on my card' } },
    ],
  },
  {
    id: 'anef',
    label: { fr: 'Le site (ANEF) et mon compte', en: 'The website (ANEF) and my account' },
    concernsApplication: false,
    subjects: [
      { id: 'account_access', label: { fr: 'Accès à mon compte', en: 'Access to my account' } },
      { id: 'technical', label: { fr: 'Problème technique sur le site', en: 'Technical problem on the site' } },
      { id: 'other', label: { fr: 'Autre', en: 'Other' } },
    ],
  },
];

export function findCategory(categoryId: string): MessageCategory | undefined {
  return MESSAGE_CATEGORIES.find((category) => category.id === categoryId);
}

/** The subject if it belongs to that category. */
export function findSubject(categoryId: string, subjectId: string): MessageSubject | undefined {
  return findCategory(categoryId)?.subjects.find((subject) => subject.id === subjectId);
}

/** Reply templates agents can start from; `{name}` stays for the agent to fill in. */
export interface ReplyTemplate {
  id: string;
  title: Label;
  body: Label;
}

export const REPLY_TEMPLATES: readonly ReplyTemplate[] = [
  {
    id: 'in_progress',
    title: { fr: 'Demande en cours d’instruction', en: 'Application being examined' },
    body: {
      fr: 'Bonjour,\n\nVotre demande est en cours d’instruction. Vous serez informé(e) dans votre espace personnel dès qu’une décision sera prise.\n\nCordialement,\nLe bureau des étrangers',
      en: 'Hello,\n\nYour application is being examined. You will be told in your personal space as soon as a decision is made.\n\nKind regards,\nThe foreigners’ office',
    },
  },
  {
    id: 'documents_needed',
    title: { fr: 'Pièces à transmettre', en: 'Documents to send' },
    body: {
      fr: 'Bonjour,\n\nMerci de déposer les pièces demandées dans votre espace personnel, rubrique « Mes demandes ».\n\nCordialement,\nLe bureau des étrangers',
      en: 'Hello,\n\nPlease upload the requested documents in your personal space, under "My applications".\n\nKind regards,\nThe foreigners’ office',
    },
  },
  {
    id: 'redirect_anef',
    title: { fr: 'Question technique sur le site', en: 'Technical question about the site' },
    body: {
      fr: 'Bonjour,\n\nPour un problème technique sur le site, vous pouvez aussi appeler le centre de contact citoyens au numéro indiqué dans la rubrique Contact.\n\nCordialement,\nLe bureau des étrangers',
      en: 'Hello,\n\nFor a technical problem with the site you can also call the citizens’ contact centre on the number shown in the Contact section.\n\nKind regards,\nThe foreigners’ office',
    },
  },
];
