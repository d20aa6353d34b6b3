/**
 * The help directory as data (issue 8): who can help, in which situation, and how to reach them.
 * Words are in locales/{fr,en}/help.json (`actors.<id>.*`, `situations.<id>.*`); what is not
 * words — addresses on the web and phone numbers — is here, once.
 */
import { HELP_SITUATIONS, type HelpSituation } from '../../../domain/letters/letters';

export { HELP_SITUATIONS, type HelpSituation };

export const HELP_PATH = '/aide';

export function helpPath(situation?: HelpSituation | null): string {
  return situation ? `${HELP_PATH}?situation=${situation}` : HELP_PATH;
}

export function isHelpSituation(value: string | null): value is HelpSituation {
  return value !== null && (HELP_SITUATIONS as readonly string[]).includes(value);
}

export type ActorId = 'consulate' | 'gisti' | 'lawyer' | 'defender';

export interface Actor {
  id: ActorId;
  /** The main web address (the `link` label names it). */
  url: string;
  /** A second web address, labelled `aid` (legal aid for lawyers). */
  secondUrl?: string;
  /** Dialled as written: `tel:` link, label `phoneLabel`. */
  phone?: string;
}

export const ACTORS: Readonly<Record<ActorId, Actor>> = {
  consulate: { id: 'consulate', url: 'https://www.diplomatie.gouv.fr/' },
  gisti: { id: 'gisti', url: 'https://www.gisti.org/' },
  lawyer: { id: 'lawyer', url: 'https://www.cnb.avocat.fr/', secondUrl: 'https://www.service-public.fr/particuliers/vosdroits/F18074' },
  defender: { id: 'defender', url: 'https://formulaire.defenseurdesdroits.fr/', phone: '+33969390000' },
};

/** Who to turn to first, by situation: a refusal calls for a lawyer first, silence for the Défenseur. */
export const ACTORS_BY_SITUATION: Readonly<Record<HelpSituation, readonly ActorId[]>> = {
  no_answer: ['defender', 'gisti', 'lawyer', 'consulate'],
  tacit_refusal: ['lawyer', 'gisti', 'defender', 'consulate'],
  refusal: ['lawyer', 'gisti', 'defender', 'consulate'],
};

export const STEP_KEYS = ['step1', 'step2', 'step3'] as const;
