/**
 * Card types ("mentions") from rules.json `cardTypes`, with what the engine needs: the legal basis
 * and the tax rate of L.436-1. `vie_privee_familiale` is added for the general
 * "vie privée et familiale" mention (L.423-x), beside the spouse-of-a-French-national case.
 */
import type { Confidence } from './rule';

export type TaxRate = 'standard' | 'reduced';

export interface CardTypeRule {
  readonly basis: string;
  readonly taxRate: TaxRate;
  /** Confidence in the tax rate assigned to the card type. */
  readonly confidence: Confidence;
}

export const CARD_TYPES = {
  visiteur: { basis: 'CESEDA L.426-20', taxRate: 'standard', confidence: 'high' },
  etudiant: { basis: 'CESEDA L.422-1, L.422-2', taxRate: 'reduced', confidence: 'high' },
  salarie: { basis: 'CESEDA L.421-1', taxRate: 'standard', confidence: 'medium' },
  travailleur_temporaire: { basis: 'CESEDA L.421-3', taxRate: 'standard', confidence: 'high' },
  vie_privee_familiale: { basis: 'CESEDA L.423-1 et suivants', taxRate: 'standard', confidence: 'medium' },
  vpf_conjoint_de_francais: { basis: 'CESEDA L.423-1', taxRate: 'standard', confidence: 'medium' },
  talent: { basis: 'CESEDA L.421-9 à L.421-21', taxRate: 'standard', confidence: 'medium' },
  salarie_detache_ict: { basis: 'CESEDA L.421-26', taxRate: 'standard', confidence: 'high' },
  recherche_emploi_creation_entreprise: { basis: 'CESEDA L.422-10', taxRate: 'reduced', confidence: 'high' },
  stagiaire: { basis: 'CESEDA L.426-23', taxRate: 'reduced', confidence: 'medium' },
  jeune_au_pair: { basis: 'CESEDA L.426-22', taxRate: 'reduced', confidence: 'medium' },
  // rules.json gives no tax category for the "retraité" card: standard rate, low confidence.
  retraite: { basis: 'CESEDA L.411-1 7°', taxRate: 'standard', confidence: 'low' },
} as const satisfies Record<string, CardTypeRule>;

export type CardTypeId = keyof typeof CARD_TYPES;

export const CARD_TYPE_IDS = Object.keys(CARD_TYPES) as readonly CardTypeId[];

export function isCardType(value: string): value is CardTypeId {
  return Object.hasOwn(CARD_TYPES, value);
}
